package org.civicplatform.app.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.civicplatform.app.it.KunshanFamily.ZHENG_JUN;
import static org.civicplatform.app.it.KunshanFamily.houseOwnership;
import static org.civicplatform.app.it.KunshanFamily.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Kunshan tenant admin opens 积分规则参数 from 管理后台: every parameter with its label and unit, a bad
 * value refused next to its field (nothing stored), a cap on property points that reaches a submitted
 * application's breakdown ({@code GET …/application/points}, stamped with the new version), a change made
 * meanwhile elsewhere answered 409 with a reload, and the defaults restored after a confirmation.
 */
@ExtendWith(ArquillianExtension.class)
class AdminRulesBrowserIT extends BrowserTest {

  static final String YEAR = "2024";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of("platform.notifications.outbox-endpoint.enabled", "true"));
  }

  @ArquillianResource URL deployment;

  @Override
  protected URL deployedAt() {
    return deployment;
  }

  @Test
  void theTenantAdminChangesAParameterWhichReachesTheBreakdownAndRestoresTheDefaults() throws Exception {
    run(this::rulesFlow, "admin-rules-zz-failure.png");
  }

  void rulesFlow() throws Exception {
    // a submitted application whose property points come from the registry (郑军: 2003-08-15, 41.17 by default)
    KunshanFamily family = KunshanFamily.register(deployment);
    String app = family.child("郑规则");
    family.fill(app, "郑军", ZHENG_JUN, houseOwnership("KS2003015678", ZHENG_JUN));
    family.submit(app);
    family.lookUps(app);
    JsonObject before = family.points(app);
    String versionBefore = before.getString("ruleSet");
    assertEquals("41.17", line(before, "property").getString("display"));

    page.navigate(base.toString());
    page.click("#sign-in");
    keycloakLogin("ks-admin", "Demo#2024");
    page.waitForURL(Pattern.compile(".*#/admin/kunshan$"));
    page.click("#admin-rules");
    page.waitForURL(Pattern.compile(".*#/admin/kunshan/rules/" + YEAR + "$"));
    assertThat(page.locator("h1")).containsText("积分规则参数");
    assertThat(page.locator("#rules-version")).hasText(versionBefore);
    assertThat(page.locator("label[for=rule-property-cap]")).containsText("房产积分上限");
    assertThat(page.locator("label[for=rule-property-cap]")).containsText("分");
    assertThat(page.locator("label[for=rule-insurance-recentMonths]")).containsText("月");
    assertThat(page.locator("label[for=rule-education-BACHELOR]")).containsText("本科");
    assertThat(page.locator("#rule-property-pointsPerMonth")).hasValue("1/6");
    assertThat(page.locator("#rules-stamp")).containsText("积分明细");
    shot("admin-rules-01-parameters");

    // a bad value: refused next to its field, nothing stored
    page.fill("#rule-insurance-recentMonths", "0");
    page.click("#rules-save");
    assertThat(page.locator("#rule-insurance-recentMonths-error")).containsText("1 到 120");
    assertThat(page.locator("#rule-insurance-recentMonths")).hasAttribute("aria-invalid", "true");
    assertThat(page.locator("#rules-summary")).isVisible();
    shot("admin-rules-02-refused");
    String admin = ApplicationsIT.token("ks-admin");
    Api api = new Api(deployment);
    assertEquals(versionBefore, api.get("api/tenants/kunshan/rules/" + YEAR, admin).object().getString("version"));

    // a cap on property points: stored as a new version, stamped on the parent's breakdown
    page.fill("#rule-insurance-recentMonths", "36");
    page.fill("#rule-property-cap", "30");
    page.click("#rules-save");
    assertThat(page.locator("#rules-notice")).containsText("已保存");
    assertThat(page.locator("#rule-property-cap")).hasValue("30");
    assertThat(page.locator("#rules-updated-by")).hasText("ks-admin");
    assertThat(page.locator("#rules-source")).hasText("管理员修改");
    String capped = page.locator("#rules-version").textContent();
    assertNotEquals(versionBefore, capped);
    assertTrue(capped.startsWith("kunshan-" + YEAR + "-r"), capped);
    shot("admin-rules-03-saved");
    JsonObject after = family.points(app);
    assertEquals(capped, after.getString("ruleSet"));
    assertEquals("30", line(after, "property").getString("display"));

    // changed elsewhere meanwhile: the page's save is a 409 and offers the reload
    JsonObject stored = api.get("api/tenants/kunshan/rules/" + YEAR, admin).object();
    Api.Answer elsewhere = api.put("api/tenants/kunshan/rules/" + YEAR, admin,
        stored.getJsonObject("parameters").toString(), "If-Match", "\"" + capped + "\"");
    assertEquals(200, elsewhere.status(), elsewhere.body());
    String newer = elsewhere.object().getString("version");
    assertEquals(409, api.put("api/tenants/kunshan/rules/" + YEAR, admin, stored.getJsonObject("parameters").toString(),
        "If-Match", "\"" + capped + "\"").status(), "a stale If-Match stores nothing");
    page.fill("#rule-property-cap", "31");
    page.click("#rules-save");
    assertThat(page.locator("#rules-summary")).containsText("已被其他管理员修改");
    shot("admin-rules-04-stale");
    page.click("#rules-reload");
    assertThat(page.locator("#rules-version")).hasText(newer);
    assertThat(page.locator("#rule-property-cap")).hasValue("30");

    // reset to the defaults, after a confirmation
    page.click("#rules-reset");
    assertThat(page.locator("[role=alertdialog]")).containsText("恢复为系统默认值");
    shot("admin-rules-05-reset-confirm");
    page.click("#rules-reset-confirm");
    assertThat(page.locator("#rules-notice")).containsText("已恢复默认值");
    assertThat(page.locator("#rule-property-cap")).hasValue("");
    assertThat(page.locator(".changed-badge")).hasCount(0);
    JsonObject reset = family.points(app);
    assertEquals(page.locator("#rules-version").textContent(), reset.getString("ruleSet"));
    assertEquals("41.17", line(reset, "property").getString("display"));
    shot("admin-rules-06-defaults");

    page.click("#lang-switch");
    assertThat(page.locator("label[for=rule-property-cap]")).containsText("Cap on property points");
    assertTrue(consoleErrors.stream().noneMatch(e -> e.contains("TypeError") || e.contains("ReferenceError")),
        consoleErrors.toString());
  }

  /**
   * Leaves the year as the other ITs of this JVM expect it (never edited: {@code kunshan-2024-default}):
   * the stored versions are test data of this class only.
   */
  @AfterEach
  void forgetTheStoredParameters() throws Exception {
    try (Connection c = TestPlatform.get().database().connect();
        PreparedStatement ps = c.prepareStatement("delete from rule_parameters where tenant_id = 'kunshan' and year = ?")) {
      ps.setInt(1, Integer.parseInt(YEAR));
      ps.executeUpdate();
    }
  }
}
