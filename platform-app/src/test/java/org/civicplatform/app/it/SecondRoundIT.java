package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicplatform.app.verify.VerifyBundle;
import org.civicplatform.spi.allocation.SeededLottery;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Second-round choices (二次志愿) end to end on the real platform, in the crafted 陆家镇 of {@link
 * SecondRoundScenario}: a run up to PUBLIC is published, the parent of the child marked 可二次填报 reads the
 * district's schools with seats left and saves an ordered list (bad lists, a stale version, another family
 * and a child not marked are refused), then the full run continues the published one — every published
 * placement unchanged — and places the child at the first listed school, in ranking order.
 *
 * <p>The methods share the scenario and run in order: the list is saved before the continuation places it.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecondRoundIT {

  static final String PARENT = "13800000001";
  static final SecondRoundScenario.District DISTRICT = SecondRoundScenario.LUJIA;
  static final String SHAGE = "ks-lujia-shage";
  static final String WEST = "ks-lujia-west";

  static SecondRoundScenario.Children children;
  static JsonObject publicRun;
  /** A full dry run started before the partial publication (so not checked against it). */
  static String earlierRun;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of("platform.demo-data.enabled", "true"));
  }

  @ArquillianResource URL base;

  Api api() {
    return new Api(base);
  }

  synchronized void scenario() throws Exception {
    if (children == null) {
      children = SecondRoundScenario.build(api(), PARENT, DISTRICT);
      Api.Answer earlier = api().post(SecondRoundScenario.RUNS, SecondRoundScenario.token("ks-admin"), "{\"stage\": \"PRIMARY\"}");
      assertEquals(201, earlier.status(), earlier.body());
      earlierRun = earlier.object().getString("id");
      publicRun = SecondRoundScenario.publishPublicRound(api());
    }
  }

  String path(String child) {
    return "api/tenants/kunshan/children/" + child + "/second-round";
  }

  JsonObject read(String child) throws Exception {
    Api.Answer answer = api().get(path(child), SecondRoundScenario.token(PARENT));
    assertEquals(200, answer.status(), answer.body());
    return answer.object();
  }

  Api.Answer save(String child, String body, long version) throws Exception {
    return api().put(path(child), SecondRoundScenario.token(PARENT), body, "If-Match", "\"" + version + "\"");
  }

  @Test
  @Order(1)
  void aChildMarkedForTheSecondRoundSeesTheDistrictsSchoolsWithSeatsLeftAndTheDeadline() throws Exception {
    scenario();
    JsonObject view = read(children.open());
    assertTrue(view.getBoolean("eligible"), view.toString());
    assertTrue(view.getBoolean("open"), view.toString());
    assertTrue(view.getBoolean("editable"), view.toString());
    assertEquals(10, view.getInt("maxChoices"));
    assertEquals("lj", view.getJsonObject("district").getString("code"));
    assertEquals("陆家镇", view.getJsonObject("district").getJsonObject("name").getString("zh"));
    List<JsonObject> schools = view.getJsonArray("schools").getValuesAs(JsonObject.class);
    assertEquals(List.of(SHAGE, WEST), schools.stream().map(s -> s.getString("code")).toList(),
        "the district's public schools with seats left after the published run, not the full one");
    assertTrue(schools.stream().allMatch(s -> s.getInt("seatsLeft") == 1 && s.getInt("seats") == 1), schools.toString());
    assertEquals("昆山市陆家镇沙葛小学", schools.get(0).getJsonObject("name").getString("zh"));
    assertEquals(java.time.LocalDate.now(SecondRoundScenario.CHINA).plusDays(5).toString(),
        view.getJsonObject("calendar").getString("closes"));
    assertEquals(0, view.getJsonArray("choices").size());
    assertEquals(publicRun.getString("id"), view.getString("runId"));
  }

  @Test
  @Order(2)
  void aChildPlacedInThePublicRoundMayNotFileChoices() throws Exception {
    scenario();
    JsonObject view = read(children.placed());
    assertFalse(view.getBoolean("eligible"), view.toString());
    assertFalse(view.getBoolean("editable"), view.toString());
    assertEquals(0, view.getJsonArray("schools").size());
    assertTrue(view.getJsonObject("reason").getString("zh").contains("可二次填报"), view.toString());
    Api.Answer refused = save(children.placed(), "{\"choices\": [\"" + SHAGE + "\"]}", view.getInt("version"));
    assertEquals(409, refused.status(), refused.body());
    assertEquals("urn:civic:problem:second-round-not-eligible", refused.object().getString("type"));
    assertTrue(refused.object().getString("detail").contains("可二次填报"), refused.body());
    assertTrue(refused.object().getString("detailEn").contains("second-round"), refused.body());
  }

  @Test
  @Order(3)
  void anotherFamilysChildIsNotFound() throws Exception {
    scenario();
    String other = SecondRoundScenario.token("13800000002");
    assertEquals(404, api().get(path(children.open()), other).status());
    assertEquals(404, api().put(path(children.open()), other, "{\"choices\": [\"" + SHAGE + "\"]}").status());
  }

  @Test
  @Order(4)
  void badListsAreRefusedNamingTheEntryInBothLanguagesAndNothingIsStored() throws Exception {
    scenario();
    long version = read(children.open()).getInt("version");
    assertProblem(save(children.open(), "{\"choices\": [\"" + SHAGE + "\", \"" + SHAGE + "\"]}", version),
        "choices[1]", "重复", "repeats");
    assertProblem(save(children.open(), "{\"choices\": [\"" + DISTRICT.full() + "\"]}", version),
        "choices[0]", "尚有空余学位", "seats left");
    assertProblem(save(children.open(), "{\"choices\": [\"" + WEST + "\", 7]}", version),
        "choices[1]", "请选择学校", "choose a school");
    assertProblem(save(children.open(), "{\"choices\": []}", version), "choices", "至少", "at least one");
    assertProblem(save(children.open(), "{\"choices\": " + eleven() + "}", version), "choices", "最多", "At most 10");
    assertProblem(save(children.open(), "{\"schools\": [\"" + SHAGE + "\"]}", version), "choices", "学校代码", "school codes");
    JsonObject after = read(children.open());
    assertEquals(0, after.getJsonArray("choices").size(), "nothing half-written");
    assertEquals(version, after.getInt("version"));
  }

  @Test
  @Order(5)
  void theParentSavesAnOrderedListKeepingTheOtherAnswersAndTheHomeTableShowsItSubmitted() throws Exception {
    scenario();
    JsonObject before = read(children.open());
    Api.Answer saved = save(children.open(), "{\"choices\": [\"" + SHAGE + "\", \"" + WEST + "\"]}", before.getInt("version"));
    assertEquals(200, saved.status(), saved.body());
    assertTrue(saved.object().getInt("version") > before.getInt("version"));
    assertEquals(List.of(SHAGE, WEST), saved.object().getJsonArray("choices").getValuesAs(JsonObject.class).stream()
        .map(c -> c.getString("code")).toList());
    // stored at secondRound.choices, the other answers untouched
    JsonObject answers = answers(children.openApplication());
    assertEquals(List.of(SHAGE, WEST), answers.getJsonObject("secondRound").getJsonArray("choices")
        .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
    assertEquals(DISTRICT.full(), answers.getJsonObject("choices").getJsonObject("choices").getString("public"));
    assertEquals("BACHELOR", answers.getJsonObject("subject").getJsonObject("education").getString("level"));
    // the family home: 二次志愿填报 | 沙葛小学；西校区 | 已提交
    JsonObject batch = api().get("api/tenants/kunshan/children/" + children.open() + "/application/status",
        SecondRoundScenario.token(PARENT)).object().getJsonArray("batches").getValuesAs(JsonObject.class).stream()
        .filter(b -> b.getString("id").equals("SECOND_ROUND")).findFirst().orElseThrow();
    assertEquals("SUBMITTED", batch.getJsonObject("status").getString("code"), batch.toString());
    assertEquals(2, batch.getJsonArray("schools").size());
    assertTrue(auditActions(children.openApplication().toString()).contains("second-round.choices"));
  }

  @Test
  @Order(6)
  void aStaleVersionIsRefusedWith409() throws Exception {
    scenario();
    long version = read(children.open()).getInt("version");
    Api.Answer stale = save(children.open(), "{\"choices\": [\"" + WEST + "\"]}", version - 1);
    assertEquals(409, stale.status(), stale.body());
    assertEquals("urn:civic:problem:stale-version", stale.object().getString("type"));
    assertEquals(version, read(children.open()).getInt("version"));
  }

  @Test
  @Order(7)
  void afterTheDeadlineTheListIsReadOnly() throws Exception {
    scenario();
    SecondRoundScenario.secondRoundPhase(api(), -5, -1);
    try {
      JsonObject view = read(children.open());
      assertTrue(view.getBoolean("eligible"));
      assertFalse(view.getBoolean("open"));
      assertFalse(view.getBoolean("editable"));
      assertTrue(view.getJsonObject("reason").getString("zh").contains("截止"), view.toString());
      assertEquals(2, view.getJsonArray("choices").size(), "the saved list is still shown");
      Api.Answer refused = save(children.open(), "{\"choices\": [\"" + WEST + "\"]}", view.getInt("version"));
      assertEquals(409, refused.status(), refused.body());
      assertEquals("urn:civic:problem:second-round-closed", refused.object().getString("type"));
      assertTrue(refused.object().getString("detailEn").contains("closed"), refused.body());
    } finally {
      SecondRoundScenario.secondRoundPhase(api(), -1, 5);
    }
  }

  @Test
  @Order(8)
  void aContinuationWithAnotherSeedIsRefused() throws Exception {
    scenario();
    Api.Answer refused = api().post(SecondRoundScenario.RUNS, SecondRoundScenario.token("ks-admin"),
        "{\"stage\": \"PRIMARY\", \"seed\": \"" + SeededLottery.newSeed() + "\"}");
    assertEquals(409, refused.status(), refused.body());
    assertEquals("urn:civic:problem:allocation-continuation-seed", refused.object().getString("type"));
  }

  @Test
  @Order(9)
  void aDryRunStartedBeforeThePartialPublicationCannotBePublished() throws Exception {
    scenario();
    Api.Answer refused = api().postEmpty(SecondRoundScenario.RUNS + "/" + earlierRun + "/publish",
        SecondRoundScenario.token("ks-admin"));
    assertEquals(409, refused.status(), refused.body());
    assertEquals("urn:civic:problem:allocation-not-continuation", refused.object().getString("type"));
    assertTrue(refused.object().getString("detailEn").contains("must not change"), refused.body());
  }

  @Test
  @Order(10)
  void aContinuationThatWouldChangeAPublishedPlacementIsRefusedAndNotStored() throws Exception {
    scenario();
    int runs = runCount();
    setSeats(DISTRICT.full(), 3); // one more seat: rank 3 would now be placed in the public round
    try {
      Api.Answer refused = api().post(SecondRoundScenario.RUNS, SecondRoundScenario.token("ks-admin"), "{\"stage\": \"PRIMARY\"}");
      assertEquals(409, refused.status(), refused.body());
      assertEquals("urn:civic:problem:allocation-published-phases-changed", refused.object().getString("type"));
      assertTrue(refused.object().getString("detail").contains("不能改变"), refused.body());
      assertEquals(runs, runCount(), "the refused run is not stored");
    } finally {
      setSeats(DISTRICT.full(), 2);
    }
  }

  @Test
  @Order(11)
  void theFullRunKeepsEveryPublishedPlacementAndPlacesTheListInRankingOrder() throws Exception {
    scenario();
    String admin = SecondRoundScenario.token("ks-admin");
    Api.Answer started = api().post(SecondRoundScenario.RUNS, admin, "{\"stage\": \"PRIMARY\"}");
    assertEquals(201, started.status(), started.body());
    JsonObject run = started.object();
    assertEquals("CONTINUED", run.getString("seedSource"));
    assertEquals(publicRun.getString("seedCommitment"), run.getString("seedCommitment"), "the published seed is reused");
    JsonObject continuation = run.getJsonObject("continuation");
    assertEquals(publicRun.getString("id"), continuation.getString("continues"));
    assertTrue(continuation.getJsonObject("text").getString("zh").contains("逐人一致"), continuation.toString());
    Api.Answer published = api().postEmpty(SecondRoundScenario.RUNS + "/" + run.getString("id") + "/publish", admin);
    assertEquals(200, published.status(), published.body());

    // no outcome of the published phases changed, for any applicant of either run
    List<String> earlier = publicRun.getJsonArray("phases").getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString).toList();
    Map<UUID, String> before = SecondRoundScenario.results(UUID.fromString(publicRun.getString("id")));
    Map<UUID, String> after = SecondRoundScenario.results(UUID.fromString(run.getString("id")));
    assertEquals(before.keySet(), after.keySet());
    for (UUID application : before.keySet()) {
      assertEquals(outcomes(before.get(application), earlier), outcomes(after.get(application), earlier), application.toString());
    }

    // rank 3 (the parent's) gets the first listed school; rank 4, listing the same schools, the next one
    Api.Answer admission = api().get("api/tenants/kunshan/children/" + children.open() + "/admission",
        SecondRoundScenario.token(PARENT));
    assertEquals(200, admission.status(), admission.body());
    assertEquals("PLACED", admission.object().getString("outcome"));
    assertEquals("SECOND_ROUND", admission.object().getString("phase"));
    assertEquals(SHAGE, admission.object().getString("school"));
    assertEquals("KUNSHAN_SECOND_ROUND_FIRST_LISTED_WITH_SEAT", admission.object().getJsonObject("explanation").getString("rule"));
    JsonObject rankFour = last(after.get(children.rankFour()));
    assertEquals("SECOND_ROUND", rankFour.getString("phase"));
    assertEquals(WEST, rankFour.getString("school"), rankFour.toString());

    // the page is now read-only and shows the result
    JsonObject view = read(children.open());
    assertFalse(view.getBoolean("editable"));
    assertEquals("PLACED", view.getJsonObject("result").getString("outcome"));
    assertEquals(SHAGE, view.getJsonObject("result").getJsonObject("school").getString("code"));
    Api.Answer refused = save(children.open(), "{\"choices\": [\"" + WEST + "\"]}", view.getInt("version"));
    assertEquals(409, refused.status(), refused.body());

    Api.Answer bundle = api().get(SecondRoundScenario.RUNS + "/" + run.getString("id") + "/bundle", admin);
    VerifyBundle.Report report = VerifyBundle.verify(bundle.body());
    assertTrue(report.identical(), report.message());
  }

  static void assertProblem(Api.Answer answer, String field, String zh, String en) {
    assertEquals(400, answer.status(), answer.body());
    JsonObject error = answer.object().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .filter(e -> e.getString("field").equals(field)).findFirst().orElseThrow(() -> new AssertionError(answer.body()));
    assertTrue(error.getString("message").contains(zh), error.toString());
    assertTrue(error.getString("messageEn").contains(en), error.toString());
  }

  static String eleven() {
    StringBuilder list = new StringBuilder("[");
    for (int i = 0; i < 11; i++) {
      list.append(i == 0 ? "" : ", ").append("\"ks-school-").append(i).append('"');
    }
    return list.append(']').toString();
  }

  static List<JsonObject> outcomes(String resultJson, List<String> phases) {
    return object(resultJson).getJsonArray("outcomes").getValuesAs(JsonObject.class).stream()
        .filter(o -> phases.contains(o.getString("phase"))).toList();
  }

  static JsonObject last(String resultJson) {
    List<JsonObject> all = object(resultJson).getJsonArray("outcomes").getValuesAs(JsonObject.class);
    return all.get(all.size() - 1);
  }

  static JsonObject object(String json) {
    try (var reader = jakarta.json.Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  static JsonObject answers(UUID application) throws Exception {
    try (Connection c = TestPlatform.get().database().connect();
        PreparedStatement ps = c.prepareStatement("select answers::text from application where id = ?")) {
      ps.setObject(1, application);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return object(rs.getString(1));
      }
    }
  }

  static int runCount() throws Exception {
    try (Connection c = TestPlatform.get().database().connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from allocation_run where tenant_id = 'kunshan'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static void setSeats(String school, int seats) throws Exception {
    try (Connection c = TestPlatform.get().database().connect();
        PreparedStatement ps = c.prepareStatement("update school set seats = jsonb_build_object('PRIMARY', ?)"
            + " where tenant_id = 'kunshan' and code = ?")) {
      ps.setInt(1, seats);
      ps.setString(2, school);
      ps.executeUpdate();
    }
  }

  static List<String> auditActions(String target) throws Exception {
    List<String> actions = new java.util.ArrayList<>();
    try (Connection c = TestPlatform.get().database().connect();
        PreparedStatement ps = c.prepareStatement("select action from audit_event where target_id = ?")) {
      ps.setString(1, target);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          actions.add(rs.getString(1));
        }
      }
    }
    return actions;
  }
}
