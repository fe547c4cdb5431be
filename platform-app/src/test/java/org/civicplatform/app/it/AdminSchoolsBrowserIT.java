package org.civicplatform.app.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
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
 * The Kunshan tenant admin opens 学校与学位 from 管理后台, filters by district, changes a school's seats and
 * adds a zone pattern (the saved values are there after a reload and in the API), is told next to the field
 * that negative seats are refused, and opens the enrolment calendar.
 */
@ExtendWith(ArquillianExtension.class)
class AdminSchoolsBrowserIT extends BrowserTest {

  static final String SCHOOL = "ks-zhoushi-primary";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of("platform.demo-data.enabled", "true"));
  }

  @ArquillianResource URL deployment;

  @Override
  protected URL deployedAt() {
    return deployment;
  }

  @Test
  void theTenantAdminChangesASchoolsSeatsAndZoneInTheBrowser() throws Exception {
    run(this::schoolsFlow, "admin-schools-zz-failure.png");
  }

  void schoolsFlow() throws Exception {
    String marker = "周市幸福" + (System.currentTimeMillis() % 100_000) + "苑";
    page.navigate(base.toString());
    page.click("#sign-in");
    keycloakLogin("ks-admin", "Demo#2024");
    page.waitForURL(Pattern.compile(".*#/admin/kunshan$"));
    page.click("#admin-schools");
    page.waitForURL(Pattern.compile(".*#/admin/kunshan/schools$"));
    assertThat(page.locator("h1")).hasText("学校与学位");
    assertThat(page.locator("#schools")).containsText("昆山市培本实验小学");
    page.selectOption("#schools-district", "zs");
    assertThat(page.locator("#schools")).not().containsText("昆山市培本实验小学");
    Locator row = page.locator("#schools tr[data-school='" + SCHOOL + "']");
    assertThat(row).containsText("周市镇");
    assertThat(row).containsText("公办");
    assertThat(row).containsText("小学 300");
    shot("admin-schools-01-list");

    page.click("#edit-" + SCHOOL);
    page.waitForURL(Pattern.compile(".*#/admin/kunshan/schools/" + SCHOOL + "$"));
    assertThat(page.locator("h1")).hasText("昆山市周市中心小学校");
    assertThat(page.locator("#school-seats-PRIMARY")).hasValue("300");

    // Negative seats: refused, the message next to the field, nothing saved.
    page.fill("#school-seats-PRIMARY", "-5");
    page.click("#school-save");
    assertThat(page.locator("#school-seats-PRIMARY-error")).containsText("学位数应为");
    assertThat(page.locator("#school-seats-PRIMARY")).hasAttribute("aria-invalid", "true");
    shot("admin-schools-02-error");

    page.fill("#school-seats-PRIMARY", "315");
    page.fill("#school-zone", "周市镇\n" + marker);
    page.click("#school-save");
    assertThat(page.locator("#school-notice")).containsText("已保存");
    page.reload();
    assertThat(page.locator("#school-seats-PRIMARY")).hasValue("315");
    assertThat(page.locator("#school-zone")).hasValue("周市镇\n" + marker);
    shot("admin-schools-03-saved");

    String admin = ApplicationsIT.token("ks-admin");
    var school = new Api(deployment).get("api/tenants/kunshan/admin/schools/" + SCHOOL, admin).object();
    assertEquals(315, school.getJsonObject("seats").getInt("PRIMARY"));
    assertEquals("[\"周市镇\",\"" + marker + "\"]", school.getJsonArray("zone").toString());

    page.click("text=返回学校列表");
    page.click("#schools-calendar");
    page.waitForURL(Pattern.compile(".*#/admin/kunshan/calendar$"));
    assertThat(page.locator("h1")).hasText("招生日程");
    assertThat(page.locator("#calendar li").first()).isVisible();
    shot("admin-schools-04-calendar");
    assertTrue(consoleErrors.stream().noneMatch(e -> e.contains("TypeError") || e.contains("ReferenceError")),
        consoleErrors.toString());
  }
}
