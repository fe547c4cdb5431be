package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Window review, the parallel departments and 审核完成; rejection, return, withdraw; one decision wins. */
@ExtendWith(ArquillianExtension.class)
class ReviewIT {

  static final List<String> DEPARTMENTS = List.of("dept-public-security", "dept-human-resources",
      "dept-medical-insurance", "dept-real-estate", "dept-education");

  @Deployment(testable = false)
  static WebArchive deployment() {
    // the registries' control endpoint lets a test take them down (the look-ups then stay open); the outbox
    // endpoint lets a test register a family of its own (KunshanFamily reads its sign-up code there)
    return TestPlatform.get().war(Map.of("platform.registries.simulated.control-endpoint.enabled", "true",
        "platform.notifications.outbox-endpoint.enabled", "true"));
  }

  @ArquillianResource URL base;

  Api api() {
    return new Api(base);
  }

  static String token(String user) throws Exception {
    return ApplicationsIT.token(user);
  }

  /** A submitted Kunshan application of 13800000002 living in 花桥 (district hq); returns its path. */
  String submittedApplication() throws Exception {
    return submit(filledApplication());
  }

  /** A filled, not yet submitted Kunshan application of 13800000002 living in 花桥; returns its path. */
  String filledApplication() throws Exception {
    String parent = token("13800000002");
    ApplicationsIT helper = new ApplicationsIT();
    helper.base = base;
    String app = helper.newChild(parent);
    helper.fillAllSteps(parent, app);
    return app;
  }

  /** Submits 13800000002's application at {@code app}; returns the path. */
  String submit(String app) throws Exception {
    Api.Answer submitted = api().postEmpty(app + "/submit", token("13800000002"), "Idempotency-Key",
        UUID.randomUUID().toString());
    assertEquals(200, submitted.status(), submitted.body());
    return app;
  }

  String applicationId(String app) throws Exception {
    return api().get(app, token("13800000002")).object().getString("id");
  }

  /** The open task of a stage for an application, as seen by {@code reviewer}; null if not in their queue. */
  JsonObject task(String reviewer, String applicationId, String stage) throws Exception {
    Api.Answer queue = api().get("api/review/tasks?size=100&stage=" + stage, token(reviewer));
    assertEquals(200, queue.status(), queue.body());
    return queue.object().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(t -> t.getString("applicationId").equals(applicationId)).findFirst().orElse(null);
  }

  Api.Answer decide(String reviewer, JsonObject task, String body) throws Exception {
    return api().post("api/review/tasks/" + task.getString("id") + "/decision", token(reviewer), body);
  }

  static final String APPROVE = "{\"decision\": \"APPROVE\"}";

  /** The application's status once it is {@code expected}, or whatever it is after 60 s of asking. */
  String statusOnceSettled(String app, String expected) throws Exception {
    long until = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    String status = api().get(app, token("13800000002")).object().getString("status");
    while (!status.equals(expected) && System.nanoTime() < until) {
      Thread.sleep(500);
      status = api().get(app, token("13800000002")).object().getString("status");
    }
    return status;
  }

