package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicplatform.spi.rules.checks.IdNumbers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A Kunshan parent fills the six steps, submits (idempotently), withdraws and resubmits. */
@ExtendWith(ArquillianExtension.class)
class ApplicationsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    // the outbox endpoint: a test registers a family of its own (KunshanFamily reads the sign-up code there)
    return TestPlatform.get().war(Map.of("platform.notifications.outbox-endpoint.enabled", "true"));
  }

  @ArquillianResource URL base;

  Api api() {
    return new Api(base);
  }

  static String token(String user) throws Exception {
    return Api.token(TestPlatform.get().keycloakUrl(), user, "Demo#2024");
  }

  static String validId(String yyyymmdd) {
    return TestPlatform.mainlandId(yyyymmdd);
  }

  /** Registers a child of 13800000002 and returns the path of its application. */
  String newChild(String token) throws Exception {
    Api.Answer child = api().post("api/tenants/kunshan/children", token,
        "{\"stage\":\"PRIMARY\",\"name\":\"王小明\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\"" + validId("20180301") + "\"}");
    assertEquals(201, child.status(), child.body());
    return "api/tenants/kunshan/children/" + child.object().getString("id") + "/application";
  }

  /** One guardian for every child of 13800000002: siblings share (and lock) their guardians' details. */
  static final String GUARDIAN_ID = validId("19850615");

  static String family(String phone) {
    return """
        {"student": {"name": "王小明", "gender": "M", "idType": "MAINLAND_ID", "idNumber": "%s",
                     "birthDate": "2018-03-01", "ethnicity": "汉族", "hasSchoolRecord": false,
                     "householdAddress": "安徽省合肥市蜀山区长江西路1号"},
         "guardian1": {"relation": "FATHER", "name": "王 军", "phone": "%s", "idType": "MAINLAND_ID",
                       "idNumber": "%s", "employer": "昆山花桥某公司", "householdAddress": "安徽省合肥市蜀山区长江西路1号",
                       "currentAddress": "花桥镇绿地大道100号", "district": "hq"},
         "guardian2": {"relation": "NONE"}}""".formatted(validId("20180301"), phone, GUARDIAN_ID);
  }

  static final Map<String, String> OTHER_STEPS = Map.of(
      "subject", "{\"subject\": {\"guardian\": \"guardian1\"}, \"education\": {\"level\": \"NONE\"},"
          + " \"vocational\": {\"level\": \"NONE\"}, \"title\": {\"level\": \"NONE\"}, \"residencePermit\": {}}",
      "housing", "{\"property\": {\"hasProperty\": false}}",
      "honours", "{\"honour\": {\"hasHonour\": false}}",
      "choices", "{\"choices\": {\"public\": \"ks-huaqiao-primary\"}}",
      "preview", "{\"declaration\": {\"accepted\": true}}");

  String fillAllSteps(String token, String app) throws Exception {
    Api.Answer saved = api().put(app + "/steps/family", token, family("13800000002"));
    assertEquals(200, saved.status(), saved.body());
    for (String step : new String[] {"subject", "housing", "honours", "choices", "preview"}) {
      saved = api().put(app + "/steps/" + step, token, OTHER_STEPS.get(step));
      assertEquals(200, saved.status(), step + ": " + saved.body());
    }
    return saved.object().get("version").toString();
  }

  static int versionsInDatabase(String applicationId) throws Exception {
    try (Connection c = TestPlatform.get().database().connect();
        PreparedStatement ps = c.prepareStatement("select count(*) from application_version where application_id = ?::uuid")) {
      ps.setString(1, applicationId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Test
  void aStepWithAnInvalidFieldIsRefusedNamingItAndNothingIsStored() throws Exception {
    String token = token("13800000002");
    String app = newChild(token);
    Api.Answer refused = api().put(app + "/steps/family", token, family("1380000"));
    assertEquals(400, refused.status(), refused.body());
    assertEquals("family.guardian1.phone", refused.object().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(404, api().get(app, token).status(), "no application was created by the refused step");
  }

  @Test
  void theFamilyStepRefusesABirthDateTheIdNumberContradictsAndGuardiansWhoAreNotTwoOtherPeople() throws Exception {
    // a family of its own: 13800000002's guardians are locked by its siblings' applications
    KunshanFamily family = KunshanFamily.register(base);
    String app = family.child("王一一");
    String good = family.familyStep(app, "郑军", KunshanFamily.ZHENG_JUN);
    String student = IdNumbers.normalise(jakarta.json.Json.createReader(new java.io.StringReader(good)).readObject()
        .getJsonObject("student").getString("idNumber"));
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    // seed 000 §3.3: the ID number encodes 2018-03-01; 2018-04-15 typed beside it
    cases.put("family.student.birthDate", good.replace("\"birthDate\": \"2018-03-01\"", "\"birthDate\": \"2018-04-15\""));
    cases.put("family.guardian2.idNumber", good.replace(KunshanFamily.LI_NA, KunshanFamily.ZHENG_JUN));
    cases.put("family.guardian2.relation", good.replace("\"relation\": \"MOTHER\"", "\"relation\": \"FATHER\""));
    cases.put("family.guardian1.idNumber", good.replace("\"idNumber\": \"" + KunshanFamily.ZHENG_JUN + "\"",
        "\"idNumber\": \"" + student + "\""));
    for (Map.Entry<String, String> c : cases.entrySet()) {
      assertTrue(!c.getValue().equals(good), c.getKey() + ": the case changes the step");
      Api.Answer refused = api().put(app + "/steps/family", family.token, c.getValue());
      assertEquals(400, refused.status(), c.getKey() + ": " + refused.body());
      assertEquals(List.of(c.getKey()), refused.object().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
          .map(e -> e.getString("field")).toList(), refused.body());
    }
    assertEquals(404, api().get(app, family.token).status(), "nothing was stored");
    family.save(app, "family", good);
    String subject = OTHER_STEPS.get("subject");
    Api.Answer unknown = api().put(app + "/steps/subject", family.token, subject.replace("guardian1", "guardian3"));
    assertEquals(400, unknown.status(), unknown.body());
    assertEquals("subject.subject.guardian", unknown.object().getJsonArray("errors").getJsonObject(0).getString("field"));
    family.save(app, "family", good.replaceFirst("\"guardian2\": \\{[^}]*\\}", "\"guardian2\": {\"relation\": \"NONE\"}"));
    Api.Answer absent = api().put(app + "/steps/subject", family.token, subject.replace("guardian1", "guardian2"));
    assertEquals(400, absent.status(), "guardian two is 无 now: " + absent.body());
  }

  @Test
  void aRefusedStepLeavesTheLastGoodDraftAsItWas() throws Exception {
    String token = token("13800000002");
    String app = newChild(token);
    assertEquals(200, api().put(app + "/steps/family", token, family("13800000002")).status());
    assertEquals(400, api().put(app + "/steps/family", token, family("12345")).status());
    JsonObject stored = api().get(app, token).object().getJsonObject("answers").getJsonObject("family");
    assertEquals("13800000002", stored.getJsonObject("guardian1").getString("phone"));
    assertEquals("王军", stored.getJsonObject("guardian1").getString("name"), "spaces inside names are removed");
  }

  @Test
  void aSaveBasedOnAStaleVersionIsRefusedWith409() throws Exception {
    String token = token("13800000002");
    String app = newChild(token);
    String v1 = api().put(app + "/steps/family", token, family("13800000002")).object().get("version").toString();
    assertEquals(200, api().put(app + "/steps/housing", token, OTHER_STEPS.get("housing"), "If-Match", v1).status());
    Api.Answer stale = api().put(app + "/steps/honours", token, OTHER_STEPS.get("honours"), "If-Match", v1);
    assertEquals(409, stale.status(), stale.body());
    assertEquals("urn:civic:problem:stale-version", stale.object().getString("type"));
  }

  @Test
  void submittingAnIncompleteApplicationNamesTheMissingSteps() throws Exception {
    String token = token("13800000002");
    String app = newChild(token);
    api().put(app + "/steps/family", token, family("13800000002"));
    Api.Answer refused = api().postEmpty(app + "/submit", token, "Idempotency-Key", UUID.randomUUID().toString());
    assertEquals(400, refused.status(), refused.body());
    assertTrue(refused.body().contains("\"field\":\"subject\""), refused.body());
  }

  @Test
  void theSameIdempotencyKeyTwiceSubmitsOnceAndAnswersTheSame() throws Exception {
    String token = token("13800000002");
    String app = newChild(token);
    fillAllSteps(token, app);
    String key = UUID.randomUUID().toString();
    Api.Answer first = api().postEmpty(app + "/submit", token, "Idempotency-Key", key);
    Api.Answer retry = api().postEmpty(app + "/submit", token, "Idempotency-Key", key);
    assertEquals(200, first.status(), first.body());
    assertEquals(200, retry.status(), retry.body());
    assertEquals(first.object(), retry.object());
    assertEquals("SUBMITTED", first.object().getString("status"));
    assertEquals(1, versionsInDatabase(first.object().getString("id")));
    Api.Answer otherKey = api().postEmpty(app + "/submit", token, "Idempotency-Key", UUID.randomUUID().toString());
    assertEquals(409, otherKey.status());
  }

  @Test
  void aSubmittedApplicationCannotBeEditedUntilWithdrawnThenResubmitsAsANewVersion() throws Exception {
    String token = token("13800000002");
    String app = newChild(token);
    fillAllSteps(token, app);
    String id = api().postEmpty(app + "/submit", token, "Idempotency-Key", UUID.randomUUID().toString()).object().getString("id");
    assertEquals(409, api().put(app + "/steps/honours", token, OTHER_STEPS.get("honours")).status());
    Api.Answer withdrawn = api().postEmpty(app + "/withdraw", token);
    assertEquals(200, withdrawn.status(), withdrawn.body());
    assertEquals("DRAFT", withdrawn.object().getString("status"));
    assertEquals(200, api().put(app + "/steps/honours", token, OTHER_STEPS.get("honours")).status());
    Api.Answer again = api().postEmpty(app + "/submit", token, "Idempotency-Key", UUID.randomUUID().toString());
    assertEquals(200, again.status(), again.body());
    assertEquals(2, again.object().getInt("submissions"));
    assertEquals(2, versionsInDatabase(id));
  }

  @Test
  void aChildTooYoungForPrimarySchoolIsRefusedWithTheAgeWindow() throws Exception {
    Api.Answer refused = api().post("api/tenants/kunshan/children", token("13800000002"),
        "{\"stage\":\"PRIMARY\",\"name\":\"王小小\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\"" + validId("20190101") + "\"}");
    assertEquals(400, refused.status(), refused.body());
    JsonObject error = refused.object().getJsonArray("errors").getJsonObject(0);
    assertEquals("idNumber", error.getString("field"));
    assertEquals("age.primary.too-young", error.getString("code"));
  }

  @Test
  void aSimingChildTooYoungGetsTheSeedsMessage() throws Exception {
    Api.Answer refused = api().post("api/tenants/siming/children", token("siming-parent"),
        "{\"stage\":\"PRIMARY\",\"name\":\"陈小鹭\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\"" + validId("20190101") + "\"}");
    assertEquals(400, refused.status(), refused.body());
    assertTrue(refused.object().getJsonArray("errors").getJsonObject(0).getString("message")
        .startsWith("您注册的学生陈小鹭不符合户籍资格，请重新填写"), refused.body());
  }

  @Test
  void aSubmittedChildCanBeDeletedOnlyAfterWithdrawing() throws Exception {
    String token = token("13800000002");
    String app = newChild(token);
    fillAllSteps(token, app);
    assertEquals(200, api().postEmpty(app + "/submit", token, "Idempotency-Key", UUID.randomUUID().toString()).status());
    String child = app.replace("/application", "");
    Api.Answer refused = api().delete(child, token);
    assertEquals(409, refused.status(), refused.body());
    assertEquals(200, api().postEmpty(app + "/withdraw", token).status());
    Api.Answer deleted = api().delete(child, token);
    assertEquals(204, deleted.status(), deleted.body());
    assertEquals(404, api().get(app, token).status());
  }

  @Test
  void anotherFamilysChildAnswers404() throws Exception {
    String app = newChild(token("13800000002"));
    assertEquals(404, api().get(app, token("13800000001")).status());
    assertEquals(404, api().put(app + "/steps/honours", token("13800000001"), OTHER_STEPS.get("honours")).status());
  }

  // --- the application phase (网上报名) of the enrolment calendar -----------------------------------

  static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

  /**
   * Sets Kunshan's application phase to {@code [today + from, today + to]} (days, China's calendar),
   * adding it when this deployment's data has none; runs {@code body}, then opens the phase around today
   * again, as the demo calendar has it, so that other tests can submit.
   */
  static void withApplicationPhase(int from, int to, org.junit.jupiter.api.function.Executable body) throws Throwable {
    setApplicationPhase(from, to);
    try {
      body.execute();
    } finally {
      setApplicationPhase(-10, 20);
    }
  }

  static void setApplicationPhase(int from, int to) throws Exception {
    java.time.LocalDate today = java.time.LocalDate.now(CHINA);
    try (Connection c = TestPlatform.get().database().connect(); PreparedStatement ps = c.prepareStatement(
        "insert into calendar_phase (tenant_id, code, name_zh, name_en, opens_on, closes_on, position)"
            + " values ('kunshan', 'APPLICATION', '网上报名', 'Online application', ?, ?, 0)"
            + " on conflict (tenant_id, code) do update set opens_on = excluded.opens_on, closes_on = excluded.closes_on")) {
      ps.setObject(1, today.plusDays(from));
      ps.setObject(2, today.plusDays(to));
      ps.executeUpdate();
    }
  }

  /** A new child of 13800000002 with every step saved; the path of its application. */
  String filledDraft(String token) throws Exception {
    String app = newChild(token);
    fillAllSteps(token, app);
    return app;
  }

  Api.Answer submit(String app, String token) throws Exception {
    return api().postEmpty(app + "/submit", token, "Idempotency-Key", UUID.randomUUID().toString());
  }

  @Test
  void aSubmissionAfterTheApplicationPhaseClosedIsRefusedNamingTheDeadlineAndTheDraftStays() throws Throwable {
    String token = token("13800000002");
    String app = filledDraft(token);
    String closed = java.time.LocalDate.now(CHINA).minusDays(1).toString();
    withApplicationPhase(-30, -1, () -> {
      Api.Answer refused = submit(app, token);
      assertEquals(409, refused.status(), refused.body());
      assertEquals("urn:civic:problem:application-phase-closed", refused.object().getString("type"));
      assertTrue(refused.object().getString("detail").contains("网上报名已于 " + closed + " 截止"), refused.body());
      assertTrue(refused.object().getString("detailEn").contains("closed on " + closed), refused.body());
      JsonObject draft = api().get(app, token).object();
      assertEquals("DRAFT", draft.getString("status"));
      assertEquals(0, versionsInDatabase(draft.getString("id")));
      assertEquals(6, draft.getJsonObject("answers").size(), "every saved step is kept");
    });
    Api.Answer reopened = submit(app, token);
    assertEquals(200, reopened.status(), reopened.body());
  }

  @Test
  void aSubmissionBeforeTheApplicationPhaseOpensIsRefusedNamingTheFirstDay() throws Throwable {
    String token = token("13800000002");
    String app = filledDraft(token);
    String opens = java.time.LocalDate.now(CHINA).plusDays(3).toString();
    withApplicationPhase(3, 30, () -> {
      Api.Answer refused = submit(app, token);
      assertEquals(409, refused.status(), refused.body());
      assertEquals("urn:civic:problem:application-phase-not-open", refused.object().getString("type"));
      assertTrue(refused.object().getString("detail").contains(opens + " 开始"), refused.body());
      assertTrue(refused.object().getString("detailEn").contains("opens on " + opens), refused.body());
    });
  }

  @Test
  void aSubmittedApplicationCannotBeWithdrawnOnceThePhaseClosedSinceItCouldNotBeSubmittedAgain() throws Throwable {
    String token = token("13800000002");
    String app = filledDraft(token);
    setApplicationPhase(-10, 20);
    assertEquals(200, submit(app, token).status());
    assertTrue(api().get(app + "/status", token).object().getJsonObject("actions").getBoolean("withdraw"));
    withApplicationPhase(-30, -1, () -> {
      assertEquals(false, api().get(app + "/status", token).object().getJsonObject("actions").getBoolean("withdraw"),
          "the withdraw button is not offered");
      Api.Answer refused = api().postEmpty(app + "/withdraw", token);
      assertEquals(409, refused.status(), refused.body());
      assertEquals("urn:civic:problem:application-phase-closed", refused.object().getString("type"));
      assertTrue(refused.object().getString("detail").contains("不能撤回"), refused.body());
      assertEquals("SUBMITTED", api().get(app, token).object().getString("status"));
    });
  }
}
