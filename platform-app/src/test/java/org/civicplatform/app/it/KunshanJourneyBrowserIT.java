package org.civicplatform.app.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.civicplatform.app.it.KunshanFamily.ZHENG_JUN;
import static org.civicplatform.app.it.KunshanFamily.approve;
import static org.civicplatform.app.it.KunshanFamily.line;
import static org.civicplatform.app.it.KunshanFamily.reviewer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole Kunshan journey in Debian's Chromium (issue 8, item 5): a new parent registers in the browser
 * (SMS code from the development outbox), signs in through Keycloak's own page, adds a child, accepts the
 * pledge, fills the six steps with the documents they ask for (vocational certificate image, title
 * certificate and property certificate PDFs) and submits; once the registry look-ups answered, the 花桥
 * window reviewer claims and approves in the workbench and the housing department confirms the looked-up
 * registration date in the browser; the other departments and the points office decide through the API;
 * the parent, signed in again, sees 审核完成 on the family home and the confirmed breakdown (seed 000
 * §5.2.1: 132.84) on the progress page. Screenshots {@code target/screenshots/journey-*}.
 */
@ExtendWith(ArquillianExtension.class)
class KunshanJourneyBrowserIT extends BrowserTest {

  static final String CHILD = "郑小路";
  static final String WINDOW = "ks-window-huaqiao";
  static final String HOUSING = "ks-dept-housing";
  static final String ADDRESS = "江苏省昆山市花桥镇绿地大道188号3幢1201室";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of("platform.notifications.outbox-endpoint.enabled", "true",
        "platform.demo-data.enabled", "true"));
  }

  @ArquillianResource URL deployment;

  @Override
  protected URL deployedAt() {
    return deployment;
  }

  @Test
  void aNewParentRegistersSubmitsSixStepsIsApprovedByWindowAndDepartmentsAndSeesTheBreakdown() throws Exception {
    run(this::journey, "journey-zz-failure.png");
  }

  void journey() throws Exception {
    String mobile = IdentityIT.freshMobile();
    register(mobile);
    String child = fillAndSubmit(mobile);
    KunshanFamily family = KunshanFamily.signedIn(deployment, mobile);
    String app = "api/tenants/kunshan/children/" + child + "/application";
    String id = family.api.get(app, family.token).object().getString("id");
    assertEquals("SUBMITTED", family.api.get(app, family.token).object().getString("status"));
    family.lookUps(app); // the 2-s sweep answers the 社保 / 房产 look-ups

    windowApproves(family, id);
    housingConfirms(family, id);

    // the other departments and the points office through the API (as KunshanApplicationIT does)
    String months = "{\"recent\": 36, \"earlier\": 8}";
    Map<String, String> departments = new LinkedHashMap<>();
    departments.put("dept-human-resources", "{\"vocational\": \"LEVEL4\", \"title\": \"JUNIOR\", \"insurance.pension\": "
        + months + ", \"insurance.unemployment\": " + months + ", \"insurance.injury\": " + months + "}");
    departments.put("dept-medical-insurance", "{\"insurance.medical\": " + months + ", \"insurance.maternity\": " + months + "}");
    departments.put("dept-public-security", "{\"lawAbiding\": true, \"residencePermit\": \"2020-05-01\", \"honour.BRAVERY\": \"NONE\"}");
    departments.put("dept-education", "{\"education\": \"NONE\", \"schoolRecord\": false}");
    for (Map.Entry<String, String> department : departments.entrySet()) {
      JsonObject task = await(() -> family.task("ks-admin", id, department.getKey()), department.getKey());
      Api.Answer decided = family.decide("ks-admin", task, approve(department.getValue()));
      assertEquals(200, decided.status(), department.getKey() + ": " + decided.body());
    }
    JsonObject office = await(() -> family.task("ks-admin", id, "points-office"), "points-office");
    assertEquals(200, family.decide("ks-admin", office, approve("{\"total\": true}")).status());
    assertEquals("REVIEWED", family.api.get(app, family.token).object().getString("status"));
    JsonObject points = family.points(app);
    assertTrue(points.getBoolean("complete"), points.toString());
    assertEquals(new BigDecimal("132.84"), points.getJsonNumber("total").bigDecimalValue());

    parentSeesTheOutcome(mobile, child, points);
    assertTrue(consoleErrors.stream().noneMatch(e -> e.contains("TypeError") || e.contains("ReferenceError")),
        consoleErrors.toString());
  }

  /** 注册 in the header: mobile, password, the SMS code from the outbox; then Keycloak's login page. */
  void register(String mobile) throws Exception {
    page.navigate(base.toString());
    page.click("#nav-register");
    page.waitForURL(Pattern.compile(".*#/register$"));
    page.fill("#acc-mobile", mobile);
    page.fill("#acc-password", KunshanFamily.PASSWORD);
    page.click("#send-code");
    assertThat(page.locator("#code-status")).containsText("验证码已发送");
    page.fill("#acc-code", smsCode(mobile));
    shot("journey-01-register");
    page.click("#register-submit");
    assertThat(page.locator("#account-result")).containsText("注册成功");
    shot("journey-02-registered");
    page.click("#account-sign-in");
    keycloakLogin(mobile, KunshanFamily.PASSWORD);
    page.waitForURL(Pattern.compile(".*#/t/kunshan$"));
    assertThat(page.locator("h1")).containsText("报名首页");
    shot("journey-03-home-empty");
  }

  /** Adds the child, accepts the pledge, fills the six steps with uploads and submits; returns the child id. */
  String fillAndSubmit(String mobile) throws Exception {
    Path dir = Files.createTempDirectory("journey");
    Path vocational = Files.write(dir.resolve("职业资格证书.jpg"), DocumentsIT.jpeg(640, 480));
    Path title = Files.write(dir.resolve("职称证书.pdf"), DocumentsIT.pdf("Professional title KSZC20180456"));
    Path property = Files.write(dir.resolve("房产证.pdf"), DocumentsIT.pdf("House ownership certificate KS2003015678"));

    page.click("#add-child");
    assertThat(page.locator("h1")).containsText("学生报名");
    String idNumber = TestPlatform.mainlandId("20180301");
    page.fill("#child-name", CHILD);
    page.fill("#child-idNumber", idNumber);
    page.click("#child-submit");
    page.waitForURL(Pattern.compile(".*#/t/kunshan/c/[0-9a-f-]+/pledge$"));
    Matcher childId = Pattern.compile("/c/([0-9a-f-]+)/pledge$").matcher(page.url());
    assertTrue(childId.find(), page.url());
    shot("journey-04-pledge");
    page.click("#pledge-accept");

    // 1 家庭基本情况 (a single parent: guardian two 无)
    page.waitForURL(Pattern.compile(".*/step/family$"));
    assertThat(page.locator("#f-family-student-name")).hasValue(CHILD);
    page.check("#f-family-student-gender-" + ((idNumber.charAt(16) - '0') % 2 == 1 ? "M" : "F"));
    page.fill("#f-family-student-birthDate", "2018-03-01");
    page.fill("#f-family-student-ethnicity", "汉族");
    page.check("#f-family-student-hasSchoolRecord-false");
    page.fill("#f-family-student-householdAddress", "河南省郑州市金水区花园路1号");
    page.check("#f-family-guardian1-relation-FATHER");
    page.fill("#f-family-guardian1-name", "郑军");
    page.fill("#f-family-guardian1-phone", mobile);
    page.check("#f-family-guardian1-idType-MAINLAND_ID");
    page.fill("#f-family-guardian1-idNumber", ZHENG_JUN);
    page.fill("#f-family-guardian1-employer", "昆山花桥某公司");
    page.fill("#f-family-guardian1-householdAddress", "河南省郑州市金水区花园路1号");
    page.fill("#f-family-guardian1-currentAddress", "花桥镇绿地大道188号3幢1201室");
    page.selectOption("#f-family-guardian1-district", "hq");
    page.check("#f-family-guardian2-relation-NONE");
    shot("journey-05-step-family");
    page.click("#save-next");

    // 2 申请主体情况 with the vocational certificate (image) and the title certificate (PDF)
    page.waitForURL(Pattern.compile(".*/step/subject$"));
    page.selectOption("#f-subject-subject-guardian", "guardian1");
    page.selectOption("#f-subject-education-level", "NONE");
    page.selectOption("#f-subject-vocational-level", "LEVEL4");
    page.fill("#f-subject-vocational-certificateNumber", "1805000000401234");
    page.fill("#f-subject-vocational-issuer", "苏州市人力资源和社会保障局");
    page.selectOption("#f-subject-title-level", "JUNIOR");
    page.fill("#f-subject-title-certificateNumber", "KSZC20180456");
    page.fill("#f-subject-title-issuer", "昆山市人力资源和社会保障局");
    page.fill("#f-subject-residencePermit-address", "昆山市花桥镇绿地大道188号");
    page.fill("#f-subject-residencePermit-issuer", "昆山市公安局花桥派出所");
    page.fill("#f-subject-residencePermit-issuedOn", "2020-05-01");
    page.setInputFiles("#doc-vocationalCertificate-input", vocational);
    assertThat(page.locator("#doc-vocationalCertificate-list li.doc")).hasCount(1);
    page.setInputFiles("#doc-titleCertificate-input", title);
    assertThat(page.locator("#doc-titleCertificate-list li.doc")).hasCount(1);
    assertThat(page.locator("#doc-titleCertificate-list")).containsText("1 页");
    shot("journey-06-step-subject");
    page.click("#save-next");

    // 3 住宅房产信息: 郑军's 房屋所有权证 (the registry knows it: 2003-08-15) and its scan
    page.waitForURL(Pattern.compile(".*/step/housing$"));
    page.check("#f-housing-property-hasProperty-true");
    page.check("#f-housing-property-certificateType-HOUSE_OWNERSHIP");
    page.fill("#f-housing-property-certificateNumber", "KS2003015678");
    page.selectOption("#f-housing-property-owner", "guardian1");
    page.fill("#f-housing-property-ownerIdNumber", ZHENG_JUN);
    page.check("#f-housing-property-soleOwner-true");
    page.fill("#f-housing-property-address", ADDRESS);
    page.setInputFiles("#doc-propertyCertificate-input", property);
    assertThat(page.locator("#doc-propertyCertificate-list li.doc")).hasCount(1);
    shot("journey-07-step-housing");
    page.click("#save-next");

    // 4 先进典型
    page.waitForURL(Pattern.compile(".*/step/honours$"));
    page.check("#f-honours-honour-hasHonour-false");
    shot("journey-08-step-honours");
    page.click("#save-next");

    // 5 选择志愿: the property's address lies in 花桥镇, the zone of 花桥中心小学校: recommended, accepted
    page.waitForURL(Pattern.compile(".*/step/choices$"));
    assertThat(page.locator("#f-choices-choices-public-box")).containsText("昆山市花桥中心小学校");
    page.click("#f-choices-choices-public-accept");
    Locator chosen = page.locator("#f-choices-choices-public-chosen");
    assertThat(chosen).containsText("昆山市花桥中心小学校");
    shot("journey-09-step-choices");
    page.click("#save-next");

    // 6 预览及提交
    page.waitForURL(Pattern.compile(".*/step/preview$"));
    assertThat(page.locator(".preview")).containsText(CHILD);
    assertThat(page.locator(".preview")).containsText("KS2003015678");
    // names, never codes (issue 19 finding 9): the school, the district, the points subject by role and name
    assertThat(page.locator(".preview")).containsText("昆山市花桥中心小学校");
    assertThat(page.locator(".preview")).not().containsText("ks-huaqiao-primary");
    assertThat(page.locator(".preview")).containsText("花桥经济开发区");
    assertThat(page.locator(".preview")).containsText("监护人一（郑军）");
    page.check("#f-preview-declaration-accepted");
    shot("journey-10-step-preview");
    page.click("#submit");

    page.waitForURL(Pattern.compile(".*#/t/kunshan$"));
    Locator card = page.locator("li.child[data-child='" + childId.group(1) + "']");
    assertThat(card.locator("tr[data-batch=PUBLIC]")).containsText("已提交");
    shot("journey-11-home-submitted");
    assertFalse(page.url().contains(mobile) || page.url().contains(idNumber), "no personal data in the address");
    return childId.group(1);
  }

  /** The 花桥 window reviewer finds the task in the workbench by the masked ID number, claims and approves. */
  void windowApproves(KunshanFamily family, String id) throws Exception {
    JsonObject task = await(() -> family.task(WINDOW, id, "window"), "window");
    String taskId = task.getString("id");
    signIn(WINDOW);
    page.waitForURL(Pattern.compile(".*#/review$"));
    assertThat(page.locator("h1")).hasText("审核工作台");
    page.fill("#filter-q", task.getString("childIdMasked"));
    page.click("#filter-apply");
    Locator row = page.locator("#queue tr[data-task='" + taskId + "']");
    assertThat(row).containsText("待审核");
    shot("journey-12-window-queue");
    row.locator("a.task-link").click();
    page.waitForURL(Pattern.compile(".*#/review/task/" + taskId + "$"));
    assertThat(page.locator(".answers")).containsText(CHILD);
    assertThat(page.locator(".answers")).containsText("昆山市花桥中心小学校");
    assertThat(page.locator("#task-documents li.rdoc")).hasCount(3);
    page.click("#claim");
    assertThat(page.locator("#claim-state")).containsText("您已领取");
    page.check("#decision-APPROVE");
    shot("journey-13-window-task");
    page.click("#decision-submit");
    assertThat(page.locator("#decided")).containsText("已通过");
    shot("journey-14-window-approved");
  }

  /** The housing department confirms the registry's registration date (2003-08-15) in the browser. */
  void housingConfirms(KunshanFamily family, String id) throws Exception {
    JsonObject task = await(() -> family.task(HOUSING, id, "dept-real-estate"), "dept-real-estate");
    signIn(HOUSING);
    page.navigate(base + "#/review/task/" + task.getString("id"));
    assertThat(page.locator("h1")).containsText("审核任务");
    assertThat(page.locator("#item-property-lookup")).containsText("对接结果：2003-08-15");
    assertThat(page.locator("#task-points tr[data-item=property]")).containsText("41.17");
    page.click("#claim");
    assertThat(page.locator("#item-property")).isEnabled();
    assertThat(page.locator("#item-property")).hasValue("2003-08-15");
    page.check("#decision-APPROVE");
    shot("journey-15-housing-task");
    page.click("#decision-submit");
    assertThat(page.locator("#decided")).containsText("已通过");
    shot("journey-16-housing-approved");
    JsonObject decided = family.api.get("api/review/tasks/" + task.getString("id"), reviewer(HOUSING)).object()
        .getJsonObject("task");
    assertEquals("2003-08-15", decided.getJsonObject("confirmedValues").getString("property"));
  }

  /** The parent again, in a fresh browser: 审核完成 on the home, the confirmed breakdown on the progress page. */
  void parentSeesTheOutcome(String mobile, String child, JsonObject points) throws Exception {
    newContext();
    page.navigate(base + "#/t/kunshan");
    keycloakLogin(mobile, KunshanFamily.PASSWORD);
    page.waitForURL(Pattern.compile(".*#/t/kunshan$"));
    Locator card = page.locator("li.child[data-child='" + child + "']");
    assertThat(card.locator("tr[data-batch=PUBLIC]")).containsText("审核完成");
    assertThat(card.locator("tr[data-batch=PUBLIC]")).containsText("昆山市花桥中心小学校");
    shot("journey-17-home-reviewed");
    card.locator("tr[data-batch=PUBLIC] a.status").click();
    page.waitForURL(Pattern.compile(".*/c/" + child + "/progress$"));
    assertThat(page.locator("h1")).containsText("报名进展");
    Locator breakdown = page.locator("#points-breakdown");
    assertThat(breakdown).containsText("房产年限：" + line(points, "property").getString("display"));
    assertThat(breakdown).containsText("参保年限：" + line(points, "insurance").getString("display"));
    assertThat(breakdown).containsText("职业资格：5");
    assertThat(breakdown).containsText("132.84");
    assertThat(breakdown).not().containsText("核算中");
    shot("journey-18-progress-breakdown");
  }

  void signIn(String user) {
    newContext();
    page.navigate(base.toString());
    page.click("#sign-in");
    keycloakLogin(user, "Demo#2024");
    assertThat(page.locator("#sign-out")).isVisible();
  }

  /** Something that appears once a background step (the look-up sweep, the next stage) has run. */
  @FunctionalInterface
  interface Probe {
    JsonObject get() throws Exception;
  }

  static JsonObject await(Probe probe, String what) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonObject found = probe.get();
    while (found == null && System.nanoTime() < until) {
      Thread.sleep(500);
      found = probe.get();
    }
    assertNotNull(found, what + " did not appear within 60 s");
    return found;
  }

  /** The newest registration code sent to the number, from GET /api/dev/sms-outbox. */
  String smsCode(String mobile) throws Exception {
    var outbox = new Api(deployment).get("api/dev/sms-outbox?mobile=" + mobile, null).json().asJsonArray();
    String text = outbox.getValuesAs(JsonObject.class).stream()
        .filter(m -> m.getString("purpose").equals("code.REGISTER")).findFirst().orElseThrow().getString("text");
    Matcher m = IdentityIT.CODE.matcher(text);
    assertTrue(m.find(), text);
    return m.group(1);
  }
}
