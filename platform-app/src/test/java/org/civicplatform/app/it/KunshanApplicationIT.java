package org.civicplatform.app.it;

import static org.civicplatform.app.it.KunshanFamily.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A complete Kunshan application through the API (seed 000): six steps, uploads into the document
 * slots, submission, the 社保 / 房产 look-ups from the registry fixtures (§4.1), window review, every
 * department confirming its items, and the final breakdown (§5.2.1: 107.84 before, 审核完成 132.84 after);
 * each of the seed's look-up errors shown to the parent; a registry outage leaving the look-ups pending.
 */
@ExtendWith(ArquillianExtension.class)
class KunshanApplicationIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of("platform.registries.simulated.control-endpoint.enabled", "true",
        "platform.notifications.outbox-endpoint.enabled", "true"));
  }

  @ArquillianResource URL base;

  @Test
  void aCompleteApplicationIsLookedUpReviewedByTheWindowAndEveryDepartmentAndScores13284() throws Exception {
    KunshanFamily family = KunshanFamily.register(base);
    String app = family.child("郑艺文");
    family.fill(app, "郑军", ZHENG_JUN, houseOwnership("KS2003015678", ZHENG_JUN));
    String id = family.submit(app).getString("id");

    // §4.1 社保对接结果 / 房产对接结果, as the parent sees them
    JsonObject lookUps = family.lookUps(app);
    JsonObject insurance = item(lookUps, "socialInsurance").getJsonObject("data");
    assertEquals("社保对接结果", insurance.getJsonObject("title").getString("zh"));
    JsonObject pension = insurance.getJsonArray("rows").getJsonObject(0);
    assertEquals("养老保险", pension.getJsonObject("label").getString("zh"));
    assertEquals(36, pension.getInt("recentMonths"));
    assertEquals(8, pension.getInt("earlierMonths"));
    JsonObject property = item(lookUps, "property").getJsonObject("data");
    assertEquals("匹配", property.getJsonObject("result").getString("zh"));
    assertEquals("2003-08-15", property.getString("registrationDate"));
    assertEquals("江苏省昆山市花桥镇绿地大道188号3幢1201室", property.getString("address"));
    assertEquals("SUBMITTED", family.api.get(app, family.token).object().getString("status"),
        "the look-ups are no review record: the parent may still withdraw (§4.1)");

    // before the departments: property and insurance from the registries, the rest 核算中 (§5.2.1)
    JsonObject before = family.points(app);
    assertEquals("41.17", line(before, "property").getString("display"));
    assertEquals("66.67", line(before, "insurance").getString("display"));
    assertEquals("核算中", line(before, "vocational").getString("display"));
    assertEquals(new BigDecimal("107.84"), before.getJsonNumber("total").bigDecimalValue());

    JsonObject window = family.task("ks-window-huaqiao", id, "window");
    assertEquals(200, family.api.post("api/review/tasks/" + window.getString("id") + "/claim",
        reviewer("ks-window-huaqiao"), "").status());
    Api.Answer windowApproved = family.decide("ks-window-huaqiao", window,
        approve("{\"documents\": true, \"guardians\": true}"));
    assertEquals(200, windowApproved.status(), windowApproved.body());

    // the housing department sees the look-up in its task detail and confirms the registry's date
    JsonObject housing = family.task("ks-dept-housing", id, "dept-real-estate");
    JsonObject detail = family.api.get("api/review/tasks/" + housing.getString("id"), reviewer("ks-dept-housing")).object();
    assertEquals("2003-08-15", detail.getJsonArray("verification").getValuesAs(JsonObject.class).stream()
        .filter(i -> i.getString("item").equals("property")).findFirst().orElseThrow()
        .getJsonObject("data").getString("registrationDate"));
    assertEquals("41.17", line(detail.getJsonObject("points"), "property").getString("display"));
    Api.Answer wrongItem = family.decide("ks-dept-housing", housing, approve("{\"education\": \"BACHELOR\"}"));
    assertEquals(400, wrongItem.status(), wrongItem.body());
    assertEquals("values.education", wrongItem.object().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(200, family.decide("ks-dept-housing", housing, approve("{\"property\": \"2003-08-15\"}")).status());

    String months = "{\"recent\": 36, \"earlier\": 8}";
    Map<String, String> departments = Map.of(
        "dept-human-resources", "{\"vocational\": \"LEVEL4\", \"title\": \"JUNIOR\", \"insurance.pension\": " + months
            + ", \"insurance.unemployment\": " + months + ", \"insurance.injury\": " + months + "}",
        "dept-medical-insurance", "{\"insurance.medical\": " + months + ", \"insurance.maternity\": " + months + "}",
        "dept-public-security", "{\"lawAbiding\": true, \"residencePermit\": \"2020-05-01\", \"honour.BRAVERY\": \"NONE\"}",
        "dept-education", "{\"education\": \"NONE\", \"schoolRecord\": false}");
    for (Map.Entry<String, String> department : departments.entrySet()) {
      JsonObject task = family.task("ks-admin", id, department.getKey());
      Api.Answer decided = family.decide("ks-admin", task, approve(department.getValue()));
      assertEquals(200, decided.status(), department.getKey() + ": " + decided.body());
      assertEquals(department.getValue().replace(" ", ""), decided.object().getJsonObject("confirmedValues").toString()
          .replace(" ", ""), "the confirmed values are stored with the task");
    }
    assertEquals(200, family.decide("ks-admin", family.task("ks-admin", id, "points-office"),
        approve("{\"total\": true}")).status());

    JsonObject application = family.api.get(app, family.token).object();
    assertEquals("REVIEWED", application.getString("status"), "审核完成");
    JsonObject after = family.points(app);
    assertTrue(after.getBoolean("complete"));
    assertEquals("kunshan-2024-default", after.getString("ruleSet"));
    assertEquals("0", line(after, "education").getString("display"));
    assertEquals("5", line(after, "vocational").getString("display"));
    assertEquals("5", line(after, "title").getString("display"));
    assertEquals("20", line(after, "lawAbiding").getString("display"));
    assertEquals(new BigDecimal("132.84"), after.getJsonNumber("total").bigDecimalValue());
    assertEquals("kunshan-2024-default", storedRuleSet(id), "the stored score is stamped with the rule set");
    assertTrue(auditCount("review.approve") > 0);
  }

  @Test
  void eachSocialInsuranceErrorOfTheSeedIsShownToTheParent() throws Exception {
    Map<String, String[]> cases = Map.of(
        "320583198201010037", new String[] {"王强", "获取到多个社保个人编号，请到人社服务大厅合并数据。"},
        "32058319830202004X", new String[] {"赵敏", "获取到多个医保个人内码，请到人社服务大厅合并数据。"},
        "320583198403030052", new String[] {"孙磊", "该人员医保账户非正常状态。"},
        TestPlatform.mainlandId("19860101"), new String[] {"周明", "未查询到对应社保个人编号。"});
    for (Map.Entry<String, String[]> c : cases.entrySet()) {
      KunshanFamily family = KunshanFamily.register(base);
      String app = family.child("学生" + c.getValue()[0]);
      family.fill(app, c.getValue()[0], c.getKey(), NO_PROPERTY);
      family.submit(app);
      JsonObject insurance = item(family.lookUps(app), "socialInsurance");
      assertEquals(c.getValue()[1], insurance.getJsonObject("detail").getString("zh"), c.getValue()[0]);
      assertEquals(c.getValue()[1], insurance.getJsonObject("data").getJsonObject("message").getString("zh"));
      assertEquals("待审核", insurance.getJsonObject("outcomeLabel").getString("zh"), "仅供参考: the department decides");
      assertEquals("核算中", line(family.points(app), "insurance").getString("display"),
          "no months from the registry: the departments decide");
      assertEquals("SUBMITTED", family.api.get(app, family.token).object().getString("status"), "never returned");
    }
  }

  @Test
  void eachRealEstateErrorOfTheSeedIsShownToTheParent() throws Exception {
    KunshanFamily mismatch = KunshanFamily.register(base);
    String app = mismatch.child("郑小雨");
    mismatch.fill(app, "郑军", ZHENG_JUN, realEstate(2019, "1234567", ZHENG_JUN)); // 周杰 and 吴芳 own it
    mismatch.submit(app);
    JsonObject property = item(mismatch.lookUps(app), "property");
    assertEquals("产权人与房屋产权证编号不符", property.getJsonObject("data").getJsonObject("result").getString("zh"));
    assertEquals("此仅为系统对接结果，不作为最终审核结果", property.getJsonObject("data").getJsonObject("note").getString("zh"));
    assertEquals("核算中", line(mismatch.points(app), "property").getString("display"), "the department decides");

    KunshanFamily unknown = KunshanFamily.register(base);
    String other = unknown.child("郑小风");
    unknown.fill(other, "郑军", ZHENG_JUN, houseOwnership("KS1999000001", ZHENG_JUN));
    unknown.submit(other);
    assertEquals("房屋产权证查无登记信息",
        item(unknown.lookUps(other), "property").getJsonObject("data").getJsonObject("result").getString("zh"));
    // the parent may withdraw, correct the certificate and submit again (§4.1, 问 4)
    assertEquals(200, unknown.api.postEmpty(other + "/withdraw", unknown.token).status());
    unknown.save(other, "housing", houseOwnership("KS2003015678", ZHENG_JUN));
    unknown.submit(other);
    assertEquals("匹配", item(unknown.lookUps(other), "property").getJsonObject("data").getJsonObject("result").getString("zh"));
  }

  @Test
  void aRegistryOutageLeavesTheLookUpsPendingAndRetriedNeverMatched() throws Exception {
    KunshanFamily family = KunshanFamily.register(base);
    String app = family.child("郑小云");
    family.fill(app, "郑军", ZHENG_JUN, houseOwnership("KS2003015678", ZHENG_JUN));
    assertEquals(200, family.api.put("api/dev/registries", null, "{\"failureRate\": 1.0}").status());
    try {
      family.submit(app);
      Thread.sleep(5000); // two sweeps against a registry that cannot answer
      JsonObject pending = family.api.get(app + "/verification", family.token).object();
      assertEquals("VERIFYING", pending.getString("status"));
      assertTrue(pending.getJsonArray("items").isEmpty(), "nothing concluded from an outage");
      JsonObject points = family.points(app);
      assertEquals("核算中", line(points, "property").getString("display"));
      assertEquals("核算中", line(points, "insurance").getString("display"));
      assertTrue(attempts(family.api.get(app, family.token).object().getString("id")) > 0, "the attempts are counted");
    } finally {
      assertEquals(200, family.api.put("api/dev/registries", null, "{\"failureRate\": 0.0}").status());
    }
    JsonObject done = family.lookUps(app);
    assertEquals("匹配", item(done, "property").getJsonObject("data").getJsonObject("result").getString("zh"));
    assertEquals("41.17", line(family.points(app), "property").getString("display"));
  }

  @Test
  void theTenantAdminReadsAndChangesAYearsRuleParametersWhichAreCheckedAndAudited() throws Exception {
    String admin = reviewer("ks-admin");
    Api api = new Api(base);
    JsonObject defaults = api.get("api/tenants/kunshan/rules/2025", admin).object();
    assertEquals("kunshan-2025-default", defaults.getString("version"));
    assertEquals("DEFAULT", defaults.getString("source"));
    JsonObject parameters = defaults.getJsonObject("parameters");
    assertEquals("2025-03-31", parameters.getString("cutOff"));

    String changed = jakarta.json.Json.createObjectBuilder(parameters)
        .add("lawAbiding", jakarta.json.Json.createObjectBuilder().add("points", 25).add("years", 3)).build().toString();
    KunshanFamily parent = KunshanFamily.register(base);
    assertEquals(403, api.put("api/tenants/kunshan/rules/2025", parent.token, changed).status(), "parents cannot");
    String invalid = jakarta.json.Json.createObjectBuilder(parameters)
        .add("insurance", jakarta.json.Json.createObjectBuilder(parameters.getJsonObject("insurance")).add("recentMonths", 0))
        .build().toString();
    Api.Answer unversioned = api.put("api/tenants/kunshan/rules/2025", admin, changed);
    assertEquals(428, unversioned.status(), "a change names the version it was made from: " + unversioned.body());
    assertEquals("urn:civic:problem:precondition-required", unversioned.object().getString("type"));
    Api.Answer refused = api.put("api/tenants/kunshan/rules/2025", admin, invalid, "If-Match", "\"kunshan-2025-default\"");
    assertEquals(400, refused.status(), refused.body());
    assertEquals("insurance.recentMonths", refused.object().getJsonArray("errors").getJsonObject(0).getString("field"));

    Api.Answer stored = api.put("api/tenants/kunshan/rules/2025", admin, changed, "If-Match", "\"kunshan-2025-default\"");
    assertEquals(200, stored.status(), stored.body());
    assertEquals("kunshan-2025-r1", stored.object().getString("version"));
    assertEquals(25, stored.object().getJsonObject("parameters").getJsonObject("lawAbiding").getInt("points"));
    assertEquals(409, api.put("api/tenants/kunshan/rules/2025", admin, changed, "If-Match", "\"kunshan-2025-default\"").status(),
        "a second administrator's change from the old version is refused, not silently overwriting the first");
    assertEquals("kunshan-2025-r2", api.put("api/tenants/kunshan/rules/2025", admin, changed, "If-Match", "\"kunshan-2025-r1\"")
        .object().getString("version"));
    assertEquals("kunshan-2024-default", api.get("api/tenants/kunshan/rules/2024", parent.token).object().getString("version"),
        "other years are untouched");
    Api.Answer estimate = api.post("api/tenants/kunshan/points/estimate", parent.token, "{\"year\": 2025, \"lawAbiding\": true}");
    assertEquals(200, estimate.status(), estimate.body());
    assertEquals("kunshan-2025-r2", estimate.object().getString("ruleSet"), "the parents' estimate uses the stored parameters");
    assertEquals(25, estimate.object().getJsonObject("items").getJsonNumber("lawAbiding").intValue());
    assertTrue(auditCount("rules.update") >= 2);
  }

  static String storedRuleSet(String applicationId) throws Exception {
    try (Connection c = TestPlatform.get().database().connect();
        PreparedStatement ps = c.prepareStatement("select rule_set from application_score where application_id = ?::uuid")) {
      ps.setString(1, applicationId);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "a stored score");
        return rs.getString(1);
      }
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

  static int auditCount(String action) throws Exception {
    try (Connection c = TestPlatform.get().database().connect();
        PreparedStatement ps = c.prepareStatement("select count(*) from audit_event where action = ?")) {
      ps.setString(1, action);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
