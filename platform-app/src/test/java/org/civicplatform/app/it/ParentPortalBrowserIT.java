package org.civicplatform.app.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The parent portal in Debian's Chromium through the real Keycloak login page: a Kunshan parent signs in,
 * adds a child, accepts the pledge, fills the six steps (inline errors, live conditions, a stale-version
 * reload and the points estimate on the way), submits and sees 已提交. Every page is captured at 375 px
 * and 1280 px under {@code target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
class ParentPortalBrowserIT extends BrowserTest {

  static final String CHILD = "李小华";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of("platform.demo-data.enabled", "true",
        "platform.notifications.outbox-endpoint.enabled", "true"));
  }

  @ArquillianResource URL deployment;

  KunshanFamily family;

  @Override
  protected URL deployedAt() {
    return deployment;
  }

  @Test
  void aKunshanParentSignsInAddsAChildFillsSixStepsAndSubmits() throws Exception {
    run(this::parentFlow, "zz-failure.png");
  }

  void parentFlow() throws Exception {
    family = KunshanFamily.register(deployment); // a family of its own: other tests give the demo parents children
    page.navigate(base.toString());
    assertThat(page.locator("h1")).hasText("请选择业务");
    assertThat(page.locator("#tenants li")).hasCount(2);
    shot("01-tenant-chooser");

    // Keycloak's own login page (authorization code + PKCE).
    page.locator("#tenants a[href='#/t/kunshan']").click();
    page.waitForURL(Pattern.compile(".*/realms/civic/protocol/openid-connect/auth.*code_challenge_method=S256.*"));
    shot("02-keycloak-login");
    page.fill("#username", family.mobile);
    page.fill("#password", KunshanFamily.PASSWORD);
    page.click("#kc-login");

    page.waitForURL(Pattern.compile(".*#/t/kunshan$"));
    assertFalse(page.url().contains("code="), "the code is removed from the address bar");
    assertThat(page.locator("h1")).containsText("报名首页");
    assertThat(page.locator(".account")).containsText(
        family.api.get("api/me", family.token).object().getString("registrationNumber"));
    assertThat(page.locator(".account")).containsText(family.mobile.substring(0, 3) + "****" + family.mobile.substring(7));
    Object stored = page.evaluate("() => JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage})");
    assertFalse(String.valueOf(stored).contains("eyJ"), "no token in web storage: " + stored);
    shot("03-family-home");

    // 学生报名 / 新增子女, with an inline error first.
    page.click("#add-child");
    assertThat(page.locator("h1")).containsText("学生报名");
    page.fill("#child-name", CHILD);
    page.fill("#child-idNumber", "32058320180301123");
    page.click("#child-submit");
    assertThat(page.locator("#child-idNumber-error")).isVisible();
    shot("04-add-child-error");
    page.fill("#child-idNumber", validId("20180301"));
    page.click("#child-submit");

    // 填报承诺
    page.waitForURL(Pattern.compile(".*#/t/kunshan/c/[0-9a-f-]+/pledge$"));
    assertThat(page.locator("h1")).hasText("填报承诺");
    shot("05-pledge");
    page.click("#pledge-accept");

    // Step 1: 家庭基本情况. The child's details are prefilled; save a wrong phone first.
    page.waitForURL(Pattern.compile(".*/step/family$"));
    assertThat(page.locator("#f-family-student-name")).hasValue(CHILD);
    page.check("#f-family-student-gender-M");
    page.fill("#f-family-student-birthDate", "2018-03-01");
    page.fill("#f-family-student-ethnicity", "汉族");
    page.check("#f-family-student-hasSchoolRecord-false");
    page.fill("#f-family-student-householdAddress", "安徽省合肥市蜀山区长江西路1号");
    page.check("#f-family-guardian1-relation-FATHER");
    page.fill("#f-family-guardian1-name", "李军");
    page.fill("#f-family-guardian1-phone", "1380000");
    page.check("#f-family-guardian1-idType-MAINLAND_ID");
    page.fill("#f-family-guardian1-idNumber", validId("19850615"));
    page.fill("#f-family-guardian1-employer", "昆山花桥某公司");
    page.fill("#f-family-guardian1-householdAddress", "安徽省合肥市蜀山区长江西路1号");
    page.fill("#f-family-guardian1-currentAddress", "花桥镇绿地大道100号");
    page.selectOption("#f-family-guardian1-district", "hq");
    assertThat(page.locator("#f-family-guardian2-name")).isVisible();
    page.check("#f-family-guardian2-relation-NONE");
    assertThat(page.locator("#f-family-guardian2-name")).isHidden(); // live condition
    shot("06-step-family");
    page.click("#save-next");
    Locator phoneError = page.locator("#f-family-guardian1-phone-error");
    assertThat(phoneError).isVisible();
    assertTrue(phoneError.textContent().matches(".*[\\u4e00-\\u9fa5].*"), "Chinese message: " + phoneError.textContent());
    assertThat(page.locator("#error-summary")).isVisible();
    assertThat(page.locator("#f-family-guardian1-phone")).hasAttribute("aria-invalid", "true");
    shot("07-step-family-error");
    page.fill("#f-family-guardian1-phone", family.mobile);
    page.click("#save-next");

    // Step 2: 申请主体情况, with the live points estimate.
    page.waitForURL(Pattern.compile(".*/step/subject$"));
    page.selectOption("#f-subject-subject-guardian", "guardian1");
    page.selectOption("#f-subject-education-level", "BACHELOR");
    assertThat(page.locator("#f-subject-education-graduationDate")).isVisible();
    page.selectOption("#f-subject-education-level", "NONE");
    assertThat(page.locator("#f-subject-education-graduationDate")).isHidden();
    page.selectOption("#f-subject-vocational-level", "NONE");
    page.selectOption("#f-subject-title-level", "NONE");
    assertThat(page.locator("#points-total")).isVisible();
    page.locator(".points input[type=number]").first().fill("36");
    assertThat(page.locator("#points-total")).not().hasText("20.00");
    shot("08-step-subject-points");
    page.click("#save-next");

    // Step 3: 住宅房产信息 (conditions show the property fields only for owners).
    page.waitForURL(Pattern.compile(".*/step/housing$"));
    page.check("#f-housing-property-hasProperty-true");
    assertThat(page.locator("#f-housing-property-certificateType")).isVisible();
    assertThat(page.locator("#f-housing-members-add")).isVisible();
    page.click("#f-housing-members-add");
    assertThat(page.locator("#f-housing-members-0-name")).isVisible();
    shot("09-step-housing-owner");
    page.locator("fieldset.entry button").first().click();
    assertThat(page.locator("#f-housing-members-0-name")).hasCount(0);
    page.check("#f-housing-property-hasProperty-false");
    assertThat(page.locator("#f-housing-property-certificateType")).isHidden();
    page.click("#save-next");

    // Step 4: 先进典型 — meanwhile the application is changed elsewhere: 409 and a reload.
    page.waitForURL(Pattern.compile(".*/step/honours$"));
    page.check("#f-honours-honour-hasHonour-false");
    changeElsewhere();
    page.click("#save-next");
    assertThat(page.locator("#error-summary")).containsText("已在别处");
    shot("10-step-honours-stale");
    page.click("#reload");
    assertThat(page.locator("#error-summary")).isHidden();
    page.check("#f-honours-honour-hasHonour-false");
    page.click("#save-next");

    // Step 5: 选择志愿
    page.waitForURL(Pattern.compile(".*/step/choices$"));
    // No property declared: a public school of the family's district (花桥) is chosen from the list.
    page.selectOption("#f-choices-choices-public-alternatives", "ks-huaqiao-primary");
    page.click("#f-choices-choices-public-confirm");
    assertThat(page.locator("#f-choices-choices-public-chosen")).containsText("昆山市花桥中心小学校");
    shot("11-step-choices");
    page.click("#save-next");

    // Step 6: preview, declaration, submit (in English once, to check the switch).
    page.waitForURL(Pattern.compile(".*/step/preview$"));
    assertThat(page.locator(".preview")).containsText("昆山市花桥中心小学校"); // the name, not the code
    assertThat(page.locator(".preview")).containsText(CHILD);
    page.click("#lang-switch");
    assertThat(page.locator("html")).hasAttribute("lang", "en");
    assertThat(page.locator("#submit")).hasText("Submit application");
    shot("12-step-preview-en");
    page.click("#lang-switch");
    assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
    page.click("#submit");
    assertThat(page.locator("#f-preview-declaration-accepted-error")).containsText("我已阅读并同意");
    page.check("#f-preview-declaration-accepted");
    shot("13-step-preview");
    page.click("#submit");

    // Back home: 已提交 for the public school, 待录取 nowhere (no private school chosen).
    page.waitForURL(Pattern.compile(".*#/t/kunshan$"));
    Locator card = page.locator("li.child", new Page.LocatorOptions().setHasText(CHILD));
    assertThat(card.locator("tr[data-batch=PUBLIC]")).containsText("已提交");
    assertThat(card.locator("tr[data-batch=PUBLIC]")).containsText("昆山市花桥中心小学校");
    assertThat(card.getByText("撤销提交")).isVisible();
    assertThat(page.locator(".alert.success")).containsText("已提交");
    shot("14-family-home-submitted");

    // 撤销提交 and back to draft.
    // asked in the page's own dialog (not the browser's confirm()); 取消 changes nothing, the focus comes back
    card.getByText("撤销提交").click();
    assertThat(page.locator("#withdraw-dialog")).isVisible();
    assertThat(page.locator("#withdraw-dialog")).containsText("撤销后可修改再提交");
    shot("14b-withdraw-dialog");
    page.click("#withdraw-dialog-cancel");
    assertThat(page.locator("#withdraw-dialog")).hasCount(0);
    assertThat(card.locator("tr[data-batch=PUBLIC]")).containsText("已提交");
    card.getByText("撤销提交").click();
    page.click("#withdraw-dialog-confirm");
    assertThat(page.locator(".alert.success")).containsText("已撤销提交");
    assertThat(page.locator("li.child", new Page.LocatorOptions().setHasText(CHILD)).locator("tr[data-batch=PUBLIC]"))
        .containsText("未提交");
    shot("15-family-home-withdrawn");

    // A brother: 监护人信息 comes from the first child's application and cannot be changed here.
    page.click("#add-child");
    page.fill("#child-name", "李小明");
    page.fill("#child-idNumber", validId("20180601"));
    page.click("#child-submit");
    page.waitForURL(Pattern.compile(".*#/t/kunshan/c/[0-9a-f-]+/pledge$"));
    page.click("#pledge-accept");
    page.waitForURL(Pattern.compile(".*/step/family$"));
    assertThat(page.locator("#f-family-student-name")).hasValue("李小明");
    assertThat(page.locator("#f-family-student-name")).isEnabled();
    assertThat(page.locator("#f-family-guardian1-locked")).containsText("监护人信息由兄弟姐妹共用");
    assertThat(page.locator("#f-family-guardian1-name")).hasValue("李军");
    assertThat(page.locator("#f-family-guardian1-name")).isDisabled();
    assertThat(page.locator("#f-family-guardian2-relation-NONE")).isChecked();
    shot("16-sibling-guardians-locked");
    page.click(".page-head a.btn-secondary");
    page.waitForURL(Pattern.compile(".*#/t/kunshan$"));
    assertThat(page.locator("li.child", new Page.LocatorOptions().setHasText("李小明"))).containsText("未开始填报");

    // Nothing personal in any address the browser showed.
    assertFalse(page.url().contains(family.mobile));
    assertTrue(consoleErrors.stream().noneMatch(e -> e.contains("TypeError") || e.contains("ReferenceError")),
        consoleErrors.toString());

    page.click("#sign-out");
    page.waitForURL(Pattern.compile(Pattern.quote(base.toString()) + ".*"));
    assertThat(page.locator("#sign-in")).isVisible();
  }

  static String validId(String yyyymmdd) {
    return TestPlatform.mainlandId(yyyymmdd);
  }

  /** Another device saves a step of the parent's latest child: the browser's version is now stale. */
  void changeElsewhere() throws Exception {
    String token = family.token;
    Api api = new Api(base);
    JsonArray children = api.get("api/tenants/kunshan/children", token).json().asJsonArray();
    String child = children.getValuesAs(JsonObject.class).stream()
        .filter(c -> CHILD.equals(c.getString("name"))).reduce((a, b) -> b).orElseThrow().getString("id");
    Api.Answer saved = api.put("api/tenants/kunshan/children/" + child + "/application/steps/housing", token,
        "{\"property\": {\"hasProperty\": false}}");
    assertEquals(200, saved.status(), saved.body());
  }

  static String origin(URL url) {
    return url.getProtocol() + "://" + url.getHost() + ":" + url.getPort();
  }

  /**
   * The test Keycloak's {@code civic-web} client knows {@code http://localhost:8080}; the deployment runs
   * on a random port, so its origin is added as a redirect URI, web origin and post-logout URI.
   */
  static synchronized void allowOriginInKeycloak(String origin) throws Exception {
    String keycloak = TestPlatform.get().keycloakUrl();
    HttpClient http = HttpClient.newHttpClient();
    String form = "grant_type=password&client_id=admin-cli&username=admin&password="
        + URLEncoder.encode(TestPlatform.get().keycloakAdminPassword(), StandardCharsets.UTF_8);
    HttpResponse<String> tokenAnswer = http.send(HttpRequest.newBuilder(
            URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, tokenAnswer.statusCode(), tokenAnswer.body());
    String admin = read(tokenAnswer.body()).getString("access_token");
    HttpResponse<String> clients = http.send(HttpRequest.newBuilder(
            URI.create(keycloak + "/admin/realms/civic/clients?clientId=civic-web"))
        .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString());
    JsonObject client = Json.createReader(new StringReader(clients.body())).readArray().getJsonObject(0);
    Set<String> redirects = strings(client.getJsonArray("redirectUris"));
    Set<String> origins = strings(client.getJsonArray("webOrigins"));
    if (redirects.contains(origin + "/*") && origins.contains(origin)) {
      return;
    }
    redirects.add(origin + "/*");
    origins.add(origin);
    JsonObject attributes = client.getJsonObject("attributes");
    String logout = attributes.getString("post.logout.redirect.uris", "");
    JsonObjectBuilder attrs = Json.createObjectBuilder(attributes)
        .add("post.logout.redirect.uris", logout.isEmpty() ? origin + "/*" : logout + "##" + origin + "/*");
    JsonObject updated = Json.createObjectBuilder(client)
        .add("redirectUris", array(redirects)).add("webOrigins", array(origins)).add("attributes", attrs).build();
    HttpResponse<String> put = http.send(HttpRequest.newBuilder(
            URI.create(keycloak + "/admin/realms/civic/clients/" + client.getString("id")))
        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(updated.toString())).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(204, put.statusCode(), put.body());
  }

  static JsonObject read(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  static Set<String> strings(JsonArray array) {
    Set<String> out = new LinkedHashSet<>();
    if (array != null) {
      array.getValuesAs(JsonString.class).forEach(s -> out.add(s.getString()));
    }
    return out;
  }

  static JsonArrayBuilder array(Set<String> values) {
    JsonArrayBuilder b = Json.createArrayBuilder();
    values.forEach(b::add);
    return b;
  }
}
