package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Siming household pre-registration through the API (issue 7): registry prefill with a recorded
 * correction, twins in one registration, a rare-character (CJK Extension B) name byte-exact through
 * storage, API and export, the age window, each housing type's validation, the SMS code to guardian one,
 * an anomaly fixed and resubmitted, a public rental waiting in manual review, idempotent submission and
 * the stale-version 409. People are added to the simulated household registry per test (unique ID
 * numbers); the property fixture XM2019012345 belongs to 陈建国.
 */
@ExtendWith(ArquillianExtension.class)
class SimingApplicationIT {

  static final String FATHER = "350203198605120133"; // 陈建国 (fixture), owner of XM2019012345
  static final String MOTHER = "35020319880920024X"; // 林美华 (fixture)
  static final String LIANQIAN = "厦门市思明区莲前街道莲龙社区莲前西路100号1201室";
  static final String JIALIAN = "厦门市思明区嘉莲街道嘉莲社区嘉禾路公租房8号楼503室";
  /** 𠀾 U+2003E, 𪚥 U+2A6A5, 𡃁 U+210C1: CJK Extension B, four bytes each in UTF-8. */
  static final String RARE = "陈\uD840\uDC3E\uD869\uDEA5\uD844\uDCC1";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of("platform.registries.simulated.control-endpoint.enabled", "true",
        "platform.notifications.outbox-endpoint.enabled", "true"));
  }

  @ArquillianResource URL base;

  Api api() {
    return new Api(base);
  }

  static String parent() throws Exception {
    return ApplicationsIT.token("siming-parent");
  }

  /** A child born on {@code birth} added to the household registry with the fixture parents, in Siming. */
  String registryChild(String name, String pinyin, String birth, String gender, String address) throws Exception {
    String id = TestPlatform.mainlandId(birth.replace("-", ""));
    SimingFlow.registerPeople(api(), SimingFlow.person(id, name, pinyin, birth, gender, address, "FAMILY", FATHER, MOTHER));
    return id;
  }

  String newChild(String name, String idNumber) throws Exception {
    Api.Answer child = api().post("api/tenants/siming/children", parent(),
        "{\"stage\":\"PRIMARY\",\"name\":\"" + name + "\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\"" + idNumber + "\"}");
    assertEquals(201, child.status(), child.body());
    return "api/tenants/siming/children/" + child.object().getString("id") + "/application";
  }

  static String entry(String id, String name, String pinyin, String birth, String gender, String address,
      String street, String kind, boolean rare) {
    return """
        {"idNumber": "%s", "name": "%s", "birthDate": "%s", "pinyin": "%s", "gender": "%s",
         "householdAddress": "%s", "householdType": "%s", "street": "%s", "community": "%s",
         "currentAddress": "%s", "rareCharacter": %s}"""
        .formatted(id, name, birth, pinyin, gender, address, kind, street,
            address.replaceFirst(".*街道(.+?社区).*", "$1"), address, rare);
  }

  static String students(String... entries) {
    return "{\"student\": [" + String.join(",", entries) + "]}";
  }

  static String guardians(String phone) {
    return """
        {"guardian1": {"relation": "FATHER", "name": "陈建国", "idNumber": "%s", "phone": "%s"},
         "guardian2": {"relation": "MOTHER", "name": "林美华", "idNumber": "%s"}}"""
        .formatted(FATHER, phone, MOTHER);
  }

  static final String PURCHASE = """
      {"housing": {"type": "PARENTS_PURCHASE", "certificateNumber": "xm2019012345-1", "purchaseDate": "2019-06-18",
                   "ownerName": "陈建国", "ownerIdNumber": "350203198605120133"}}""";

  static final String RENTAL = """
      {"housing": {"type": "PUBLIC_RENTAL", "tenantName": "陈建国", "rentalAddress": "%s"}}""".formatted(JIALIAN);

  Api.Answer save(String app, String step, String json, String... headers) throws Exception {
    return api().put(app + "/steps/" + step, parent(), json, headers);
  }

  void saved(String app, String step, String json) throws Exception {
    Api.Answer saved = save(app, step, json);
    assertEquals(200, saved.status(), step + ": " + saved.body());
  }

  /** Every step answered and the documents the seed marks * uploaded (the rental contract for 公租房/廉租房). */
  void fill(String app, String students, String guardians, String housing) throws Exception {
    fillAnswers(app, students, guardians, housing);
    SimingFlow.uploadRequiredDocuments(api(), parent(), app.split("/")[4], housing);
  }

  void fillAnswers(String app, String students, String guardians, String housing) throws Exception {
    saved(app, "household", "{\"status\": {\"status\": \"LOCAL\"}}");
    saved(app, "students", students);
    saved(app, "guardians", guardians);
    saved(app, "housing", housing);
    saved(app, "proof", "{\"notes\": {\"familyNotes\": \"双胞胎，同住。\"}}");
    saved(app, "submit", "{\"pledge\": {\"creditPledge\": true}}");
  }

  static JsonObject error(Api.Answer answer, String field) {
    return answer.object().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .filter(e -> e.getString("field").equals(field)).findFirst()
        .orElseThrow(() -> new AssertionError("no error for " + field + ": " + answer.body()));
  }

  JsonObject verified(String app, int submission) throws Exception {
    long until = System.currentTimeMillis() + 60_000;
    JsonObject view = null;
    while (System.currentTimeMillis() < until) {
      view = api().get(app + "/verification", parent()).object();
      if (view.getInt("submission") == submission && "DONE".equals(view.getString("status"))) {
        return view;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("verification not done in time: " + view);
  }

  /** The reviewer's manual-review task of an application, once it is open. */
  JsonObject manualTask(String applicationId) throws Exception {
    String reviewer = ApplicationsIT.token("sm-reviewer");
    long until = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < until) {
      Api.Answer queue = api().get("api/review/tasks?size=100&stage=manual-review", reviewer);
      assertEquals(200, queue.status(), queue.body());
      var task = queue.object().getJsonArray("items").getValuesAs(JsonObject.class).stream()
          .filter(t -> t.getString("applicationId").equals(applicationId)).findFirst();
      if (task.isPresent()) {
        Api.Answer detail = api().get("api/review/tasks/" + task.get().getString("id"), reviewer);
        assertEquals(200, detail.status(), detail.body());
        return detail.object();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no manual-review task for " + applicationId);
  }

  @Test
  void aLocalChildIsPrefilledFromTheRegistryAndACorrectedFieldIsShownToTheReviewer() throws Exception {
    String id = registryChild("陈思源", "CHEN SI YUAN", "2018-02-02", "M", JIALIAN);
    String app = newChild("陈思源", id);
    Api.Answer prefill = api().post(app + "/prefill", parent(), "{\"idNumber\": \"" + id + "\"}");
    assertEquals(200, prefill.status(), prefill.body());
    JsonObject values = prefill.object().getJsonObject("values");
    assertTrue(prefill.object().getBoolean("found"));
    assertEquals("陈思源", values.getString("students.student.name"));
    assertEquals("2018-02-02", values.getString("students.student.birthDate"));
    assertEquals("CHEN SI YUAN", values.getString("students.student.pinyin"));
    assertEquals("M", values.getString("students.student.gender"));
    assertEquals(JIALIAN, values.getString("students.student.householdAddress"));
    assertEquals("NON_COLLECTIVE", values.getString("students.student.householdType"), "家庭户 is 非集体户");
    assertEquals("jialian", values.getString("students.student.street"));
    assertEquals("嘉莲社区", values.getString("students.student.community"));
    assertEquals("FATHER", values.getString("guardians.guardian1.relation"));
    assertEquals("陈建国", values.getString("guardians.guardian1.name"));
    assertEquals(FATHER, values.getString("guardians.guardian1.idNumber"));
    assertEquals("林美华", values.getString("guardians.guardian2.name"));

    String phone = SimingFlow.newPhone();
    // The parent corrects the pinyin (the registry's spacing differs from the household register).
    fill(app, students(entry(id, "陈思源", "CHEN SIYUAN", "2018-02-02", "M", JIALIAN, "jialian", "NON_COLLECTIVE", false)),
        guardians(phone), RENTAL);
    Api.Answer submitted = SimingFlow.confirmedSubmit(api(), parent(), app, phone, null);
    assertEquals(200, submitted.status(), submitted.body());

    JsonObject detail = manualTask(submitted.object().getString("id"));
    JsonArray corrections = detail.getJsonArray("corrections");
    assertEquals(1, corrections.size(), detail.toString());
    JsonObject correction = corrections.getJsonObject(0);
    assertEquals("students.student[0].pinyin", correction.getString("field"));
    assertEquals("CHEN SI YUAN", correction.getString("original"));
    assertEquals("CHEN SIYUAN", correction.getString("corrected"));
  }

  @Test
  void aChildOutsideSimingIsNotPrefilledAndTheParentIsToldWhy() throws Exception {
    String id = TestPlatform.mainlandId("20180404");
    SimingFlow.registerPeople(api(), SimingFlow.person(id, "李外区", "LI WAI QU", "2018-04-04", "F",
        "厦门市湖里区江头街道江头社区", "FAMILY", FATHER, MOTHER));
    String app = newChild("李外区", id);
    Api.Answer prefill = api().post(app + "/prefill", parent(), "{\"idNumber\": \"" + id + "\"}");
    assertEquals(200, prefill.status(), prefill.body());
    assertFalse(prefill.object().getBoolean("found"));
    assertEquals(0, prefill.object().getJsonObject("values").size());
    assertTrue(prefill.object().getJsonObject("note").getString("zh").contains("不在思明区"), prefill.body());

    Api.Answer malformed = api().post(app + "/prefill", parent(), "{\"idNumber\": \"12345\"}");
    assertEquals(400, malformed.status(), malformed.body());
    assertNotNull(error(malformed, "idNumber"));
  }

  @Test
  void aStreetCodeTheDistrictDoesNotHaveIsRefusedNamingTheEntryAndNothingIsStored() throws Exception {
    try (java.sql.Connection c = TestPlatform.get().database().connect(); java.sql.PreparedStatement ps = c.prepareStatement(
        "insert into district (tenant_id, code, name_zh, name_en) values ('siming', ?, ?, ?) on conflict do nothing")) {
      // the tenant's streets, as its reference data has them (this deployment loads no demo data)
      for (var street : org.civicplatform.siming.reference.SimingReferenceData.demo().districts()) {
        ps.setString(1, street.code());
        ps.setString(2, street.name().zh());
        ps.setString(3, street.name().en());
        ps.executeUpdate();
      }
    }
    String first = registryChild("陈一川", "CHEN YI CHUAN", "2018-05-06", "M", LIANQIAN);
    String second = registryChild("陈一舟", "CHEN YI ZHOU", "2018-05-06", "M", LIANQIAN);
    String app = newChild("陈一川", first);
    Api.Answer refused = save(app, "students", students(
        entry(first, "陈一川", "CHEN YI CHUAN", "2018-05-06", "M", LIANQIAN, "lianqian", "NON_COLLECTIVE", false),
        entry(second, "陈一舟", "CHEN YI ZHOU", "2018-05-06", "M", LIANQIAN, "莲前街道", "NON_COLLECTIVE", false)));
    assertEquals(400, refused.status(), refused.body());
    assertTrue(error(refused, "students.student[1].street").getString("message").contains("户籍地址所在街道"),
        refused.body());
    assertEquals(404, api().get(app, parent()).status(), "no application was created by the refused step");
  }

  @Test
  void aTwinOfOneRegistrationCannotBeRegisteredAgainAsAChildOrInAnotherRegistration() throws Exception {
    String first = registryChild("陈二一", "CHEN ER YI", "2018-05-07", "M", LIANQIAN);
    String second = registryChild("陈二二", "CHEN ER ER", "2018-05-07", "F", LIANQIAN);
    String app = newChild("陈二一", first);
    saved(app, "students", students(
        entry(first, "陈二一", "CHEN ER YI", "2018-05-07", "M", LIANQIAN, "lianqian", "NON_COLLECTIVE", false),
        entry(second, "陈二二", "CHEN ER ER", "2018-05-07", "F", LIANQIAN, "lianqian", "NON_COLLECTIVE", false)));
    // the second twin as a child of its own (of this or any other account of the tenant): refused, Siming's words
    Api.Answer again = api().post("api/tenants/siming/children", parent(),
        "{\"stage\":\"PRIMARY\",\"name\":\"陈二二\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\"" + second + "\"}");
    assertEquals(409, again.status(), again.body());
    assertEquals("urn:civic:problem:child-already-registered", again.object().getString("type"));
    assertTrue(again.object().getString("detail").contains("思明区"), again.body());
    assertFalse(again.body().contains("户籍生（新市民）"), "not Kunshan's words");
    // a registered child listed as a twin of another registration: refused at the field
    String third = registryChild("陈二三", "CHEN ER SAN", "2018-05-07", "M", LIANQIAN);
    String other = newChild("陈二三", third);
    Api.Answer listed = save(other, "students", students(
        entry(third, "陈二三", "CHEN ER SAN", "2018-05-07", "M", LIANQIAN, "lianqian", "NON_COLLECTIVE", false),
        entry(second, "陈二二", "CHEN ER ER", "2018-05-07", "F", LIANQIAN, "lianqian", "NON_COLLECTIVE", false)));
    assertEquals(400, listed.status(), listed.body());
    assertEquals("students.student[1].idNumber", listed.object().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals("child.already-registered", listed.object().getJsonArray("errors").getJsonObject(0).getString("code"));
  }

  @Test
  void twinsShareOneRegistrationAndEachHasItsOwnIdentityCheck() throws Exception {
    String first = registryChild("陈一鸣", "CHEN YI MING", "2018-05-05", "M", LIANQIAN);
    String second = registryChild("陈一诺", "CHEN YI NUO", "2018-05-05", "F", LIANQIAN);
    String app = newChild("陈一鸣", first);
    Api.Answer prefill = api().post(app + "/prefill", parent(), "{\"idNumber\": \"" + second + "\"}");
    assertEquals("陈一诺", prefill.object().getJsonObject("values").getString("students.student.name"), prefill.body());
    String phone = SimingFlow.newPhone();
    // The second twin's name is mistyped: only that child's identity check fails.
    fill(app, students(
            entry(first, "陈一鸣", "CHEN YI MING", "2018-05-05", "M", LIANQIAN, "lianqian", "NON_COLLECTIVE", false),
            entry(second, "陈一若", "CHEN YI NUO", "2018-05-05", "F", LIANQIAN, "lianqian", "NON_COLLECTIVE", false)),
        guardians(phone), PURCHASE);
    Api.Answer submitted = SimingFlow.confirmedSubmit(api(), parent(), app, phone, null);
    assertEquals(200, submitted.status(), submitted.body());
    assertEquals(2, submitted.object().getJsonObject("answers").getJsonObject("students").getJsonArray("student").size());

    JsonObject view = verified(app, 1);
    JsonObject identity = SimingVerificationIT.item(view, "identity");
    assertEquals("ANOMALY", identity.getString("outcome"), view.toString());
    assertEquals(List.of("students.student[1].name"),
        identity.getJsonArray("fields").getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList());
    assertTrue(identity.getJsonObject("detail").getString("zh").contains("陈一诺"), identity.toString());
    assertFalse(identity.getJsonObject("detail").getString("zh").contains("陈一鸣"), "the first twin passed");
    assertEquals("PASSED", SimingVerificationIT.item(view, "guardians").getString("outcome"), view.toString());
    assertEquals("PASSED", SimingVerificationIT.item(view, "property").getString("outcome"), view.toString());
    assertEquals("RETURNED", api().get(app, parent()).object().getString("status"));

    // The parent fixes the name — only what was returned (the students) may change — and resubmits (the minute
    // between two codes to one number made to pass): one registration, both children verified.
    IdentityIT.aMinutePasses(phone);
    saved(app, "students", students(
        entry(first, "陈一鸣", "CHEN YI MING", "2018-05-05", "M", LIANQIAN, "lianqian", "NON_COLLECTIVE", false),
        entry(second, "陈一诺", "CHEN YI NUO", "2018-05-05", "F", LIANQIAN, "lianqian", "NON_COLLECTIVE", false)));
    Api.Answer again = SimingFlow.confirmedSubmit(api(), parent(), app, phone, null);
    assertEquals(200, again.status(), again.body());
    JsonObject fixed = verified(app, 2);
    identity = SimingVerificationIT.item(fixed, "identity");
    assertEquals("PASSED", identity.getString("outcome"), fixed.toString());
    assertTrue(identity.getJsonObject("detail").getString("zh").contains("陈一鸣、陈一诺"), identity.toString());
    assertEquals("REVIEWED", api().get(app, parent()).object().getString("status"));
  }

  @Test
  void childrenOfDifferentHouseholdKindsRegisterSeparately() throws Exception {
    String first = registryChild("陈二甲", "CHEN ER JIA", "2018-06-06", "M", LIANQIAN);
    String second = registryChild("陈二乙", "CHEN ER YI", "2018-06-06", "M", LIANQIAN);
    String app = newChild("陈二甲", first);
    Api.Answer refused = save(app, "students", students(
        entry(first, "陈二甲", "CHEN ER JIA", "2018-06-06", "M", LIANQIAN, "lianqian", "NON_COLLECTIVE", false),
        entry(second, "陈二乙", "CHEN ER YI", "2018-06-06", "M", LIANQIAN, "lianqian", "COLLECTIVE", false)));
    assertEquals(400, refused.status(), refused.body());
    assertTrue(error(refused, "students.student[1].householdType").getString("message").contains("分别登记"), refused.body());
  }

  @Test
  void aTooYoungTwinIsRefusedWithTheSeedsMessage() throws Exception {
    String first = registryChild("陈三大", "CHEN SAN DA", "2018-07-07", "M", LIANQIAN);
    String young = TestPlatform.mainlandId("20190101");
    String app = newChild("陈三大", first);
    Api.Answer refused = save(app, "students", students(
        entry(first, "陈三大", "CHEN SAN DA", "2018-07-07", "M", LIANQIAN, "lianqian", "NON_COLLECTIVE", false),
        entry(young, "陈三小", "CHEN SAN XIAO", "2019-01-01", "M", LIANQIAN, "lianqian", "NON_COLLECTIVE", false)));
    assertEquals(400, refused.status(), refused.body());
    assertTrue(error(refused, "students.student[1].idNumber").getString("message").startsWith("您注册的学生陈三小不符合户籍资格，请重新填写"),
        refused.body());
    Api.Answer registration = api().post("api/tenants/siming/children", parent(),
        "{\"stage\":\"PRIMARY\",\"name\":\"陈三小\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\"" + young + "\"}");
    assertEquals(400, registration.status(), registration.body());
    assertTrue(error(registration, "idNumber").getString("message").startsWith("您注册的学生陈三小不符合户籍资格"), registration.body());
  }

  @Test
  void aRareCharacterNameSurvivesStorageApiAndExportByteExact() throws Exception {
    assertEquals(List.of(0x9648, 0x2003E, 0x2A6A5, 0x210C1), RARE.codePoints().boxed().toList());
    String id = registryChild(RARE, "CHEN X X", "2018-01-10", "M", LIANQIAN);
    String app = newChild(RARE, id);
    saved(app, "students", students(entry(id, RARE, "CHEN X X", "2018-01-10", "M", LIANQIAN, "lianqian", "NON_COLLECTIVE", true)));

    JsonObject read = api().get(app, parent()).object();
    String stored = read.getJsonObject("answers").getJsonObject("students").getJsonArray("student").getJsonObject(0).getString("name");
    assertArrayEquals(RARE.codePoints().toArray(), stored.codePoints().toArray(), "API");
    String child = app.split("/")[4];
    try (Connection c = TestPlatform.get().database().connect();
        PreparedStatement ps = c.prepareStatement("select c.name, convert_to(a.answers #>> '{students,student,0,name}', 'UTF8')"
            + " from child c join application a on a.child_id = c.id where c.id = ?::uuid")) {
      ps.setString(1, child);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(RARE, rs.getString(1), "child.name column");
        assertArrayEquals(RARE.getBytes(StandardCharsets.UTF_8), rs.getBytes(2), "jsonb answers, as UTF-8 bytes");
      }
    }

    byte[] csv = raw(app + "/export?format=csv");
    byte[] row = ("students.student[0].name," + RARE + "\r\n").getBytes(StandardCharsets.UTF_8);
    assertTrue(indexOf(csv, row) >= 0, "CSV holds the name's exact UTF-8 bytes: " + new String(csv, StandardCharsets.UTF_8));
    byte[] json = raw(app + "/export?format=json");
    assertTrue(indexOf(json, ("\"name\":\"" + RARE + "\"").getBytes(StandardCharsets.UTF_8)) >= 0,
        "JSON export holds the name unescaped, byte for byte");
  }

  @Test
  void aRareCharacterNameCannotBeSubmittedWithoutTheHouseholdRegisterPage() throws Exception {
    String id = registryChild(RARE, "CHEN X X", "2018-01-12", "M", LIANQIAN);
    String app = newChild(RARE, id);
    String phone = SimingFlow.newPhone();
    fill(app, students(entry(id, RARE, "CHEN X X", "2018-01-12", "M", LIANQIAN, "lianqian", "NON_COLLECTIVE", true)),
        guardians(phone), PURCHASE);
    Api.Answer refused = SimingFlow.confirmedSubmit(api(), parent(), app, phone, null);
    assertEquals(400, refused.status(), refused.body());
    JsonObject missing = error(refused, "students.rareCharacterProof");
    assertTrue(missing.getString("message").contains("户口本学生本人页（生僻字）"), refused.body());
    assertTrue(missing.getString("messageEn").contains("household-register page"), refused.body());
    assertEquals("DRAFT", api().get(app, parent()).object().getString("status"), "nothing submitted");

    Api.Answer uploaded = SimingFlow.upload(api(), parent(), app.split("/")[4], "rareCharacterProof", "户口本.png", SimingFlow.png());
    assertEquals(201, uploaded.status(), uploaded.body());
    // The form error did not use the code up: the same code submits now.
    Api.Answer submitted = api().post(app + "/submit", parent(),
        "{\"confirmationCode\": \"" + SimingFlow.codeSentTo(api(), phone) + "\"}", "Idempotency-Key", UUID.randomUUID().toString());
    assertEquals(200, submitted.status(), submitted.body());
  }

  @Test
  void aRegistrationWithoutItsHouseholdRegisterPagesBirthCertificateOrRentalContractIsRefusedNamingEachSlot()
      throws Exception {
    String id = registryChild("陈无证", "CHEN WU ZHENG", "2018-02-02", "M", JIALIAN);
    String app = newChild("陈无证", id);
    String phone = SimingFlow.newPhone();
    fillAnswers(app, students(entry(id, "陈无证", "CHEN WU ZHENG", "2018-02-02", "M", JIALIAN, "jialian", "NON_COLLECTIVE", false)),
        guardians(phone), RENTAL);
    Api.Answer refused = SimingFlow.confirmedSubmit(api(), parent(), app, phone, null);
    assertEquals(400, refused.status(), refused.body());
    for (String[] slot : new String[][] {{"proof.householdFirstPage", "户口本首页"}, {"proof.childPage", "户口本学生本人页"},
        {"proof.birthCertificate", "出生医学证明"}, {"housing.rentalContract", "租房合同"}}) {
      assertTrue(error(refused, slot[0]).getString("message").contains(slot[1]), slot[0] + ": " + refused.body());
    }
    assertEquals("DRAFT", api().get(app, parent()).object().getString("status"), "nothing submitted");

    String child = app.split("/")[4];
    SimingFlow.uploadHouseholdDocuments(api(), parent(), child);
    Api.Answer stillRefused = api().post(app + "/submit", parent(),
        "{\"confirmationCode\": \"" + SimingFlow.codeSentTo(api(), phone) + "\"}", "Idempotency-Key", UUID.randomUUID().toString());
    assertEquals(400, stillRefused.status(), stillRefused.body());
    assertEquals(List.of("housing.rentalContract"), stillRefused.object().getJsonArray("errors").getValuesAs(JsonObject.class)
        .stream().map(e -> e.getString("field")).toList(), "only the contract is still missing");
    assertEquals(201, SimingFlow.upload(api(), parent(), child, "rentalContract", "租房合同.png", SimingFlow.png()).status());
    Api.Answer submitted = api().post(app + "/submit", parent(),
        "{\"confirmationCode\": \"" + SimingFlow.codeSentTo(api(), phone) + "\"}", "Idempotency-Key", UUID.randomUUID().toString());
    assertEquals(200, submitted.status(), submitted.body());
  }

  byte[] raw(String path) throws Exception {
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(api().uri(path)).header("Authorization", "Bearer " + parent()).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    assertTrue(response.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    return response.body();
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void eachHousingTypeIsValidatedNamingTheField() throws Exception {
    String id = registryChild("陈四方", "CHEN SI FANG", "2018-03-03", "M", LIANQIAN);
    String app = newChild("陈四方", id);
    Map<String, String> missing = Map.of(
        "{\"type\": \"PARENTS_PURCHASE\", \"certificateNumber\": \"XM1\", \"purchaseDate\": \"2019-01-01\", \"ownerIdNumber\": \"" + FATHER + "\"}",
        "housing.housing.ownerName",
        "{\"type\": \"GRANDPARENTS_PURCHASE\", \"purchaseDate\": \"2019-01-01\", \"ownerName\": \"陈老\", \"ownerIdNumber\": \"" + FATHER + "\"}",
        "housing.housing.certificateNumber",
        "{\"type\": \"PUBLIC_RENTAL\", \"tenantName\": \"陈建国\"}", "housing.housing.rentalAddress",
        "{\"type\": \"LOW_RENT\", \"lowRentAddress\": \"" + JIALIAN + "\"}", "housing.housing.lowRentContractNumber",
        "{\"type\": \"OTHER\"}", "housing.housing.otherAddress",
        "{}", "housing.housing.type");
    for (var c : missing.entrySet()) {
      Api.Answer refused = save(app, "housing", "{\"housing\": " + c.getKey() + "}");
      assertEquals(400, refused.status(), c.getKey() + " → " + refused.body());
      JsonObject error = error(refused, c.getValue());
      assertFalse(error.getString("message").isBlank());
      assertFalse(error.getString("messageEn").isBlank());
    }
    Api.Answer collective = save(app, "housing", "{\"housing\": {\"type\": \"COLLECTIVE_OR_CONSIGNED\"}}");
    assertEquals(200, collective.status(), "集体户、寄售户 give no housing data: " + collective.body());
    Api.Answer contract = save(app, "housing", """
        {"housing": {"type": "PARENTS_PURCHASE", "contractNumber": "ht 2023 000456", "purchaseDate": "2023-12-31",
                     "ownerName": "陈建国", "ownerIdNumber": "%s"}}""".formatted(FATHER));
    assertEquals(200, contract.status(), contract.body());
    assertEquals("HT2023000456",
        contract.object().getJsonObject("answers").getJsonObject("housing").getJsonObject("housing").getString("contractNumber"));
    Api.Answer certificate = save(app, "housing", PURCHASE);
    assertEquals(200, certificate.status(), certificate.body());
    assertEquals("XM2019012345",
        certificate.object().getJsonObject("answers").getJsonObject("housing").getJsonObject("housing").getString("certificateNumber"),
        "upper case, the -1 suffix dropped");
  }

  @Test
  void theSubmissionCodeGoesToGuardianOnesPhoneAndIsNeededToSubmit() throws Exception {
    String id = registryChild("陈五福", "CHEN WU FU", "2018-04-15", "F", LIANQIAN);
    String app = newChild("陈五福", id);
    String phone = SimingFlow.newPhone();
    fill(app, students(entry(id, "陈五福", "CHEN WU FU", "2018-04-15", "F", LIANQIAN, "lianqian", "NON_COLLECTIVE", false)),
        guardians(phone), PURCHASE);

    Api.Answer withoutCode = api().postEmpty(app + "/submit", parent(), "Idempotency-Key", UUID.randomUUID().toString());
    assertEquals(400, withoutCode.status(), withoutCode.body());
    assertNotNull(error(withoutCode, "confirmationCode"));

    Api.Answer sent = api().postEmpty(app + "/confirmation-code", parent());
    assertEquals(200, sent.status(), sent.body());
    assertEquals(phone.substring(0, 3) + "****" + phone.substring(7), sent.object().getString("sentTo"));
    String code = SimingFlow.codeSentTo(api(), phone);
    Api.Answer accountPhone = api().get("api/dev/sms-outbox?mobile=13900000003", null);
    assertFalse(accountPhone.body().contains("code.SUBMIT"), "nothing to the account's own phone: " + accountPhone.body());

    Api.Answer again = api().postEmpty(app + "/confirmation-code", parent());
    assertEquals(429, again.status(), again.body());
    assertEquals("urn:civic:problem:sms-rate-limited", again.object().getString("type"));

    String wrong = code.equals("000000") ? "111111" : "000000";
    Api.Answer wrongCode = api().post(app + "/submit", parent(), "{\"confirmationCode\": \"" + wrong + "\"}",
        "Idempotency-Key", UUID.randomUUID().toString());
    assertEquals(400, wrongCode.status(), wrongCode.body());
    assertEquals("code.wrong", error(wrongCode, "confirmationCode").getString("code"));
    assertEquals("DRAFT", api().get(app, parent()).object().getString("status"), "nothing submitted");
    // the refused submit rolled nothing back but the counted try (checked on the submit's own connection)
    assertEquals(1, submitCodeAttempts(phone), "the wrong try is counted though the submit was refused");

    String key = UUID.randomUUID().toString();
    Api.Answer submitted = api().post(app + "/submit", parent(), "{\"confirmationCode\": \"" + code + "\"}", "Idempotency-Key", key);
    assertEquals(200, submitted.status(), submitted.body());
    assertEquals(1, submitted.object().getInt("submissions"));

    // A retry after a timeout: same key, no new code needed, the same result and still one submission.
    Api.Answer retried = api().post(app + "/submit", parent(), "{}", "Idempotency-Key", key);
    assertEquals(200, retried.status(), retried.body());
    assertEquals(submitted.object().getString("submittedAt"), retried.object().getString("submittedAt"));
    assertEquals(1, retried.object().getInt("submissions"));
  }

  @Test
  void aPublicRentalWaitsInManualReviewShowing待审核() throws Exception {
    String id = registryChild("陈六顺", "CHEN LIU SHUN", "2018-08-08", "M", JIALIAN);
    String app = newChild("陈六顺", id);
    String phone = SimingFlow.newPhone();
    fill(app, students(entry(id, "陈六顺", "CHEN LIU SHUN", "2018-08-08", "M", JIALIAN, "jialian", "NON_COLLECTIVE", false)),
        guardians(phone), RENTAL);
    Api.Answer submitted = SimingFlow.confirmedSubmit(api(), parent(), app, phone, null);
    assertEquals(200, submitted.status(), submitted.body());
    JsonObject view = verified(app, 1);
    assertEquals("待审核", SimingVerificationIT.item(view, "property").getJsonObject("outcomeLabel").getString("zh"));
    JsonObject detail = manualTask(submitted.object().getString("id"));
    assertEquals("OPEN", detail.getJsonObject("task").getString("status"), detail.toString());
    assertEquals(0, detail.getJsonArray("corrections").size(), "nothing was prefilled");
  }

  @Test
  void aStudentTheHouseholdRegistryDoesNotKnowCannotBeSubmitted() throws Exception {
    String id = TestPlatform.mainlandId("20180219"); // never added to the simulated household registry
    String app = newChild("陈无名", id);
    String phone = SimingFlow.newPhone();
    fill(app, students(entry(id, "陈无名", "CHEN WU MING", "2018-02-19", "M", LIANQIAN, "lianqian", "NON_COLLECTIVE", false)),
        guardians(phone), PURCHASE);
    Api.Answer refused = api().postEmpty(app + "/submit", parent(), "Idempotency-Key", UUID.randomUUID().toString());
    assertEquals(400, refused.status(), refused.body());
    JsonObject error = error(refused, "students.student[0].idNumber");
    assertEquals("identity.not-verified", error.getString("code"));
    assertTrue(error.getString("message").startsWith("学生陈无名身份验证失败"), refused.body());
    assertEquals("DRAFT", api().get(app, parent()).object().getString("status"), "nothing submitted");
  }

  @Test
  void aStaleVersionIsRefusedWith409AndBadInputNamesTheField() throws Exception {
    String id = registryChild("陈七巧", "CHEN QI QIAO", "2018-01-20", "F", LIANQIAN);
    String app = newChild("陈七巧", id);
    Api.Answer first = save(app, "household", "{\"status\": {\"status\": \"LOCAL\"}}");
    assertEquals(200, first.status(), first.body());
    String version = "\"" + first.object().getJsonNumber("version") + "\"";
    Api.Answer tabOne = save(app, "guardians", guardians(SimingFlow.newPhone()), "If-Match", version);
    assertEquals(200, tabOne.status(), tabOne.body());
    Api.Answer tabTwo = save(app, "guardians", guardians(SimingFlow.newPhone()), "If-Match", version);
    assertEquals(409, tabTwo.status(), tabTwo.body());
    assertEquals("urn:civic:problem:stale-version", tabTwo.object().getString("type"));

    Api.Answer badId = save(app, "students", students(
        entry("35020320180120000", "陈七巧", "CHEN QI QIAO", "2018-01-20", "F", LIANQIAN, "lianqian", "NON_COLLECTIVE", false)));
    assertEquals(400, badId.status(), badId.body());
    assertNotNull(error(badId, "students.student[0].idNumber"));
    Api.Answer noGuardian = save(app, "guardians", "{\"guardian1\": {}, \"guardian2\": {}}");
    assertEquals(400, noGuardian.status(), "guardian one is never empty: " + noGuardian.body());
    assertNotNull(error(noGuardian, "guardians.guardian1.relation"));
  }

  @Test
  void aRegistryOutageDuringPrefillAnswers503AndNothingIsFilledIn() throws Exception {
    String id = registryChild("陈八达", "CHEN BA DA", "2018-02-28", "M", LIANQIAN);
    String app = newChild("陈八达", id);
    assertEquals(200, api().put("api/dev/registries", null, "{\"failureRate\": 1.0}").status());
    try {
      Api.Answer down = api().post(app + "/prefill", parent(), "{\"idNumber\": \"" + id + "\"}");
      assertEquals(503, down.status(), down.body());
      assertTrue(down.object().getString("detail").contains("户籍系统"), down.body());
    } finally {
      assertEquals(200, api().put("api/dev/registries", null, "{\"failureRate\": 0.0}").status());
    }
  }

  /** Wrong tries counted on the newest submission code sent to {@code phone}. */
  static int submitCodeAttempts(String phone) throws Exception {
    try (java.sql.Connection c = TestPlatform.get().database().connect();
        java.sql.PreparedStatement ps = c.prepareStatement("select attempts from sms_code where phone = ?"
            + " and purpose = 'SUBMIT' order by created_at desc, id desc limit 1")) {
      ps.setString(1, phone);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "a submission code was sent to " + phone);
        return rs.getInt(1);
      }
    }
  }
}
