package org.civicplatform.app.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import java.net.URL;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Kunshan tenant admin (ks-admin) signs in through Keycloak, lands on 管理后台 (sections, counts per
 * district and status, CSV with a BOM), opens 审核人员管理, is told inline what is wrong with an
 * incomplete reviewer, creates one for 花桥, gives the housing department, takes the district away and disables
 * the account; the API agrees.
 */
@ExtendWith(ArquillianExtension.class)
class AdminConsoleBrowserIT extends BrowserTest {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of("platform.demo-data.enabled", "true")); // districts and schools to pick
  }

  @ArquillianResource URL deployment;

  @Override
  protected URL deployedAt() {
    return deployment;
  }

  @Test
  void theTenantAdminCreatesAReviewerInTheAdminConsole() throws Exception {
    run(this::adminFlow, "admin-zz-failure.png");
  }

  void adminFlow() throws Exception {
    String username = "ui-reviewer-" + (System.currentTimeMillis() % 1_000_000);
    page.navigate(base.toString());
    page.click("#sign-in");
    keycloakLogin("ks-admin", "Demo#2024");
    page.waitForURL(Pattern.compile(".*#/admin/kunshan$"));
    assertThat(page.locator("h1")).containsText("管理后台");
    assertThat(page.locator("#admin-allocation")).hasAttribute("href", "#/admin/kunshan/allocation");
    assertThat(page.locator("#admin-schools")).hasAttribute("href", "#/admin/kunshan/schools");
    assertThat(page.locator("#nav-admin")).isVisible();
    shot("admin-01-home");

    Download download = page.waitForDownload(() -> page.click("#counts-csv"));
    byte[] csv = Files.readAllBytes(download.path());
    assertTrue(csv.length > 3 && (csv[0] & 0xFF) == 0xEF && (csv[1] & 0xFF) == 0xBB && (csv[2] & 0xFF) == 0xBF, "UTF-8 BOM");
    assertTrue(new String(csv, java.nio.charset.StandardCharsets.UTF_8).contains("区域 district"));

    page.click("#admin-staff");
    page.waitForURL(Pattern.compile(".*#/admin/kunshan/staff$"));
    assertThat(page.locator("h1")).hasText("审核人员管理");
    assertThat(page.locator("#staff")).containsText("ks-window-huaqiao");

    // Incomplete: the problems are shown next to the fields, in Chinese.
    page.fill("#staff-username", "X");
    page.click("#staff-create-submit");
    assertThat(page.locator("#staff-username-error")).isVisible();
    assertThat(page.locator("#staff-username")).hasAttribute("aria-invalid", "true");
    assertThat(page.locator("#staff-temporaryPassword-error")).isVisible();
    shot("admin-02-staff-errors");

    page.fill("#staff-username", username);
    page.fill("#staff-lastName", "陈");
    page.fill("#staff-firstName", "审核");
    page.fill("#staff-temporaryPassword", "Review#2024x");
    page.selectOption("#staff-scope-kind", "district");
    page.selectOption("#staff-scope-code", "hq"); // a pick list of the tenant's districts, not a typed code
    page.click("#staff-create-submit");
    assertThat(page.locator("#staff-notice")).containsText(username);
    Locator row = page.locator("#staff tr[data-user='" + username + "']");
    assertThat(row).containsText("陈审核");
    assertThat(row.locator(".chips")).containsText("hq");
    assertThat(row).containsText("启用");

    // A department and a private school (民办一阶段) from the pick lists, the district taken away, then disabled.
    row.locator("#scope-" + username + "-kind").selectOption("department");
    row.locator("#scope-" + username + "-code").selectOption("real-estate");
    row.getByText("添加范围").click();
    assertThat(page.locator("#staff tr[data-user='" + username + "'] .chips")).containsText("real-estate");
    row = page.locator("#staff tr[data-user='" + username + "']");
    row.locator("#scope-" + username + "-kind").selectOption("school");
    assertThat(row.locator("#scope-" + username + "-code")).containsText("ks-kuncheng");
    row.locator("#scope-" + username + "-code").selectOption("ks-kuncheng");
    row.getByText("添加范围").click();
    assertThat(page.locator("#staff tr[data-user='" + username + "'] .chips")).containsText("ks-kuncheng");
    page.locator("#staff tr[data-user='" + username + "']")
        .getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
            new Locator.GetByRoleOptions().setName(Pattern.compile("移除 区镇"))).click();
    assertThat(page.locator("#staff tr[data-user='" + username + "'] .chips")).not().containsText("hq"); // the chips, not the pick list
    page.locator("#staff tr[data-user='" + username + "']")
        .getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
            new Locator.GetByRoleOptions().setName(Pattern.compile("移除 学校"))).click();
    assertThat(page.locator("#staff tr[data-user='" + username + "'] .chips")).not().containsText("ks-kuncheng");
    page.click("#toggle-" + username);
    assertThat(page.locator("#staff tr[data-user='" + username + "']")).containsText("已停用");
    shot("admin-03-staff-created");

    String admin = ApplicationsIT.token("ks-admin");
    var created = new Api(deployment).get("api/tenants/kunshan/staff", admin).json().asJsonArray()
        .getValuesAs(jakarta.json.JsonObject.class).stream()
        .filter(s -> s.getString("username").equals(username)).findFirst().orElseThrow();
    assertEquals(false, created.getBoolean("enabled"));
    assertEquals("[\"department:real-estate\"]", created.getJsonArray("scopes").toString());
    var options = new Api(deployment).get("api/tenants/kunshan/staff/scopes", admin).json().asJsonArray()
        .getValuesAs(jakarta.json.JsonObject.class).stream()
        .map(o -> o.getString("kind") + ":" + o.getString("code")).toList();
    assertTrue(options.containsAll(java.util.List.of("district:hq", "department:real-estate", "school:ks-kuncheng")),
        options.toString());
    assertTrue(options.stream().noneMatch(o -> o.equals("school:ks-huaqiao-primary")), "public schools have no review stage");
    assertEquals(403, new Api(deployment).get("api/tenants/kunshan/staff/scopes", ApplicationsIT.token("13800000001")).status());
    assertTrue(consoleErrors.stream().noneMatch(e -> e.contains("TypeError") || e.contains("ReferenceError")),
        consoleErrors.toString());
  }
}
