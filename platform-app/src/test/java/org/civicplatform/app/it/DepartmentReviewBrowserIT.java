package org.civicplatform.app.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.civicplatform.app.it.KunshanFamily.ZHENG_JUN;
import static org.civicplatform.app.it.KunshanFamily.approve;
import static org.civicplatform.app.it.KunshanFamily.houseOwnership;
import static org.civicplatform.app.it.KunshanFamily.reviewer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 核定积分项 in Debian's Chromium: two Kunshan applications (the seed's 郑军, property KS2003015678 registered
 * 2003-08-15) submitted and approved by the 花桥 window through the API. The housing department reviewer
 * (ks-dept-housing) opens the first task, sees the registry look-up and the points breakdown, and approves
 * with the look-up's date; on the second a date after the cut-off is refused next to the input, and a
 * correction differing from the look-up waits for a second reviewer (4-eyes); the proposer cannot confirm
 * it; ks-admin (tenant-wide) confirms it in the browser. Screenshots {@code target/screenshots/dept-*}.
 */
@ExtendWith(ArquillianExtension.class)
class DepartmentReviewBrowserIT extends BrowserTest {

  static final String HOUSING = "ks-dept-housing";

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
  void theHousingDepartmentConfirmsTheLookUpAndACorrectionNeedsASecondReviewer() throws Exception {
    run(this::flow, "dept-zz-failure.png");
  }

  /** A submitted application past the window; returns its dept-real-estate task. */
  JsonObject atTheHousingDepartment(String name) throws Exception {
    KunshanFamily family = KunshanFamily.register(deployment);
    String app = family.child(name);
    family.fill(app, "郑军", ZHENG_JUN, houseOwnership("KS2003015678", ZHENG_JUN));
    String id = family.submit(app).getString("id");
    family.lookUps(app);
    JsonObject window = family.task("ks-window-huaqiao", id, "window");
    assertEquals(200, family.api.post("api/review/tasks/" + window.getString("id") + "/claim",
        reviewer("ks-window-huaqiao"), "").status());
    Api.Answer approved = family.decide("ks-window-huaqiao", window, approve("{\"documents\": true, \"guardians\": true}"));
    assertEquals(200, approved.status(), approved.body());
    JsonObject housing = family.task(HOUSING, id, "dept-real-estate");
    assertNotNull(housing, "the housing department has the task");
    return housing;
  }

  void signIn(String user) {
    newContext();
    page.navigate(base.toString());
    page.click("#sign-in");
    keycloakLogin(user, "Demo#2024");
    assertThat(page.locator("#sign-out")).isVisible();
  }

  void openTask(String taskId) {
    page.navigate(base + "#/review/task/" + taskId);
    assertThat(page.locator("h1")).containsText("审核任务");
  }

  void flow() throws Exception {
    String first = atTheHousingDepartment("郑一").getString("id");
    String second = atTheHousingDepartment("郑二").getString("id");
    Api api = new Api(deployment);

    // The housing reviewer: the look-up next to the input (prefilled), the points breakdown aside.
    signIn(HOUSING);
    openTask(first);
    assertThat(page.locator("#items-heading")).hasText("核定积分项");
    assertThat(page.locator("#item-property-lookup")).containsText("对接结果：2003-08-15");
    assertThat(page.locator("#item-property")).hasValue("2003-08-15");
    assertThat(page.locator("#item-property")).isDisabled();
    assertThat(page.locator("#task-points")).containsText("积分明细");
    assertThat(page.locator("#task-points tr[data-item=property]")).containsText("41.17");
    assertThat(page.locator("#task-points")).containsText("核算中");
    page.click("#claim");
    assertThat(page.locator("#item-property")).isEnabled();
    shot("dept-01-task-items");
    page.check("#decision-APPROVE");
    page.click("#decision-submit");
    assertThat(page.locator("#task-notice")).containsText("通过");
    assertThat(page.locator("#decided")).containsText("已通过");
    JsonObject approved = api.get("api/review/tasks/" + first, reviewer(HOUSING)).object().getJsonObject("task");
    assertEquals("APPROVED", approved.getString("status"));
    assertEquals("2003-08-15", approved.getJsonObject("confirmedValues").getString("property"));

    // The second: a date after the cut-off is refused next to the input; a correction waits for 4-eyes.
    openTask(second);
    page.click("#claim");
    assertThat(page.locator("#item-property")).isEnabled();
    page.fill("#item-property", "2030-01-01");
    page.check("#decision-APPROVE");
    page.click("#decision-submit");
    assertThat(page.locator("#item-property-error")).containsText("不能晚于计分截止日");
    assertThat(page.locator("#item-property")).hasAttribute("aria-invalid", "true");
    shot("dept-02-item-error");
    page.fill("#item-property", "2010-05-01");
    page.click("#decision-submit");
    assertThat(page.locator("#task-notice")).containsText("已提交更正，待另一名审核人员复核（四眼原则）");
    assertThat(page.locator("#pending-values")).containsText("2010-05-01");
    assertThat(page.locator("#override-own")).containsText("不能由您本人复核");
    page.click("#override-confirm");
    assertThat(page.locator("#override-error")).containsText("不能复核自己提交的更正（四眼原则）");
    shot("dept-03-pending-own");
    JsonObject pending = api.get("api/review/tasks/" + second, reviewer(HOUSING)).object().getJsonObject("task");
    assertEquals("OPEN", pending.getString("status"));
    assertEquals("2010-05-01", pending.getJsonObject("pendingOverride").getJsonObject("values").getString("property"));

    // ks-admin (tenant-wide) confirms the correction.
    signIn("ks-admin");
    openTask(second);
    assertThat(page.locator("#pending-override")).containsText("2010-05-01");
    assertThat(page.locator("#override-own")).hasCount(0);
    shot("dept-04-pending-other");
    page.click("#override-confirm");
    assertThat(page.locator("#task-notice")).containsText("更正已复核确认");
    assertThat(page.locator("#decided")).containsText("已通过");
    shot("dept-05-confirmed");
    JsonObject confirmed = api.get("api/review/tasks/" + second, reviewer(HOUSING)).object().getJsonObject("task");
    assertEquals("APPROVED", confirmed.getString("status"));
    assertEquals("2010-05-01", confirmed.getJsonObject("confirmedValues").getString("property"));

    assertTrue(consoleErrors.stream().noneMatch(e -> e.contains("TypeError") || e.contains("ReferenceError")),
        consoleErrors.toString());
  }
}
