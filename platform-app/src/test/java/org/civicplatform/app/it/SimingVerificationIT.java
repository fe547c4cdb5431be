package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
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
 * Siming's automatic verification after submission against the simulated household and real-estate
 * registries (fixture families in platform-core's registry/*.json): 通过, 异常 with details, 待审核 for
 * rentals, and a registry outage that leaves the task open until the registry is back.
 */
@ExtendWith(ArquillianExtension.class)
class SimingVerificationIT {

  static final String FATHER = "350203198605120133";
  static final String MOTHER = "35020319880920024X";
  static final String LIANQIAN = "厦门市思明区莲前街道莲龙社区莲前西路100号1201室";

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

  String newChild(String name, String idNumber) throws Exception {
    Api.Answer child = api().post("api/tenants/siming/children", parent(),
        "{\"stage\":\"PRIMARY\",\"name\":\"" + name + "\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\"" + idNumber + "\"}");
    assertEquals(201, child.status(), child.body());
    return "api/tenants/siming/children/" + child.object().getString("id") + "/application";
  }

  static String student(String id, String name, String birth, String gender, String address, String street) {
    return """
        {"student": [{"idNumber": "%s", "name": "%s", "birthDate": "%s", "pinyin": "TEST", "gender": "%s",
                      "householdAddress": "%s", "householdType": "NON_COLLECTIVE", "street": "%s",
                      "community": "莲龙社区", "currentAddress": "%s", "rareCharacter": false}]}"""
        .formatted(id, name, birth, gender, address, street, address);
  }

  /** Guardian one's phone of the last {@link #guardians} (each call takes a new number: one code a minute each). */
  String guardianPhone;

  String guardians(String fatherName, String fatherId, String motherName, String motherId) {
    guardianPhone = SimingFlow.newPhone();
    return """
        {"guardian1": {"relation": "FATHER", "name": "%s", "idNumber": "%s", "phone": "%s"},
         "guardian2": {"relation": "MOTHER", "name": "%s", "idNumber": "%s"}}"""
        .formatted(fatherName, fatherId, guardianPhone, motherName, motherId);
  }

  static String purchase(String certificate, String contract, String ownerName, String ownerId) {
    return """
        {"housing": {"type": "PARENTS_PURCHASE", %s "purchaseDate": "2019-06-18", "ownerName": "%s", "ownerIdNumber": "%s"}}"""
        .formatted(certificate != null ? "\"certificateNumber\": \"" + certificate + "\","
            : "\"contractNumber\": \"" + contract + "\",", ownerName, ownerId);
  }

  void save(String app, String step, String json) throws Exception {
    Api.Answer saved = api().put(app + "/steps/" + step, parent(), json);
    assertEquals(200, saved.status(), step + ": " + saved.body());
  }

  void fillAndSubmit(String app, String students, String guardians, String housing) throws Exception {
    save(app, "household", "{\"status\": {\"status\": \"LOCAL\"}}");
    save(app, "students", students);
    save(app, "guardians", guardians);
    save(app, "housing", housing);
    save(app, "proof", "{\"notes\": {}}");
    save(app, "submit", "{\"pledge\": {\"creditPledge\": true}}");
    SimingFlow.uploadRequiredDocuments(api(), parent(), app.split("/")[4], housing);
    submit(app);
  }

  void submit(String app) throws Exception {
    Api.Answer submitted = SimingFlow.confirmedSubmit(api(), parent(), app, guardianPhone, UUID.randomUUID().toString());
    assertEquals(200, submitted.status(), submitted.body());
  }

  /** Polls the parent's verification view until the automatic stage is decided. */
  JsonObject verified(String app, int submission) throws Exception {
    long until = System.currentTimeMillis() + 60_000;
    JsonObject view = null;
    while (System.currentTimeMillis() < until) {
      Api.Answer answer = api().get(app + "/verification", parent());
      assertEquals(200, answer.status(), answer.body());
      view = answer.object();
      if (view.getInt("submission") == submission && "DONE".equals(view.getString("status"))) {
        return view;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("verification not done in time: " + view);
  }

  static JsonObject item(JsonObject view, String item) {
    return item(view, "items", item);
  }

  static JsonObject item(JsonObject view, String list, String item) {
    return view.getJsonArray(list).getValuesAs(JsonObject.class).stream()
        .filter(i -> i.getString("item").equals(item)).findFirst().orElseThrow(() -> new AssertionError(item + " in " + view));
  }

  JsonObject application(String app) throws Exception {
    return api().get(app, parent()).object();
  }

  static String stageStatus(JsonObject application, String stage) {
    return application.getJsonArray("review").getValuesAs(JsonObject.class).stream()
        .filter(s -> s.getString("stage").equals(stage)).findFirst().map(s -> s.getString("status")).orElse(null);
  }

  @Test
  void aParentsPurchaseIsVerifiedAutomatically() throws Exception {
    String app = newChild("陈思远", "350203201803151234");
    fillAndSubmit(app, student("350203201803151234", "陈思远", "2018-03-15", "M", LIANQIAN, "lianqian"),
        guardians("陈建国", FATHER, "林美华", MOTHER), purchase("xm2019012345-1", null, "陈建国", FATHER));
    JsonObject view = verified(app, 1);
    for (String item : List.of("identity", "guardians", "property")) {
      assertEquals("PASSED", item(view, item).getString("outcome"), view.toString());
      assertEquals("通过", item(view, item).getJsonObject("outcomeLabel").getString("zh"));
    }
    assertTrue(item(view, "property").getJsonObject("detail").getString("zh").contains("XM2019012345"), view.toString());
    JsonObject application = application(app);
    assertEquals("APPROVED", stageStatus(application, "auto-verification"), application.toString());
    assertEquals("REVIEWED", application.getString("status"), "no manual stage for a parents' purchase");
  }

  @Test
  void aWrongGuardianIsAnAnomalyThatTheParentFixesAndResubmits() throws Exception {
    String app = newChild("陈思琪", "350203201803151429");
    String students = student("350203201803151429", "陈思琪", "2018-03-15", "F", LIANQIAN, "lianqian");
    String housing = purchase("XM2019012345", null, "陈建国", FATHER);
    fillAndSubmit(app, students, guardians("王磊", "350203199008080916", "林美华", MOTHER), housing);
    JsonObject view = verified(app, 1);
    JsonObject guardians = item(view, "guardians");
    assertEquals("ANOMALY", guardians.getString("outcome"), view.toString());
    assertEquals("异常", guardians.getJsonObject("outcomeLabel").getString("zh"));
    assertTrue(guardians.getJsonObject("detail").getString("zh").contains("监护人一"), guardians.toString());
    assertTrue(guardians.getJsonObject("detail").getString("en").contains("Guardian one"), guardians.toString());
    assertEquals("guardians.guardian1.idNumber", guardians.getJsonArray("fields").getString(0));
    assertEquals("PASSED", item(view, "identity").getString("outcome"));
    JsonObject application = application(app);
    assertEquals("RETURNED", application.getString("status"), "the parent may modify and resubmit");
    assertEquals("RETURNED", stageStatus(application, "auto-verification"));

    save(app, "guardians", guardians("陈建国", FATHER, "林美华", MOTHER));
    submit(app);
    JsonObject again = verified(app, 2);
    assertEquals("PASSED", item(again, "guardians").getString("outcome"), again.toString());
    assertEquals("REVIEWED", application(app).getString("status"));
  }

  @Test
  void aPublicRentalWaitsInManualReviewWithThePropertyAwaitingReviewUntilAReviewerApprovesIt() throws Exception {
    String address = "厦门市思明区嘉莲街道嘉莲社区嘉禾路公租房8号楼503室";
    String app = newChild("黄志明", "35020320171102051X");
    fillAndSubmit(app, student("35020320171102051X", "黄志明", "2017-11-02", "M", address, "jialian"),
        guardians("黄伟", "350203198501010351", "吴丽", "350203198707070464"),
        "{\"housing\": {\"type\": \"PUBLIC_RENTAL\", \"tenantName\": \"黄伟\", \"rentalAddress\": \"" + address + "\"}}");
    JsonObject view = verified(app, 1);
    assertEquals("PENDING_REVIEW", item(view, "property").getString("outcome"), view.toString());
    assertEquals("待审核", item(view, "property").getJsonObject("outcomeLabel").getString("zh"));
    assertEquals("PASSED", item(view, "identity").getString("outcome"));
    assertEquals("PASSED", item(view, "guardians").getString("outcome"));
    JsonObject application = application(app);
    assertEquals("APPROVED", stageStatus(application, "auto-verification"));
    assertEquals("OPEN", stageStatus(application, "manual-review"), application.toString());

    String reviewer = ApplicationsIT.token("sm-reviewer");
    Api.Answer queue = api().get("api/review/tasks?size=100&stage=manual-review", reviewer);
    assertEquals(200, queue.status(), queue.body());
    JsonObject task = queue.object().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(t -> t.getString("applicationId").equals(application.getString("id"))).findFirst().orElse(null);
    assertNotNull(task, queue.body());
    Api.Answer detail = api().get("api/review/tasks/" + task.getString("id"), reviewer);
    assertEquals(200, detail.status(), detail.body());
    assertEquals("PENDING_REVIEW", item(detail.object(), "verification", "property").getString("outcome"), detail.body());

    // The reviewer checks the rental contract and approves: the registration is reviewed (审核通过).
    assertEquals(200, api().post("api/review/tasks/" + task.getString("id") + "/claim", reviewer, "").status());
    Api.Answer approved = api().post("api/review/tasks/" + task.getString("id") + "/decision", reviewer,
        "{\"decision\": \"APPROVE\"}");
    assertEquals(200, approved.status(), approved.body());
    assertEquals("REVIEWED", application(app).getString("status"));
  }

  @Test
  void aRegistryOutageLeavesTheTaskOpenUntilTheRegistryIsBack() throws Exception {
    Api.Answer down = api().put("api/dev/registries", null, "{\"failureRate\": 1.0}");
    assertEquals(200, down.status(), down.body());
    try {
      String address = "厦门市思明区滨海街道曾厝垵社区环岛南路2999号3号楼702室";
      String app = newChild("郑雨桐", "350203201806010621");
      fillAndSubmit(app, student("350203201806010621", "郑雨桐", "2018-06-01", "F", address, "binhai"),
          guardians("郑强", "350203198402110779", "许敏", "350203198903030881"),
          purchase(null, "ht2023000456", "郑强", "350203198402110779"));
      String id = application(app).getString("id");
      long until = System.currentTimeMillis() + 30_000;
      while (attempts(id) < 2 && System.currentTimeMillis() < until) {
        Thread.sleep(500);
      }
      assertTrue(attempts(id) >= 2, "the sweep kept trying");
      JsonObject pending = api().get(app + "/verification", parent()).object();
      assertEquals("VERIFYING", pending.getString("status"), pending.toString());
      assertEquals(0, pending.getJsonArray("items").size(), "nothing concluded from an outage");
      assertEquals("OPEN", stageStatus(application(app), "auto-verification"));
      assertEquals("SUBMITTED", application(app).getString("status"));

      assertEquals(200, api().put("api/dev/registries", null, "{\"failureRate\": 0.0}").status());
      JsonObject view = verified(app, 1);
      for (String item : List.of("identity", "guardians", "property")) {
        assertEquals("PASSED", item(view, item).getString("outcome"), view.toString());
      }
      assertEquals("APPROVED", stageStatus(application(app), "auto-verification"));
    } finally {
      api().put("api/dev/registries", null, "{\"failureRate\": 0.0}");
    }
  }

  static int attempts(String applicationId) throws Exception {
    try (Connection c = TestPlatform.get().database().connect();
        PreparedStatement ps = c.prepareStatement("select coalesce(sum(a.attempts), 0) from verification_attempt a"
            + " join review_task t on t.id = a.task_id where t.application_id = ?::uuid")) {
      ps.setString(1, applicationId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