  /** The SMS of a purpose sent to a number, newest first (from the outbox table of the default gateway). */
  static List<String> sms(String mobile, String purpose) throws Exception {
    try (Connection c = TestPlatform.get().database().connect();
        java.sql.PreparedStatement ps = c.prepareStatement(
            "select body from sms_outbox where recipient = ? and purpose = ? order by id desc")) {
      ps.setString(1, mobile);
      ps.setString(2, purpose);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        List<String> bodies = new java.util.ArrayList<>();
        while (rs.next()) {
          bodies.add(rs.getString(1));
        }
        return bodies;
      }
    }
  }

  /** The newest SMS of a purpose sent to a number, or "". */
  static String latestSms(String mobile, String purpose) throws Exception {
    List<String> bodies = sms(mobile, purpose);
    return bodies.isEmpty() ? "" : bodies.get(0);
  }


  @Test
  void aKunshanApplicationGoesThroughTheWindowAndTheParallelDepartmentsToReviewComplete() throws Exception {
    String app = submittedApplication();
    String id = applicationId(app);
    assertEquals(null, task("ks-window-multi", id, "window"), "玉山/陆家 reviewers do not see a 花桥 application");
    JsonObject window = task("ks-window-huaqiao", id, "window");
    assertTrue(window != null, "the 花桥 window sees it");
    assertEquals(null, task("ks-dept-housing", id, "dept-real-estate"), "departments wait for the window");

    assertEquals(200, api().post("api/review/tasks/" + window.getString("id") + "/claim", token("ks-window-huaqiao"), "").status());
    assertEquals(200, decide("ks-window-huaqiao", window, APPROVE).status());

    JsonObject housing = task("ks-dept-housing", id, "dept-real-estate");
    assertTrue(housing != null, "the housing department sees its task once the window approved");
    assertEquals(null, task("ks-dept-housing", id, "dept-education"), "a department sees only its own items");
    assertEquals(200, decide("ks-dept-housing", housing, APPROVE).status());
    for (String department : DEPARTMENTS) {
      if (!department.equals("dept-real-estate")) {
        assertEquals(200, decide("ks-admin", task("ks-admin", id, department), APPROVE).status(), department);
      }
    }
    assertEquals("IN_REVIEW", api().get(app, token("13800000002")).object().getString("status"));
    JsonObject pointsOffice = task("ks-admin", id, "points-office");
    assertTrue(pointsOffice != null, "the points office opens after every department");
    assertEquals(200, decide("ks-admin", pointsOffice, APPROVE).status());
    // 审核完成 also needs the automatic 社保/房产 look-ups, which the sweep (every 2 s) may not have run yet
    // on a busy machine: the last of them, or this decision, completes the review
    assertEquals("REVIEWED", statusOnceSettled(app, "REVIEWED"));
    assertTrue(latestSms("13800000002", "application.reviewed").contains("已审核完成"));
  }

  /** A submitted application of {@code parent} whose property is a 房屋所有权证 with this number. */
  String submittedWithProperty(String parent, String number) throws Exception {
    String token = token(parent);
    ApplicationsIT helper = new ApplicationsIT();
    helper.base = base;
    String app = helper.newChild(token);
    assertEquals(200, api().put(app + "/steps/family", token, ApplicationsIT.family("13800000002")).status());
    for (String step : new String[] {"subject", "housing", "honours", "choices", "preview"}) {
      String body = step.equals("housing") ? KunshanFamily.houseOwnership(number, ApplicationsIT.GUARDIAN_ID)
          : ApplicationsIT.OTHER_STEPS.get(step);
      Api.Answer saved = api().put(app + "/steps/" + step, token, body);
      assertEquals(200, saved.status(), step + ": " + saved.body());
    }
    assertEquals(200, api().postEmpty(app + "/submit", token, "Idempotency-Key", UUID.randomUUID().toString()).status());
    return app;
  }

  @Test
  void aReviewThatTheAutomaticLookUpsCompleteIsAnnouncedToTheParent() throws Exception {
    String parent = token("13800000002");
    String app = filledApplication();
    int announced = sms("13800000002", "application.reviewed").size();
    // the registries cannot answer: the automatic 社保/房产 look-ups stay open while the reviewers decide
    assertEquals(200, api().put("api/dev/registries", null, "{\"failureRate\": 1.0}").status());
    try {
      submit(app);
      String id = applicationId(app);
      JsonObject window = task("ks-window-huaqiao", id, "window");
      assertEquals(200, api().post("api/review/tasks/" + window.getString("id") + "/claim", token("ks-window-huaqiao"),
          "").status());
      assertEquals(200, decide("ks-window-huaqiao", window, APPROVE).status());
      for (String department : DEPARTMENTS) {
        assertEquals(200, decide("ks-admin", task("ks-admin", id, department), APPROVE).status(), department);
      }
      assertEquals(200, decide("ks-admin", task("ks-admin", id, "points-office"), APPROVE).status());
      assertEquals("IN_REVIEW", api().get(app, parent).object().getString("status"), "the look-ups are still open");
      assertEquals(announced, sms("13800000002", "application.reviewed").size(), "nothing announced yet");
    } finally {
      assertEquals(200, api().put("api/dev/registries", null, "{\"failureRate\": 0.0}").status());
    }
    // the registries answer again: the sweep's look-ups are the review's last step
    assertEquals("REVIEWED", statusOnceSettled(app, "REVIEWED"));
    assertEquals(announced + 1, sms("13800000002", "application.reviewed").size(), "审核完成 is announced once");
  }


  @Test
  void aPropertyCertificateNumberAnotherFamilyAlsoGaveIsFlaggedForTheReviewer() throws Exception {
    String number = "FC" + (System.nanoTime() % 100_000_000L);
    String first = submittedWithProperty("13800000002", number);
    JsonObject alone = api().get("api/review/tasks/" + task("ks-window-huaqiao", applicationId(first), "window").getString("id"),
        token("ks-window-huaqiao")).object();
    assertEquals(0, alone.getJsonArray("sharedWithOtherFamilies").size(), "one family, no warning");

    String second = submittedWithProperty("13800000001", number.substring(0, 4) + " " + number.substring(4));
    String secondId = api().get(second, token("13800000001")).object().getString("id");
    JsonObject flagged = api().get("api/review/tasks/" + task("ks-window-huaqiao", secondId, "window").getString("id"),
        token("ks-window-huaqiao")).object();
    JsonObject shared = flagged.getJsonArray("sharedWithOtherFamilies").getJsonObject(0);
    assertEquals("housing.property.certificateNumber", shared.getString("field"));
    assertEquals(1, shared.getInt("otherFamilies"), "spaces ignored: the first family's number is the same");
  }

  @Test
  void aRejectionReachesTheParentWithTheApplicationClosed() throws Exception {
    String app = submittedApplication();
    JsonObject window = task("ks-window-huaqiao", applicationId(app), "window");
    Api.Answer noReason = decide("ks-window-huaqiao", window, "{\"decision\": \"REJECT\"}");
    assertEquals(400, noReason.status());
    Api.Answer unknown = decide("ks-window-huaqiao", window,
        "{\"decision\": \"REJECT\", \"reasonCode\": \"not-eligible\", \"reasonText\": \"居住证未满一年\"}");
    assertEquals(400, unknown.status(), "a reason outside the tenant's list is refused");
    assertEquals("reasonCode", unknown.object().getJsonArray("errors").getJsonObject(0).getString("field"));
    Api.Answer otherWithoutWords = decide("ks-window-huaqiao", window, "{\"decision\": \"REJECT\", \"reasonCode\": \"OTHER\"}");
    assertEquals(400, otherWithoutWords.status(), "其他 needs the reviewer's words");
    assertEquals("reasonText", otherWithoutWords.object().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(200, decide("ks-window-huaqiao", window,
        "{\"decision\": \"REJECT\", \"reasonCode\": \"NOT_ELIGIBLE\", \"reasonText\": \"居住证未满一年\"}").status());
    JsonObject seen = api().get(app, token("13800000002")).object();
    assertEquals("REJECTED", seen.getString("status"));
    JsonObject windowStage = seen.getJsonArray("review").getJsonObject(0);
    assertEquals("window", windowStage.getString("stage"));
    assertEquals("居住证未满一年", windowStage.getString("reasonText"), "the parent sees the reviewer's words");
    assertEquals("不符合新市民积分入学条件：居住证未满一年", windowStage.getJsonObject("reason").getString("zh"),
        "and the reason from the tenant's list");
    String notice = latestSms("13800000002", "application.rejected");
    assertTrue(notice.startsWith("【昆山市新市民积分入学】王小明的报名") && notice.contains("窗口初审未通过：不符合新市民积分入学条件：居住证未满一年"), notice);
  }

  @Test
  void aReturnReopensEditingAndTheResubmissionShowsTheReviewerWhatChanged() throws Exception {
    String parent = token("13800000002");
    String app = submittedApplication();
    String id = applicationId(app);
    JsonObject window = task("ks-window-huaqiao", id, "window");
    assertEquals(400, decide("ks-window-huaqiao", window, "{\"decision\": \"RETURN\"}").status(), "a return names fields");
    assertEquals(200, decide("ks-window-huaqiao", window,
        "{\"decision\": \"RETURN\", \"reasonText\": \"请补充先进典型证明\", \"fields\": [\"honours.honour.hasHonour\"]}").status());
    JsonObject returned = api().get(app, parent).object();
    assertEquals("RETURNED", returned.getString("status"));
    assertTrue(latestSms("13800000002", "application.returned").contains("退回修改：请补充先进典型证明"));
    assertEquals("honours.honour.hasHonour",
        returned.getJsonArray("review").getJsonObject(0).getJsonArray("returnFields").getString(0), "the parent sees what to fix");
    assertEquals(200, api().put(app + "/steps/honours", parent, "{\"honour\": {\"hasHonour\": true, \"relation\": \"FATHER\","
        + " \"kind\": \"BRAVERY\", \"level\": \"COUNTY\", \"awardedOn\": \"2021-05-01\"}}").status());
    Api.Answer withoutProof = api().postEmpty(app + "/submit", parent, "Idempotency-Key", UUID.randomUUID().toString());
    assertEquals(400, withoutProof.status(), "an honour needs its proof (seed 000 §3.6): " + withoutProof.body());
    assertEquals("honours.honourProof", withoutProof.object().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(201, api().upload("api/tenants/kunshan/children/" + app.split("/")[4] + "/documents/honourProof", parent,
        "见义勇为证书.pdf", DocumentsIT.pdf("Act of bravery 2021")).status());
    assertEquals(200, api().postEmpty(app + "/submit", parent, "Idempotency-Key", UUID.randomUUID().toString()).status());
    JsonObject second = task("ks-window-huaqiao", id, "window");
    assertEquals(2, second.getInt("submission"));
    JsonObject detail = api().get("api/review/tasks/" + second.getString("id"), token("ks-window-huaqiao")).object();
    assertEquals(List.of("honours"), detail.getJsonArray("changedSteps").getValuesAs(jakarta.json.JsonString.class)
        .stream().map(jakarta.json.JsonString::getString).toList());
  }

  @Test
  void aReturnedApplicationChangesOnlyWhatTheReviewerReturned() throws Exception {
    String parent = token("13800000002");
    String app = submittedApplication();
    JsonObject window = task("ks-window-huaqiao", applicationId(app), "window");
    assertEquals(200, decide("ks-window-huaqiao", window,
        "{\"decision\": \"RETURN\", \"reasonText\": \"请补充先进典型证明\", \"fields\": [\"honours.honour.hasHonour\"]}").status());
    JsonObject subject = api().get(app, parent).object().getJsonObject("answers").getJsonObject("subject");
    String changed = jakarta.json.Json.createObjectBuilder(subject).add("title", jakarta.json.Json.createObjectBuilder()
        .add("level", "JUNIOR").add("certificateNumber", "KSZC2020001").add("issuer", "昆山市人力资源和社会保障局")).build().toString();
    Api.Answer refused = api().put(app + "/steps/subject", parent, changed);
    assertEquals(409, refused.status(), "the title was not returned: " + refused.body());
    assertEquals("urn:civic:problem:returned-fields-only", refused.object().getString("type"));
    assertTrue(refused.object().getString("detail").contains("先进典型"), "names what may change: " + refused.body());
    assertEquals(subject, api().get(app, parent).object().getJsonObject("answers").getJsonObject("subject"), "nothing stored");
    assertEquals(200, api().put(app + "/steps/subject", parent, subject.toString()).status(), "unchanged is fine");
  }

  @Test
  void aReturnedApplicationKeepsTheSchoolChoicesItWasSubmittedWith() throws Exception {
    String parent = token("13800000002");
    String app = submittedApplication();
    JsonObject window = task("ks-window-huaqiao", applicationId(app), "window");
    assertEquals(200, decide("ks-window-huaqiao", window,
        "{\"decision\": \"RETURN\", \"reasonText\": \"请补充先进典型证明\", \"fields\": [\"honours.honour.hasHonour\"]}").status());
    JsonObject choices = api().get(app, parent).object().getJsonObject("answers").getJsonObject("choices");
    JsonObject changed = jakarta.json.Json.createObjectBuilder(choices).add("choices",
        jakarta.json.Json.createObjectBuilder(choices.getJsonObject("choices")).add("public", "ks-lujia-west")).build();
    Api.Answer refused = api().put(app + "/steps/choices", parent, changed.toString());
    assertEquals(409, refused.status(), refused.body());
    assertEquals("urn:civic:problem:kept-when-returned", refused.object().getString("type"));
    assertTrue(refused.object().getString("detail").contains("不能修改"), refused.body());
    assertEquals(choices, api().get(app, parent).object().getJsonObject("answers").getJsonObject("choices"));
    assertEquals(200, api().put(app + "/steps/choices", parent, choices.toString()).status(), "saving them unchanged is fine");
  }

  @Test
  void theWindowFindsAnApplicationByTheRegisteredPhoneOrTheGuardiansIdNumber() throws Exception {
    String app = submittedApplication();
    String taskId = task("ks-window-huaqiao", applicationId(app), "window").getString("id");
    String window = token("ks-window-huaqiao");
    for (String q : List.of(ApplicationsIT.GUARDIAN_ID, "13800000002")) {
      Api.Answer answer = api().get("api/review/tasks?size=100&q=" + q, window);
      assertEquals(200, answer.status(), answer.body());
      JsonArray found = answer.object().getJsonArray("items");
      assertTrue(found.getValuesAs(JsonObject.class).stream().anyMatch(t -> t.getString("id").equals(taskId)), q);
    }
    JsonArray none = api().get("api/review/tasks?size=100&q=" + TestPlatform.mainlandId("19700101"), window).object()
        .getJsonArray("items");
    assertTrue(none.getValuesAs(JsonObject.class).stream().noneMatch(t -> t.getString("id").equals(taskId)));
  }

  /** A name no other test uses: 郑 and eight characters from a random UUID. */
  static String uniqueName(String first) {
    String digits = "零一二三四五六七八九甲乙丙丁戊己";
    StringBuilder name = new StringBuilder(first);
    UUID.randomUUID().toString().replace("-", "").chars().limit(8).forEach(c -> name.append(digits.charAt(Character.digit(c, 16))));
    return name.toString();
  }

  @Test
  void theWindowFindsAnApplicationByTheChildsFullIdNumberOrNameAndByTheGuardiansName() throws Exception {
    KunshanFamily family = KunshanFamily.register(base);
    String childName = uniqueName("钱");
    String guardianName = uniqueName("郑");
    String app = family.child(childName);
    family.fill(app, guardianName, KunshanFamily.ZHENG_JUN, KunshanFamily.NO_PROPERTY);
    String id = family.submit(app).getString("id");
    String taskId = task("ks-window-huaqiao", id, "window").getString("id");
    String childId = api().get(app, family.token).object().getJsonObject("answers").getJsonObject("family")
        .getJsonObject("student").getString("idNumber");
    String window = token("ks-window-huaqiao");
    for (String q : List.of(childId, childId.toLowerCase(), childName, guardianName)) {
      Api.Answer answer = api().get("api/review/tasks?size=100&q=" + java.net.URLEncoder.encode(q,
          java.nio.charset.StandardCharsets.UTF_8), window);
      assertEquals(200, answer.status(), answer.body());
      List<String> found = answer.object().getJsonArray("items").getValuesAs(JsonObject.class).stream()
          .map(t -> t.getString("id")).toList();
      assertEquals(List.of(taskId), found, q + ": exactly this family's window task");
    }
    // another district's window does not find it by any of them
    assertEquals(0, api().get("api/review/tasks?size=100&q=" + childId, token("ks-window-multi")).object()
        .getJsonArray("items").size());
  }

  @Test
  void withdrawIsRefusedOnceAReviewRecordExists() throws Exception {
    String app = submittedApplication();
    JsonObject window = task("ks-window-huaqiao", applicationId(app), "window");
    assertEquals(200, api().post("api/review/tasks/" + window.getString("id") + "/claim", token("ks-window-huaqiao"), "").status());
    Api.Answer withdraw = api().postEmpty(app + "/withdraw", token("13800000002"));
    assertEquals(409, withdraw.status(), withdraw.body());
    assertTrue(withdraw.object().getString("detail").contains("不能自行撤回"));
  }

  @Test
  void twentyConcurrentDecisionsOnOneTaskGiveOneSuccessAndNineteenConflicts() throws Exception {
    String app = submittedApplication();
    JsonObject window = task("ks-window-huaqiao", applicationId(app), "window");
    String reviewer = token("ks-window-huaqiao");
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(() -> api().post("api/review/tasks/" + window.getString("id") + "/decision", reviewer, APPROVE).status());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(calls)) {
        statuses.add(f.get());
      }
      assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
      assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDistrictTakenAwayEndsTheReviewersAccessAtOnceNotWhenTheirTokenExpires() throws Exception {
    String app = submittedApplication(); // 花桥 (hq)
    String taskId = task("ks-window-huaqiao", applicationId(app), "window").getString("id");
    String reviewer = token("ks-window-huaqiao"); // one access token, valid for minutes, used throughout
    String admin = token("ks-admin");
    String userId = IdentityIT.claims(reviewer).getString("sub");
    String staff = "api/tenants/kunshan/staff/" + userId + "/scopes/district/";
    assertEquals(200, api().get("api/review/tasks/" + taskId, reviewer).status());
    try {
      assertEquals(204, api().put(staff + "lj", admin, "").status(), "陆家镇 given");
      assertEquals(204, api().delete(staff + "hq", admin).status(), "花桥 taken away");
      assertEquals(404, api().get("api/review/tasks/" + taskId, reviewer).status(), "the same token, the district gone");
      JsonArray queue = api().get("api/review/tasks?size=100", reviewer).object().getJsonArray("items");
      assertTrue(queue.getValuesAs(JsonObject.class).stream().noneMatch(t -> t.getString("id").equals(taskId)),
          "no 花桥 task in the queue any more");
      assertEquals(4, api().postEmpty("api/review/tasks/" + taskId + "/claim", reviewer).status() / 100, "no claim either");
    } finally {
      assertEquals(204, api().put(staff + "hq", admin, "").status());
      assertEquals(204, api().delete(staff + "lj", admin).status());
    }
    assertEquals(200, api().get("api/review/tasks/" + taskId, reviewer).status(), "given back: at once again");
  }

  @Test
  void thePlatformAdministratorOperatesThePlatformButCannotReadClaimOrAllocateATenantsCases() throws Exception {
    String app = submittedApplication();
    JsonObject window = task("ks-window-huaqiao", applicationId(app), "window");
    String admin = token("platform-admin");
    assertEquals(403, api().get("api/review/tasks?size=10", admin).status(), "no review queue");
    assertEquals(403, api().get("api/review/tasks/" + window.getString("id"), admin).status(), "no case file");
    assertEquals(403, api().postEmpty("api/review/tasks/" + window.getString("id") + "/claim", admin).status(), "no claim");
    assertEquals(403, api().postEmpty("api/review/tasks/" + window.getString("id") + "/reveals", admin).status(), "no reveal");
    assertEquals(403, api().post("api/tenants/kunshan/allocation/runs", admin, "{\"stage\": \"PRIMARY\"}").status(),
        "no allocation run");
    assertEquals(403, api().get("api/tenants/kunshan/allocation/runs", admin).status(), "no allocation results");
    // what it does operate: the audit chain and every tenant's staff accounts
    assertEquals(200, api().get("api/audit/verify", admin).status());
    assertEquals(200, api().get("api/tenants/kunshan/staff", admin).status());
    // the tenant's own administrator still does all of it
    assertEquals(200, api().get("api/review/tasks/" + window.getString("id"), token("ks-admin")).status());
  }

  @Test
  void theAuditVerifierReportsATamperedRow() throws Exception {
    submittedApplication();
    String admin = token("platform-admin");
    JsonObject before = api().get("api/audit/verify", admin).object();
    assertTrue(before.getBoolean("intact"), before.toString());
    try (Connection c = TestPlatform.get().database().connect(); Statement s = c.createStatement()) {
      s.executeUpdate("update audit_event set action = action || '-tampered' where id = (select max(id) from audit_event where action = 'application.submit')");
      try {
        JsonObject after = api().get("api/audit/verify", admin).object();
        assertFalse(after.getBoolean("intact"), after.toString());
        assertTrue(after.containsKey("firstBrokenId"));
      } finally {
        s.executeUpdate("update audit_event set action = replace(action, '-tampered', '') where action like '%-tampered'");
      }
    }
    assertTrue(api().get("api/audit/verify", admin).object().getBoolean("intact"));
  }
}
