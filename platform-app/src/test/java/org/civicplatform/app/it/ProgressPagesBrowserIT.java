package org.civicplatform.app.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Kunshan parent whose application passed the window review sees the seed's per-batch statuses on the
 * family home with the deadline countdown, opens the 房产对接结果 dialog, the progress page (district,
 * points subject, chain, points) and the print view, which Chromium prints to an A4 PDF with the Chinese
 * text in a CJK font. Screenshots at 375 px and 1280 px and the PDF land in {@code target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
class ProgressPagesBrowserIT extends BrowserTest {

  static final String PARENT = "13800000002";
  static final String CHILD = "周小雨";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of("platform.demo-data.enabled", "true"));
  }

  @ArquillianResource URL deployment;

  @Override
  protected URL deployedAt() {
    return deployment;
  }

  Api api() {
    return new Api(deployment);
  }

  @Test
  void aParentWithASubmittedApplicationSeesTheStatusTableTheProgressAndThePrintableForm() throws Exception {
    String child = windowApprovedApplication();
    run(() -> pages(child), "zz-progress-failure.png");
  }

  @Test
  void theChoicesStepRecommendsTheZonesSchoolAndTheParentMayCancelAndChooseAnother() throws Exception {
    String parent = ApplicationsIT.token(PARENT);
    String child = filledChild("吴小溪", "20180611");
    String app = "api/tenants/kunshan/children/" + child + "/application";
    String housing = """
        {"property": {"hasProperty": true, "certificateType": "REAL_ESTATE", "certificateYear": 2021,
          "certificateNumber": "1112223", "owner": "guardian1", "ownerIdNumber": "%s", "soleOwner": true,
          "address": "江苏省苏州市昆山市 陆家镇菉溪路８８号３栋５０２室"}}""".formatted(TestPlatform.mainlandId("19850615"));
    assertEquals(200, api().put(app + "/steps/housing", parent, housing).status());
    run(() -> {
      signInAt("#/t/kunshan/c/" + child + "/step/choices");
      // The earlier choice (花桥) is shown by name; choosing again starts from the property's zone.
      assertThat(page.locator("#f-choices-choices-public-chosen")).containsText("昆山市花桥中心小学校");
      page.getByText("重新选择").click();
      assertThat(page.locator("#f-choices-choices-public-box")).containsText("系统根据您填报的房屋坐落推荐");
      assertThat(page.locator("#f-choices-choices-public-box")).containsText("昆山市陆家镇慕溪小学");
      shot("p06-choices-recommended");
      page.click("#f-choices-choices-public-cancel");
      page.selectOption("#f-choices-choices-public-alternatives", "ks-lujia-west");
      page.click("#f-choices-choices-public-confirm");
      assertThat(page.locator("#f-choices-choices-public-chosen")).containsText("昆山市陆家中心小学校（西校区）");
      shot("p07-choices-cancelled-and-chosen");
      page.click("#save-next");
      page.waitForURL(Pattern.compile(".*/step/preview$"));
    }, "zz-choices-failure.png");
    JsonObject saved = api().get(app, parent).object();
    assertEquals("ks-lujia-west", saved.getJsonObject("answers").getJsonObject("choices").getJsonObject("choices")
        .getString("public"));
    assertTrue(api().get(app + "/recommendation", parent).object().getJsonObject("decision").getBoolean("cancelled"));
  }

  @Test
  void theLastStepSaysThatTheApplicationPhaseClosedAndOffersNoSubmission() throws Throwable {
    String child = filledChild("郑小川", "20180713");
    String closed = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
    ApplicationsIT.withApplicationPhase(-30, -1, () -> run(() -> {
      signInAt("#/t/kunshan/c/" + child + "/step/preview");
      assertThat(page.locator("#step-form #deadline")).containsText("网上报名已于 " + closed + " 截止");
      assertThat(page.locator("#submit")).isDisabled();
      shot("p08-preview-application-phase-closed");
    }, "zz-closed-failure.png"));
  }

  /** A child of {@link #PARENT} (primary, born on yyyymmdd) whose application has every step saved; its id. */
  @Test
  void aReturnedApplicationShowsTheParentWhyAndMarksWhatToCorrect() throws Exception {
    String parent = ApplicationsIT.token(PARENT);
    String child = filledChild("钱小退", "20180805");
    String app = "api/tenants/kunshan/children/" + child + "/application";
    assertEquals(200, api().postEmpty(app + "/submit", parent, "Idempotency-Key", java.util.UUID.randomUUID().toString()).status());
    ReviewIT review = new ReviewIT();
    review.base = deployment;
    JsonObject window = review.task("ks-window-huaqiao", api().get(app, parent).object().getString("id"), "window");
    assertEquals(200, review.decide("ks-window-huaqiao", window, "{\"decision\": \"RETURN\", \"reasonText\": \"请补充先进典型证明材料\","
        + " \"fields\": [\"honours.honour.hasHonour\"]}").status());
    run(() -> {
      signInAt("#/t/kunshan");
      // the family home: the reason and what to correct on the child's card, not only 已退回 and an SMS
      Locator notice = page.locator("li.child[data-child='" + child + "'] .return-notice");
      assertThat(notice).containsText("请补充先进典型证明材料");
      assertThat(notice).containsText("先进典型");
      shot("p08-returned-home");
      notice.locator(".return-edit").click();
      page.waitForURL(Pattern.compile(".*/step/honours$"));
      assertThat(page.locator("#return-notice")).containsText("请补充先进典型证明材料");
      assertThat(page.locator(".field.returned[data-path='honours.honour.hasHonour'] .returned-tag")).hasText("需修改");
      shot("p09-returned-wizard");
    }, "zz-returned-failure.png");
  }

  String filledChild(String name, String born) throws Exception {
    Api.Answer created = api().post("api/tenants/kunshan/children", ApplicationsIT.token(PARENT),
        "{\"stage\":\"PRIMARY\",\"name\":\"" + name + "\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\""
            + TestPlatform.mainlandId(born) + "\"}");
    assertEquals(201, created.status(), created.body());
    String child = created.object().getString("id");
    ApplicationsIT helper = new ApplicationsIT();
    helper.base = deployment;
    helper.fillAllSteps(ApplicationsIT.token(PARENT), "api/tenants/kunshan/children/" + child + "/application");
    return child;
  }

  /** Opens a page of the wizard as {@link #PARENT}, signing in on the way. */
  void signInAt(String route) {
    page.navigate(base + route);
    page.waitForURL(Pattern.compile(".*/realms/civic/protocol/openid-connect/auth.*"));
    page.fill("#username", PARENT);
    page.fill("#password", "Demo#2024");
    page.click("#kc-login");
    page.waitForURL(Pattern.compile(".*" + Pattern.quote(route.substring(route.lastIndexOf('/'))) + "$"));
  }

  /** A submitted application of {@link #PARENT} (property in 花桥, a phase-one private school) the window approved. */
  String windowApprovedApplication() throws Exception {
    String parent = ApplicationsIT.token(PARENT);
    Api.Answer created = api().post("api/tenants/kunshan/children", parent,
        "{\"stage\":\"PRIMARY\",\"name\":\"" + CHILD + "\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\""
            + TestPlatform.mainlandId("20180509") + "\"}");
    assertEquals(201, created.status(), created.body());
    String child = created.object().getString("id");
    String app = "api/tenants/kunshan/children/" + child + "/application";
    ApplicationsIT helper = new ApplicationsIT();
    helper.base = deployment;
    helper.fillAllSteps(parent, app);
    String housing = """
        {"property": {"hasProperty": true, "certificateType": "REAL_ESTATE", "certificateYear": 2019,
          "certificateNumber": "7654321", "owner": "guardian1", "ownerIdNumber": "%s", "soleOwner": true,
          "address": "江苏省昆山市花桥镇绿地大道100号5幢1201室"}}""".formatted(TestPlatform.mainlandId("19850615"));
    assertEquals(200, api().put(app + "/steps/housing", parent, housing).status());
    assertEquals(200, api().put(app + "/steps/choices", parent,
        "{\"choices\": {\"private1\": \"ks-kangqiao\", \"public\": \"ks-huaqiao-primary\"}}").status());
    assertEquals(200, api().postEmpty(app + "/submit", parent, "Idempotency-Key", UUID.randomUUID().toString()).status());
    String id = api().get(app, parent).object().getString("id");
    String window = ApplicationsIT.token("ks-window-huaqiao");
    JsonObject task = api().get("api/review/tasks?size=100&stage=window", window).object().getJsonArray("items")
        .getValuesAs(JsonObject.class).stream().filter(t -> t.getString("applicationId").equals(id)).findFirst().orElseThrow();
    assertEquals(200, api().post("api/review/tasks/" + task.getString("id") + "/claim", window, "").status());
    assertEquals(200, api().post("api/review/tasks/" + task.getString("id") + "/decision", window,
        "{\"decision\": \"APPROVE\"}").status());
    // The administrator opens the application phase until ten days from now: the countdown shows it.
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    Api.Answer calendar = api().put("api/tenants/kunshan/admin/calendar/APPLICATION", ApplicationsIT.token("ks-admin"),
        "{\"opens\": \"" + today.minusDays(20) + "\", \"closes\": \"" + today.plusDays(10) + "\"}");
    assertEquals(200, calendar.status(), calendar.body());
    return child;
  }

  void pages(String child) throws Exception {
    page.navigate(base + "#/t/kunshan");
    page.waitForURL(Pattern.compile(".*/realms/civic/protocol/openid-connect/auth.*"));
    page.fill("#username", PARENT);
    page.fill("#password", "Demo#2024");
    page.click("#kc-login");
    page.waitForURL(Pattern.compile(".*#/t/kunshan$"));

    // Family home: the seed's table (§4.1, §5.2): 待录取 for the private school, 初审通过 for the public one.
    Locator card = page.locator("li.child[data-child='" + child + "']");
    assertThat(card.locator("tr[data-batch=PRIVATE_1]")).containsText("昆山康桥学校（小学部）");
    assertThat(card.locator("tr[data-batch=PRIVATE_1]")).containsText("待录取");
    assertThat(card.locator("tr[data-batch=PUBLIC]")).containsText("昆山市花桥中心小学校");
    assertThat(card.locator("tr[data-batch=PUBLIC]")).containsText("初审通过");
    assertThat(card.locator("tr[data-batch=PUBLIC] [data-action=print]")).hasText("打印报名表");
    assertThat(card.locator("tr[data-batch=PRIVATE_2]")).containsText("未填报");
    assertThat(card.locator("[data-action=insurance]")).hasText("社保对接结果");
    assertThat(card.locator("[data-action=withdraw]")).hasCount(0); // a review record exists
    assertThat(card.locator("[data-action=delete]")).hasCount(0);
    assertThat(page.locator("#deadline")).containsText("网上报名截止还有 10 天");
    card.scrollIntoViewIfNeeded();
    shot("p01-family-home-statuses");

    card.locator("[data-action=property]").click();
    assertThat(page.locator("#dialog-property")).isVisible();
    assertThat(page.locator("#dialog-property h2")).hasText("房产对接结果");
    // the registry's answer in words, not its field names and codes
    assertThat(page.locator("#dialog-property")).containsText("房屋产权证查无登记信息");
    for (String raw : List.of("NOT_FOUND", "note", "title", "data")) {
      assertThat(page.locator("#dialog-property")).not().containsText(raw);
    }
    shot("p02-property-dialog");
    page.click("#dialog-property-close");
    assertThat(page.locator("#dialog-property")).hasCount(0);
    card.locator("[data-action=insurance]").click();
    assertThat(page.locator("#dialog-insurance h2")).hasText("社保对接结果");
    for (String raw : List.of("recentMonths", "earlierMonths", "columns", "paid", "note", "title", "data", "FOUND")) {
      assertThat(page.locator("#dialog-insurance")).not().containsText(raw);
    }
    shot("p02b-insurance-dialog");
    page.click("#dialog-insurance-close");

    // 报名进展: clicking the status opens it (seed §5.2.1).
    card.locator("tr[data-batch=PUBLIC] a.status").click();
    page.waitForURL(Pattern.compile(".*/c/" + child + "/progress$"));
    assertThat(page.locator("h1")).containsText("报名进展");
    assertThat(page.locator("#progress-district")).hasText("花桥经济开发区");
    assertThat(page.locator("#progress-subject")).hasText("王军");
    assertThat(page.locator("#progress-school")).hasText("昆山市花桥中心小学校");
    assertThat(page.locator("#progress-chain")).hasText(Pattern.compile("提交报名\\s*窗口审核通过\\s*部门审核中\\s*待积分排名中"));
    assertThat(page.locator("#points-breakdown")).containsText("房产年限：核算中");
    assertThat(page.locator("#points-breakdown")).containsText("总积分");
    shot("p03-progress");

    // 打印报名表
    page.click("#open-print");
    page.waitForURL(Pattern.compile(".*/c/" + child + "/print$"));
    assertThat(page.locator("#print-title")).containsText("报名表");
    assertThat(page.locator("#print-sheet")).containsText(CHILD);
    assertThat(page.locator("#print-sheet")).containsText("江苏省昆山市花桥镇绿地大道100号5幢1201室");
    assertThat(page.locator("#print-batches")).containsText("昆山康桥学校（小学部）");
    assertThat(page.locator("#print-attachments")).isVisible();
    shot("p04-print-view");

    page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
    Path pdf = SHOTS.resolve("p05-application-form.pdf");
    page.pdf(new Page.PdfOptions().setPath(pdf).setFormat("A4").setPrintBackground(true));
    page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
    try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
      String text = new PDFTextStripper().getText(document);
      assertTrue(text.contains("报名表") && text.contains(CHILD) && text.contains("花桥经济开发区"), text);
      assertTrue(!text.contains("打印") || !text.contains("返回报名首页"), "no buttons on paper");
      Set<String> fonts = new HashSet<>();
      PDFTextStripper fontsOfChinese = new PDFTextStripper() {
        @Override
        protected void writeString(String line, List<TextPosition> positions) {
          for (TextPosition p : positions) {
            if (p.getUnicode() != null && p.getUnicode().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)
                && p.getFont() != null && p.getFont().getFontDescriptor() != null) {
              fonts.add(p.getFont().getFontDescriptor().getFontName()); // e.g. AAAAAA+NotoSansCJKsc-Regular
            }
          }
        }
      };
      fontsOfChinese.getText(document);
      assertTrue(fonts.stream().anyMatch(f -> f.contains("CJK") || f.contains("Noto")), fonts.toString());
      BufferedImage first = new PDFRenderer(document).renderImageWithDPI(0, 110);
      ImageIO.write(first, "png", SHOTS.resolve("p05-application-form-page1.png").toFile());
    }
    assertTrue(consoleErrors.stream().noneMatch(e -> e.contains("TypeError") || e.contains("ReferenceError")),
        consoleErrors.toString());
  }

  /** Writes the page at 375 px and 1280 px wide (full height). */
  void shot(String name) throws Exception {
    page.waitForLoadState();
    for (int width : new int[] {375, 1280}) {
      page.setViewportSize(width, 900);
      page.waitForTimeout(150);
      page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SHOTS.resolve(name + "-" + width + ".png")));
    }
  }
}
