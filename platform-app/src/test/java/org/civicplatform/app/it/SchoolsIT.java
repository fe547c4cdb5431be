package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
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
 * Schools and zones as the tenant admin's data, the public-school recommendation from the property
 * address, the names route and the per-batch statuses with the seed's labels.
 */
@ExtendWith(ArquillianExtension.class)
class SchoolsIT {

  static final String PARENT = "13800000002";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of("platform.demo-data.enabled", "true"));
  }

  @ArquillianResource URL base;

  Api api() {
    return new Api(base);
  }

  static String token(String user) throws Exception {
    return ApplicationsIT.token(user);
  }

  ApplicationsIT applications() {
    ApplicationsIT helper = new ApplicationsIT();
    helper.base = base;
    return helper;
  }

  /** A child of {@link #PARENT} with every step saved; the property at {@code address}. */
  String filledApplication(String address, String publicSchool, String private1) throws Exception {
    String parent = token(PARENT);
    String app = applications().newChild(parent);
    applications().fillAllSteps(parent, app);
    String housing = """
        {"property": {"hasProperty": true, "certificateType": "REAL_ESTATE", "certificateYear": 2020,
          "certificateNumber": "1234567", "owner": "guardian1", "ownerIdNumber": "%s", "soleOwner": true,
          "address": "%s"}}""".formatted(TestPlatform.mainlandId("19850615"), address);
    Api.Answer saved = api().put(app + "/steps/housing", parent, housing);
    assertEquals(200, saved.status(), saved.body());
    String choices = "{\"choices\": {\"public\": \"" + publicSchool + "\""
        + (private1 == null ? "" : ", \"private1\": \"" + private1 + "\"") + "}}";
    saved = api().put(app + "/steps/choices", parent, choices);
    assertEquals(200, saved.status(), saved.body());
    return app;
  }

  @Test
  void seatsRunsAndChildrenAreOnlyForTheTenantsOwnStagesAndSimingAdmitsToPrimaryOnly() throws Exception {
    String admin = token("ks-admin");
    JsonObject school = api().get("api/tenants/kunshan/admin/schools/ks-lujia-west", admin).object();
    Api.Answer kinder = api().put("api/tenants/kunshan/admin/schools/ks-lujia-west", admin,
        "{\"seats\": {\"KINDERGARTEN\": 50}}", "If-Match", "\"" + school.getJsonNumber("version").longValue() + "\"");
    assertEquals(400, kinder.status(), kinder.body());
    assertEquals("seats.KINDERGARTEN", kinder.object().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(school.getJsonObject("seats"), api().get("api/tenants/kunshan/admin/schools/ks-lujia-west", admin).object()
        .getJsonObject("seats"), "the primary seats are still there");

    Api.Answer run = api().post("api/tenants/kunshan/allocation/runs", admin, "{\"stage\": \"KINDER\"}");
    assertEquals(400, run.status(), run.body());
    assertEquals("stage", run.object().getJsonArray("errors").getJsonObject(0).getString("field"));

    JsonObject siming = api().get("api/tenants/siming", null).object();
    assertEquals(List.of("PRIMARY"), siming.getJsonArray("stages").getValuesAs(JsonObject.class).stream()
        .map(o -> o.getString("code")).toList());
    Api.Answer junior = api().post("api/tenants/siming/children", token("siming-parent"),
        "{\"stage\":\"JUNIOR\",\"name\":\"陈初中\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\""
            + TestPlatform.mainlandId("20120301") + "\"}");
    assertEquals(400, junior.status(), junior.body());
    JsonObject error = junior.object().getJsonArray("errors").getJsonObject(0);
    assertEquals("stage", error.getString("field"));
    assertTrue(error.getString("message").contains("小学") && !error.getString("message").contains("初中"), junior.body());
  }

  @Test
  void anAdminsNewZonePatternIsRecommendedFromAnAddressWrittenAnyWay() throws Exception {
    String admin = token("ks-admin");
    Api.Answer school = api().get("api/tenants/kunshan/admin/schools/ks-lujia-shage", admin);
    assertEquals(200, school.status(), school.body());
    String marker = "幸福" + UUID.randomUUID().toString().substring(0, 4) + "家园";
    Api.Answer stale = api().put("api/tenants/kunshan/admin/schools/ks-lujia-shage", admin,
        "{\"zone\": [\"沙葛\", \"" + marker + "\"]}", "If-Match", "\"999\"");
    assertEquals(409, stale.status(), stale.body());
    Api.Answer changed = api().put("api/tenants/kunshan/admin/schools/ks-lujia-shage", admin,
        "{\"zone\": [\"沙葛\", \"合丰\", \"" + marker + "\"], \"seats\": {\"PRIMARY\": 210}}",
        "If-Match", "\"" + school.object().getJsonNumber("version").longValue() + "\"");
    assertEquals(200, changed.status(), changed.body());
    assertEquals(210, changed.object().getJsonObject("seats").getInt("PRIMARY"));

    String app = filledApplication("江苏省 苏州市 昆山市陆家镇" + marker + "１２栋３０１室", "ks-lujia-shage", null);
    Api.Answer recommendation = api().get(app + "/recommendation", token(PARENT));
    assertEquals(200, recommendation.status(), recommendation.body());
    assertEquals(List.of("ks-lujia-shage"), codes(recommendation.object(), "recommended"));
    assertTrue(codes(recommendation.object(), "alternatives").containsAll(List.of("ks-lujia-muxi", "ks-lujia-west")),
        "the other public schools of 陆家镇 may be chosen instead");

    Api.Answer accepted = api().post(app + "/recommendation", token(PARENT), "{\"school\": \"ks-lujia-shage\"}");
    assertEquals(200, accepted.status(), accepted.body());
    assertFalse(accepted.object().getJsonObject("decision").getBoolean("cancelled"));
    Api.Answer cancelled = api().post(app + "/recommendation", token(PARENT), "{\"school\": \"ks-lujia-muxi\"}");
    assertEquals(200, cancelled.status(), cancelled.body());
    assertTrue(cancelled.object().getJsonObject("decision").getBoolean("cancelled"), "another school of the zone");
    Api.Answer elsewhere = api().post(app + "/recommendation", token(PARENT), "{\"school\": \"ks-peiben\"}");
    assertEquals(400, elsewhere.status(), elsewhere.body());
    assertEquals("school", elsewhere.object().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals("ks-lujia-muxi", api().get(app + "/recommendation", token(PARENT)).object()
        .getJsonObject("decision").getString("chosen"), "the refused choice changed nothing");
  }

  @Test
  void anInvalidSchoolIsRefusedFieldByFieldAndNothingIsStored() throws Exception {
    String admin = token("ks-admin");
    Api.Answer refused = api().post("api/tenants/kunshan/admin/schools", admin, """
        {"code": "ks-new-school", "name": {"zh": "昆山市新建小学"}, "districtCode": "nowhere",
         "publicSchool": true, "seats": {"PRIMARY": -3}, "zone": ["新城路", " "]}""");
    assertEquals(400, refused.status(), refused.body());
    List<String> fields = refused.object().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("field")).toList();
    assertTrue(fields.containsAll(List.of("name.en", "districtCode", "seats.PRIMARY", "zone[1]")), fields.toString());
    assertEquals(404, api().get("api/tenants/kunshan/admin/schools/ks-new-school", admin).status());

    Api.Answer created = api().post("api/tenants/kunshan/admin/schools", admin, """
        {"code": "ks-new-school", "name": {"zh": "昆山市新建小学", "en": "Kunshan New Primary School"},
         "districtCode": "zz", "publicSchool": true, "seats": {"PRIMARY": 90}, "zone": ["新城路"]}""");
    assertEquals(201, created.status(), created.body());
    JsonObject names = api().get("api/tenants/kunshan/names", null).object();
    assertEquals("昆山市新建小学", names.getJsonObject("schools").getJsonObject("ks-new-school").getString("zh"));
    assertTrue(api().get("api/tenants/kunshan/schools?stage=PRIMARY&public=true", null).body().contains("ks-new-school"));
  }

  @Test
  void onlyTheTenantsAdministratorsEditItsSchools() throws Exception {
    assertEquals(403, api().get("api/tenants/kunshan/admin/schools", token(PARENT)).status());
    assertEquals(404, api().get("api/tenants/kunshan/admin/schools", token("sm-admin")).status());
    assertEquals(401, api().get("api/tenants/kunshan/admin/schools", null).status());
  }

  @Test
  void theNamesCoverEveryDistrictAndEverySchoolOfTheSeed() throws Exception {
    Api.Answer answer = api().get("api/tenants/kunshan/names", null);
    assertEquals(200, answer.status(), answer.body());
    JsonObject names = answer.object();
    assertEquals(12, names.getJsonObject("districts").size());
    List<String> schools = names.getJsonObject("schools").values().stream()
        .map(v -> ((JsonObject) v).getString("zh")).toList();
    for (String named : List.of("昆山康桥学校（小学部）", "昆山市培本实验小学", "昆山市玉山镇民办力量小学", "昆山爱丹特外国语学校（小学部）",
        "昆山市新镇中心小学校", "昆山市柏庐实验小学", "昆山阳澄学校", "昆山市花桥中学", "昆山昆城外国语学校（小学部）",
        "昆山市陆家镇慕溪小学", "昆山市陆家镇沙葛小学", "昆山市陆家中心小学校（西校区）")) {
      assertTrue(schools.contains(named), named);
    }
    assertEquals("窗口初审", names.getJsonObject("reviewStages").getJsonObject("window").getString("zh"));
    assertEquals("可二次填报", names.getJsonObject("statuses").getJsonObject("PUBLIC")
        .getJsonObject("SECOND_ROUND_OPEN").getString("zh"));
  }

  @Test
  void theStatusesFollowTheSeedsTablesThroughWindowReview() throws Exception {
    String app = filledApplication("昆山市花桥镇绿地大道100号5幢1201室", "ks-huaqiao-primary", "ks-kangqiao");
    String parent = token(PARENT);
    JsonObject draft = api().get(app + "/status", parent).object();
    assertEquals("DRAFT", draft.getString("application"));
    assertTrue(draft.getJsonObject("actions").getBoolean("deleteChild"));
    assertFalse(hasStatus(batch(draft, "PUBLIC")), "nothing before submission");

    assertEquals(200, api().postEmpty(app + "/submit", parent, "Idempotency-Key", UUID.randomUUID().toString()).status());
    JsonObject submitted = api().get(app + "/status", parent).object();
    assertEquals("已提交", label(submitted, "PUBLIC"));
    assertEquals("待录取", label(submitted, "PRIVATE_1"));
    assertEquals("昆山市花桥中心小学校", batch(submitted, "PUBLIC").getJsonArray("schools").getJsonObject(0)
        .getJsonObject("name").getString("zh"));
    assertFalse(hasStatus(batch(submitted, "PRIVATE_2")), "no phase-two school chosen");
    assertTrue(submitted.getJsonObject("actions").getBoolean("withdraw"));
    assertFalse(submitted.getJsonObject("actions").getBoolean("deleteChild"));
    assertEquals("花桥经济开发区", submitted.getJsonObject("district").getJsonObject("name").getString("zh"));

    String id = api().get(app, parent).object().getString("id");
    String window = token("ks-window-huaqiao");
    JsonObject task = api().get("api/review/tasks?size=100&stage=window", window).object().getJsonArray("items")
        .getValuesAs(JsonObject.class).stream().filter(t -> t.getString("applicationId").equals(id)).findFirst().orElseThrow();
    assertEquals(200, api().post("api/review/tasks/" + task.getString("id") + "/claim", window, "").status());
    assertEquals(200, api().post("api/review/tasks/" + task.getString("id") + "/decision", window,
        "{\"decision\": \"APPROVE\"}").status());
    JsonObject approved = api().get(app + "/status", parent).object();
    assertEquals("初审通过", label(approved, "PUBLIC"));
    assertFalse(approved.getJsonObject("actions").getBoolean("withdraw"), "a review record exists");
    List<String> chain = approved.getJsonArray("progress").getValuesAs(JsonObject.class).stream()
        .map(s -> s.getJsonObject("label").getString("zh")).toList();
    assertEquals(List.of("提交报名", "窗口审核通过", "部门审核中", "待积分排名中"), chain);
  }

  @Test
  void anotherFamilysChildAnswers404() throws Exception {
    String app = filledApplication("昆山市张浦镇振新东路1号", "ks-zhangpu-primary", null);
    String stranger = token("13800000001");
    assertEquals(404, api().get(app + "/status", stranger).status());
    assertEquals(404, api().get(app + "/recommendation", stranger).status());
    assertEquals(404, api().post(app + "/recommendation", stranger, "{\"school\": \"ks-zhangpu-primary\"}").status());
  }

  static JsonObject batch(JsonObject status, String id) {
    return status.getJsonArray("batches").getValuesAs(JsonObject.class).stream()
        .filter(b -> b.getString("id").equals(id)).findFirst().orElseThrow();
  }

  static String label(JsonObject status, String batch) {
    return batch(status, batch).getJsonObject("status").getJsonObject("label").getString("zh");
  }

  static List<String> codes(JsonObject recommendation, String key) {
    return recommendation.getJsonArray(key).getValuesAs(JsonObject.class).stream()
        .map(o -> o.getString("code")).toList();
  }

  static boolean hasStatus(JsonObject batch) {
    return batch.containsKey("status") && !batch.isNull("status");
  }
}
