package org.civicplatform.app.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
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
 * A Siming parent in Debian's Chromium: signs in through the iXiamen broker (the civic login page's
 * iXiamen button, iXiamen's own login page, back), registers twins — the second added to the same
 * registration, both filled in from the household registry — with the guardians prefilled, a parents'
 * purchase, and submits with the SMS code sent to guardian one's phone (read from the dev outbox).
 * Screenshots at 375 px and 1280 px under {@code target/screenshots/siming-*}.
 */
@ExtendWith(ArquillianExtension.class)
class SimingBrowserIT extends BrowserTest {

  static final String FATHER = SimingApplicationIT.FATHER;
  static final String MOTHER = SimingApplicationIT.MOTHER;
  static final String ADDRESS = SimingApplicationIT.LIANQIAN;
  /** The second twin's name has CJK Extension B characters (𠀾 U+2003E): it must render, not as boxes. */
  static final String TWIN_ONE = "陈嘉禾";
  static final String TWIN_TWO = "陈嘉\uD840\uDC3E";
  static final String UNKNOWN_CERTIFICATE = "XM2099099999";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of("platform.registries.simulated.control-endpoint.enabled", "true",
        "platform.notifications.outbox-endpoint.enabled", "true"));
  }

  @ArquillianResource URL deployment;

  @Override
  protected URL deployedAt() {
    return deployment;
  }

  @Test
  void aSimingParentSignsInThroughIXiamenRegistersTwinsAndSubmitsWithTheSmsCode() throws Exception {
    run(this::flow, "siming-zz-failure.png");
  }

  void flow() throws Exception {
    Api api = new Api(base);
    String one = TestPlatform.mainlandId("20180212");
    String two = TestPlatform.mainlandId("20180212");
    SimingFlow.registerPeople(api,
        SimingFlow.person(one, TWIN_ONE, "CHEN JIA HE", "2018-02-12", "M", ADDRESS, "FAMILY", FATHER, MOTHER) + ","
            + SimingFlow.person(two, TWIN_TWO, "CHEN JIA YU", "2018-02-12", "F", ADDRESS, "FAMILY", FATHER, MOTHER));
    String phone = SimingFlow.newPhone();

    page.navigate(base.toString());
    assertThat(page.locator("#tenants a[href='#/t/siming']")).isVisible();
    page.locator("#tenants a[href='#/t/siming']").click();

    // The civic realm's login page offers iXiamen; iXiamen's own page; back through the broker.
    page.waitForURL(Pattern.compile(".*/realms/civic/protocol/openid-connect/auth.*"));
    Locator ixiamen = page.locator("#social-ixiamen");
    assertThat(ixiamen).isVisible();
    shot("siming-01-civic-login");
    ixiamen.click();
    page.waitForURL(Pattern.compile(".*/realms/ixiamen/.*"));
    shot("siming-02-ixiamen-login");
    page.fill("#username", "ixm-parent");
    page.fill("#password", "Demo#2024");
    page.click("#kc-login");
    page.waitForURL(Pattern.compile(".*(#/t/siming|/realms/civic/.*)$|.*/realms/civic/login-actions/.*"));
    if (page.url().contains("/realms/civic/")) {
      // First broker login: Keycloak asks to review the profile (iXiamen gives no e-mail).
      shot("siming-03-first-broker-login");
      if (page.locator("#email").count() > 0) {
        page.fill("#email", "ixm-parent@example.invalid");
      }
      page.locator("input[type=submit], button[type=submit]").first().click();
    }
    page.waitForURL(Pattern.compile(".*#/t/siming$"));
    assertFalse(page.url().contains("code="), "the code is removed from the address bar");
    assertThat(page.locator("h1")).isVisible();
    shot("siming-04-family-home");

    // The first twin is registered as the child; the age window is checked here.
    page.click("#add-child");
    page.fill("#child-name", TWIN_ONE);
    page.fill("#child-idNumber", one);
    page.click("#child-submit");
    page.waitForURL(Pattern.compile(".*#/t/siming/c/[0-9a-f-]+/pledge$"));
    page.click("#pledge-accept");

    // 户籍状态 first.
    page.waitForURL(Pattern.compile(".*/step/household$"));
    page.check("#f-household-status-status-LOCAL");
    shot("siming-05-household-status");
    page.click("#save-next");

    // 学生信息: the registry fills in the first twin; the second is added and filled in the same way.
    page.waitForURL(Pattern.compile(".*/step/students$"));
    assertThat(page.locator("#f-students-student-0-idNumber")).hasValue(one);
    page.click("#f-students-student-0-idNumber-prefill");
    assertThat(page.locator("#f-students-student-0-pinyin")).hasValue("CHEN JIA HE");
    assertThat(page.locator("#f-students-student-0-householdAddress")).hasValue(ADDRESS);
    assertThat(page.locator("#f-students-student-0-householdType-NON_COLLECTIVE")).isChecked();
    assertThat(page.locator("#f-students-student-0-gender-M")).isChecked();
    page.fill("#f-students-student-0-currentAddress", ADDRESS);
    page.check("#f-students-student-0-rareCharacter-false");
    page.click("#f-students-student-add");
    page.fill("#f-students-student-1-idNumber", two);
    page.click("#f-students-student-1-idNumber-prefill");
    assertThat(page.locator("#f-students-student-1-name")).hasValue(TWIN_TWO);
    assertThat(page.locator("#f-students-student-1-gender-F")).isChecked();
    page.fill("#f-students-student-1-currentAddress", ADDRESS);
    assertThat(page.locator("#doc-rareCharacterProof-input")).isHidden();
    page.check("#f-students-student-1-rareCharacter-true");
    // one twin's rare character asks for the household-register page, in the step itself
    assertThat(page.locator("#doc-rareCharacterProof-input")).isVisible();
    page.setInputFiles("#doc-rareCharacterProof-input",
        new com.microsoft.playwright.options.FilePayload("户口本学生页.png", "image/png", SimingFlow.png()));
    assertThat(page.locator("#doc-rareCharacterProof-list li.doc")).hasCount(1);
    shot("siming-06-students-twins");
    page.click("#save-next");

    // 监护人信息: father and mother from the registry; guardian one's phone receives the code.
    page.waitForURL(Pattern.compile(".*/step/guardians$"));
    assertThat(page.locator("#f-guardians-guardian1-name")).hasValue("陈建国");
    assertThat(page.locator("#f-guardians-guardian1-relation-FATHER")).isChecked();
    assertThat(page.locator("#f-guardians-guardian2-name")).hasValue("林美华");
    page.fill("#f-guardians-guardian1-phone", phone);
    shot("siming-07-guardians");
    page.click("#save-next");

    // 房产信息: the parents' purchase.
    page.waitForURL(Pattern.compile(".*/step/housing$"));
    page.selectOption("#f-housing-housing-type", "PARENTS_PURCHASE");
    // A certificate the land registry does not know: the automatic property check reports an anomaly.
    page.fill("#f-housing-housing-certificateNumber", UNKNOWN_CERTIFICATE + "-1");
    page.fill("#f-housing-housing-purchaseDate", "2019-06-18");
    page.fill("#f-housing-housing-ownerName", "陈建国");
    page.fill("#f-housing-housing-ownerIdNumber", FATHER);
    shot("siming-08-housing");
    page.click("#save-next");

    page.waitForURL(Pattern.compile(".*/step/proof$"));
    // the household register's first page, the child's page and the birth certificate are marked *: uploaded here
    for (String slot : new String[] {"householdFirstPage", "childPage", "birthCertificate"}) {
      page.setInputFiles("#doc-" + slot + "-input",
          new com.microsoft.playwright.options.FilePayload(slot + ".png", "image/png", SimingFlow.png()));
      assertThat(page.locator("#doc-" + slot + "-list li.doc")).hasCount(1);
    }
    page.fill("#f-proof-notes-familyNotes", "双胞胎，随父母居住。");
    page.click("#save-next");

    // 提交登记: the credit pledge, then the SMS code to guardian one.
    page.waitForURL(Pattern.compile(".*/step/submit$"));
    assertThat(page.locator(".preview")).containsText(TWIN_TWO);
    page.check("#f-submit-pledge-creditPledge");
    page.click("#submit");
    assertThat(page.locator("#confirm-dialog")).isVisible();
    page.click("#confirm-send");
    String masked = phone.substring(0, 3) + "****" + phone.substring(7);
    assertThat(page.locator("#confirm-status")).containsText(masked);
    page.fill("#confirm-code", SimingFlow.codeSentTo(api, phone));
    shot("siming-09-sms-confirmation");
    page.click("#confirm-submit");

    page.waitForURL(Pattern.compile(".*#/t/siming$"));
    assertThat(page.locator(".alert.success")).containsText("已提交");
    Locator card = page.locator("li.child", new Page.LocatorOptions().setHasText(TWIN_ONE));
    assertThat(card).isVisible();
    assertThat(page.locator("#parent-notice")).containsText("初步核验结果");
    assertThat(page.locator("#parent-notice")).not().containsText("区镇窗口"); // Kunshan's words are Kunshan's
    shot("siming-10-submitted");

    // The card lists both twins of the registration, ID numbers masked.
    Locator siblings = card.locator(".siblings");
    assertThat(siblings).containsText(TWIN_TWO);
    assertThat(siblings).containsText(two.substring(0, 4) + "**********" + two.substring(14));
    assertThat(siblings).not().containsText(two);

    // 核验结果: identity and guardians passed, the unknown certificate is an anomaly; the application is
    // returned, and 修改信息 leads to the housing step.
    String childId = card.getAttribute("data-child");
    String verification = "api/tenants/siming/children/" + childId + "/application/verification";
    String token = (String) page.evaluate(
        "async () => (await import(new URL('js/auth.js', document.baseURI).href)).accessToken()");
    for (long until = System.currentTimeMillis() + 60_000; System.currentTimeMillis() < until; Thread.sleep(500)) {
      jakarta.json.JsonObject view = api.get(verification, token).object();
      if (view.getJsonArray("items").size() == 3) {
        break;
      }
    }
    // the card says what the checks found (it used to fall back to 未填报 once verification had run)
    page.reload();
    assertThat(card.locator("tr[data-batch=PUBLIC]")).containsText("核验异常");
    card.locator("[data-action=verification]").click();
    Locator dialog = page.locator("#dialog-verification");
    assertThat(dialog).isVisible();
    assertThat(dialog.locator("[data-item=identity]")).containsText("通过");
    assertThat(dialog.locator("[data-item=guardians]")).containsText("通过");
    assertThat(dialog.locator("[data-item=property]")).containsText("异常");
    assertThat(dialog.locator("[data-item=property]")).containsText(UNKNOWN_CERTIFICATE);
    shot("siming-10b-verification-results");
    dialog.locator("[data-item=property] [data-action=fix]").click();
    page.waitForURL(Pattern.compile(".*/step/housing$"));
    assertThat(page.locator("#dialog-verification")).hasCount(0);
    assertThat(page.locator("#f-housing-housing-certificateNumber")).isVisible();
    shot("siming-10c-fix-housing");
    assertFalse(page.url().contains(phone) || page.url().contains(one), "no personal data in the address");
    assertTrue(consoleErrors.stream().noneMatch(e -> e.contains("TypeError") || e.contains("ReferenceError")),
        consoleErrors.toString());
  }

  @Test
  void aParentWithoutTheRealNameLevelIsToldToVerifyNotThatSomethingWentWrong() throws Exception {
    run(() -> {
      page.navigate(base.toString());
      page.locator("#tenants a[href='#/t/siming']").click();
      page.waitForURL(Pattern.compile(".*/realms/civic/protocol/openid-connect/auth.*"));
      page.locator("#social-ixiamen").click();
      page.waitForURL(Pattern.compile(".*/realms/ixiamen/.*"));
      page.fill("#username", "ixm-unverified");
      page.fill("#password", "Demo#2024");
      page.click("#kc-login");
      page.waitForURL(Pattern.compile(".*(#/t/siming|/realms/civic/.*)$|.*/realms/civic/login-actions/.*"));
      if (page.url().contains("/realms/civic/")) {
        if (page.locator("#email").count() > 0) {
          page.fill("#email", "ixm-unverified@example.invalid");
        }
        page.locator("input[type=submit], button[type=submit]").first().click();
      }
      page.waitForURL(Pattern.compile(".*#/t/siming$"));
      // the server's 403 real-name-required, in its own words (seed 002: 实名认证), not 出错了，请稍后再试。
      assertThat(page.locator("#home-refused")).isVisible();
      assertThat(page.locator("#home-refused")).containsText("实名认证");
      assertThat(page.locator("main")).not().containsText("出错了");
      shot("siming-10-real-name-required");
    }, "siming-zz-real-name-failure.png");
  }

  @Test
  void aReviewerSeesTheRegistryValuesTheParentCorrected() throws Exception {
    run(this::reviewerFlow, "siming-zz-reviewer-failure.png");
  }

  /** A parent (API) corrects a prefilled pinyin and submits a public rental; the reviewer's task page shows it. */
  void reviewerFlow() throws Exception {
    Api api = new Api(base);
    String parent = ApplicationsIT.token("siming-parent");
    String address = SimingApplicationIT.JIALIAN;
    String id = TestPlatform.mainlandId("20180322");
    SimingFlow.registerPeople(api, SimingFlow.person(id, "陈嘉宁", "CHEN JIA NING", "2018-03-22", "F", address, "FAMILY",
        FATHER, MOTHER));
    Api.Answer child = api.post("api/tenants/siming/children", parent,
        "{\"stage\":\"PRIMARY\",\"name\":\"陈嘉宁\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\"" + id + "\"}");
    assertTrue(child.status() == 201, child.body());
    String app = "api/tenants/siming/children/" + child.object().getString("id") + "/application";
    assertTrue(api.post(app + "/prefill", parent, "{\"idNumber\": \"" + id + "\"}").status() == 200);
    String phone = SimingFlow.newPhone();
    for (String[] step : new String[][] {
        {"household", "{\"status\": {\"status\": \"LOCAL\"}}"},
        {"students", SimingApplicationIT.students(SimingApplicationIT.entry(id, "陈嘉宁", "CHEN JIANING", "2018-03-22", "F",
            address, "jialian", "NON_COLLECTIVE", false))},
        {"guardians", SimingApplicationIT.guardians(phone)},
        {"housing", SimingApplicationIT.RENTAL},
        {"proof", "{\"notes\": {}}"},
        {"submit", "{\"pledge\": {\"creditPledge\": true}}"}}) {
      Api.Answer saved = api.put(app + "/steps/" + step[0], parent, step[1]);
      assertTrue(saved.status() == 200, step[0] + ": " + saved.body());
    }
    String childId = child.object().getString("id");
    SimingFlow.uploadRequiredDocuments(api, parent, childId, SimingApplicationIT.RENTAL);
    Api.Answer submitted = SimingFlow.confirmedSubmit(api, parent, app, phone, null);
    assertTrue(submitted.status() == 200, submitted.body());
    String applicationId = submitted.object().getString("id");
    String reviewer = ApplicationsIT.token("sm-reviewer");
    String taskId = null;
    for (long until = System.currentTimeMillis() + 60_000; taskId == null && System.currentTimeMillis() < until; ) {
      taskId = api.get("api/review/tasks?size=100&stage=manual-review", reviewer).object().getJsonArray("items")
          .getValuesAs(jakarta.json.JsonObject.class).stream()
          .filter(t -> t.getString("applicationId").equals(applicationId)).map(t -> t.getString("id")).findFirst().orElse(null);
      if (taskId == null) {
        Thread.sleep(500);
      }
    }
    assertTrue(taskId != null, "the manual-review task opened");

    page.navigate(base.toString());
    page.click("#sign-in");
    page.waitForURL(Pattern.compile(".*/realms/civic/protocol/openid-connect/auth.*"));
    page.fill("#username", "sm-reviewer");
    page.fill("#password", "Demo#2024");
    page.click("#kc-login");
    page.waitForURL(Pattern.compile(".*#/review$"));
    page.navigate(base + "#/review/task/" + taskId);
    Locator corrections = page.locator("#corrections");
    assertThat(corrections).isVisible();
    assertThat(corrections).containsText("学生信息 · 第 1 项 · 姓名拼音");
    assertThat(corrections.locator("tr[data-field='students.student[0].pinyin']")).containsText("CHEN JIA NING");
    assertThat(corrections.locator("tr[data-field='students.student[0].pinyin']")).containsText("CHEN JIANING");
    shot("siming-11-reviewer-corrections");
  }

  void shot(String name) throws Exception {
    page.waitForLoadState();
    for (int w : new int[] {375, 1280}) {
      page.setViewportSize(w, 900);
      page.waitForTimeout(150);
      page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SHOTS.resolve(name + "-" + w + ".png")));
    }
  }
}
