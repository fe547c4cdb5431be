package org.civicplatform.app.it;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every browser test shares: Debian's Chromium driven by Playwright (no browser download), headless,
 * zh-CN, opened on the deployment under {@code localhost} (a secure context: Web Crypto for PKCE), whose
 * origin is allowed in Keycloak's {@code civic-web} client; console errors are collected; {@link #shot}
 * writes each page at 375 px and 1280 px and runs axe-core on it (no serious or critical violation).
 * A Content-Security-Policy violation reported on one of our pages fails the test after it ran.
 */
abstract class BrowserTest {

  static final Path SHOTS = Path.of("target", "screenshots");

  /** The deployment as Arquillian gives it (an IP address). */
  protected abstract URL deployedAt();

  /** The deployment under localhost. */
  URL base;

  Playwright playwright;
  Browser browser;
  BrowserContext context;
  Page page;
  final List<String> consoleErrors = new ArrayList<>();
  /** Content-Security-Policy violations the browser reported on our pages (not Keycloak's). */
  final List<String> cspViolations = new ArrayList<>();
  /** Requests our pages made that answered 4xx/5xx, named in a failure (the console names none). */
  final List<String> failedResponses = java.util.Collections.synchronizedList(new ArrayList<>());

  /** axe-core's script (test-scope WebJar), read once. */
  private static String axeSource;

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
    // A shared 2-core machine: pages that call Keycloak (staff lists) may take longer than the 5 s default.
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    newContext();
  }

  /**
   * Closes the current browser context (cookies, storage, the in-memory tokens: like closing the
   * browser) and opens a fresh one with a new page.
   */
  void newContext() {
    if (context != null) {
      context.close();
    }
    context = browser.newContext(new Browser.NewContextOptions()
        .setViewportSize(1280, 900).setLocale("zh-CN").setAcceptDownloads(true));
    context.setDefaultTimeout(20_000);
    page = context.newPage();
    page.onConsoleMessage(m -> {
      if ("error".equals(m.type())) {
        consoleErrors.add(m.text());
      }
      if (m.text().contains("Content Security Policy") && m.page() != null
          && m.page().url().startsWith(base.toString())) {
        cspViolations.add(m.page().url() + " :: " + m.text());
      }
    });
    page.onPageError(e -> consoleErrors.add(e));
    // Chromium logs "Failed to load resource: 404" without the address: keep which request failed
    page.onResponse(r -> {
      if (r.status() >= 400) {
        failedResponses.add(r.request().method() + " " + r.url() + " → " + r.status());
      }
    });
  }

  /**
   * Runs axe-core on the page as it is now and fails on any serious or critical violation, naming the
   * rule, its help text and the first elements concerned.
   */
  void axe(String where) throws Exception {
    // Evaluated through the DevTools protocol, not as an inline <script>: the page's CSP forbids those.
    Object loaded = page.evaluate("() => {\n" + axeSource() + "\n;return typeof window.axe;}");
    if (!"object".equals(loaded)) {
      throw new AssertionError("axe-core did not load on " + where + ": " + loaded);
    }
    Object found = page.evaluate("async () => {"
        + " const r = await axe.run(document, { resultTypes: ['violations'] });"
        + " return JSON.stringify(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
        + "   .map(v => ({ id: v.id, impact: v.impact, help: v.help,"
        + "     nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').split('\\n').slice(0, 2).join(' ')) })));"
        + "}");
    if (!"[]".equals(found)) {
      throw new AssertionError("axe-core: serious/critical violations on " + where + ": " + found);
    }
  }

  static synchronized String axeSource() throws Exception {
    if (axeSource == null) {
      Properties pom = new Properties();
      try (InputStream in = BrowserTest.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
        pom.load(in);
      }
      String path = "/META-INF/resources/webjars/axe-core/" + pom.getProperty("version") + "/axe.min.js";
      try (InputStream in = BrowserTest.class.getResourceAsStream(path)) {
        axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return axeSource;
  }

  /** Checks the page with axe-core, then writes it at 375 px and 1280 px wide (full height). */
  void shot(String name) throws Exception {
    page.waitForLoadState();
    for (int width : new int[] {375, 1280}) {
      page.setViewportSize(width, 900);
      page.waitForTimeout(150);
      page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SHOTS.resolve(name + "-" + width + ".png")));
    }
    if (page.url().startsWith(base.toString())) { // our pages, not Keycloak's
      axe(name);
    }
  }

  /** On Keycloak's own login page (after a redirect): signs in and waits to be back on the platform. */
  void keycloakLogin(String username, String password) {
    page.waitForURL(java.util.regex.Pattern.compile(".*/realms/civic/protocol/openid-connect/auth.*"));
    page.fill("#username", username);
    page.fill("#password", password);
    page.click("#kc-login");
    page.waitForURL(java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(base.toString()) + ".*"));
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
      throw new AssertionError("failed at " + page.url() + " (console: " + consoleErrors + "; failed requests: "
          + failedResponses + ")", e);
    }
  }

  @AfterEach
  void closeBrowser() {
    if (playwright != null) {
      playwright.close();
    }
    if (!cspViolations.isEmpty()) {
      throw new AssertionError("Content-Security-Policy violations: " + cspViolations);
    }
  }
}
