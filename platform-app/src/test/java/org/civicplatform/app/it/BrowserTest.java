package org.civicplatform.app.it;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every browser test shares: Debian's Chromium driven by Playwright (no browser download), headless,
 * zh-CN, opened on the deployment under {@code localhost} (a secure context: Web Crypto for PKCE), whose
 * origin is allowed in Keycloak's {@code civic-web} client; console errors are collected.
 */
abstract class BrowserTest {

  static final Path SHOTS = Path.of("target", "screenshots");

  /** The deployment as Arquillian gives it (an IP address). */
  protected abstract URL deployedAt();

  /** The deployment under localhost. */
  URL base;

  Playwright playwright;
  Browser browser;
  Page page;
  final List<String> consoleErrors = new ArrayList<>();

  @BeforeEach
  void openBrowser() throws Exception {
    base = new URL("http", "localhost", deployedAt().getPort(), deployedAt().getFile());
    ParentPortalBrowserIT.allowOriginInKeycloak(ParentPortalBrowserIT.origin(base));
    Files.createDirectories(SHOTS);
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(Path.of(System.getProperty("civic.chromium", "/usr/bin/chromium")))
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN")));
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setViewportSize(1280, 900).setLocale("zh-CN"));
    context.setDefaultTimeout(20_000);
    page = context.newPage();
    page.onConsoleMessage(m -> {
      if ("error".equals(m.type())) {
        consoleErrors.add(m.text());
      }
    });
    page.onPageError(e -> consoleErrors.add(e));
  }

  /** A browser flow that may throw anything. */
  @FunctionalInterface
  interface Flow {
    void run() throws Exception;
  }

  /** Runs a flow; on failure saves a full-page screenshot and names the page and console errors. */
  void run(Flow flow, String failureShot) {
    try {
      flow.run();
    } catch (Throwable e) {
      page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SHOTS.resolve(failureShot)));
      throw new AssertionError("failed at " + page.url() + " (console: " + consoleErrors + ")", e);
    }
  }

  @AfterEach
  void closeBrowser() {
    if (playwright != null) {
      playwright.close();
    }
  }
}
