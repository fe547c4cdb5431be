package org.civicplatform.app.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
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
 * The 录取管理 page in Chromium: the Kunshan admin starts a dry run (commitment shown, seed not), reads the
 * school tallies and the reasons, and publishes after the confirm step (the seed appears). Screenshots in
 * {@code target/screenshots/allocation-*}.
 */
@ExtendWith(ArquillianExtension.class)
class AllocationBrowserIT extends BrowserTest {

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
  void theAdminStartsADryRunReadsTheReasonsAndPublishesAfterConfirming() throws Exception {
    run(this::flow, "allocation-zz-failure.png");
  }

  void flow() throws Exception {
    AllocationIT.seedCrowd(8);
    page.navigate(base.toString());
    page.click("#sign-in");
    page.waitForURL(Pattern.compile(".*/realms/civic/protocol/openid-connect/auth.*"));
    page.fill("#username", "ks-admin");
    page.fill("#password", "Demo#2024");
    page.click("#kc-login");
    page.waitForURL(Pattern.compile(".*#/.*"));
    page.navigate(base + "#/admin/kunshan/allocation");
    assertThat(page.locator("h1")).hasText("录取管理");
    page.click("#alloc-start button[type=submit]");
    page.waitForURL(Pattern.compile(".*#/admin/kunshan/allocation/[\\w-]+$"));
    assertThat(page.locator("#alloc-summary")).containsText("种子承诺");
    assertThat(page.locator("#alloc-summary")).not().containsText("摇号种子（发布后公开）");
    assertThat(page.locator("#alloc-schools")).containsText("昆山市锦溪中心小学校");
    assertThat(page.locator("#alloc-results tbody tr").first()).isVisible();
    page.selectOption("#alloc-school", "ks-jinxi-primary");
    assertThat(page.locator("#alloc-results")).containsText("区镇准入线");
    // ranking values and phases under the tenant's names, not their codes
    assertThat(page.locator("#alloc-results")).containsText("(总积分 ");
    assertThat(page.locator("#alloc-results")).not().containsText("points ");
    assertThat(page.locator("#alloc-schools")).not().containsText("PUBLIC:");
    page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SHOTS.resolve("allocation-01-dry-run.png")));

    page.click("#alloc-publish button");
    assertThat(page.locator("#alloc-publish")).containsText("确认发布？");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("allocation-02-confirm.png")));
    page.click("#alloc-publish-yes");
    assertThat(page.locator("h1")).containsText("已发布");
    assertThat(page.locator("#alloc-summary")).containsText("摇号种子（发布后公开）");
    assertThat(page.locator("#alloc-bundle")).isVisible();
    page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SHOTS.resolve("allocation-03-published.png")));
  }
}
