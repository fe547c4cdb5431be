package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform WAR (core + both real tenant modules) on Payara Micro, against a real PostgreSQL 17 and
 * a real Keycloak with the demo realms.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

  static final String PASSWORD = "Demo#2024";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of());
  }

  @ArquillianResource URL base;

  Api api() {
    return new Api(base);
  }

  String tokenOf(String user) throws Exception {
    return Api.token(TestPlatform.get().keycloakUrl(), user, PASSWORD);
  }

  @Test
  void readinessIsUpWithDatabaseKeycloakAndTenants() throws Exception {
    Api.Answer ready = api().get("/health/ready", null);
    assertEquals(200, ready.status(), ready.body());
    JsonObject health = ready.object();
    assertEquals("UP", health.getString("status"));
    var names = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .map(c -> c.getString("name")).toList();
    assertTrue(names.containsAll(java.util.List.of("database", "keycloak", "tenants")), names.toString());
  }

  @Test
  void listsKunshanAndSimingWithTheirNames() throws Exception {
    Api.Answer tenants = api().get("api/tenants", null);
    assertEquals(200, tenants.status());
    JsonArray list = (JsonArray) tenants.json();
    assertEquals(2, list.size());
    assertEquals("kunshan", list.getJsonObject(0).getString("id"));
    assertEquals("昆山市新市民积分入学", list.getJsonObject(0).getJsonObject("name").getString("zh"));
    assertEquals("siming", list.getJsonObject(1).getString("id"));
  }

  @Test
  void theKunshanDefinitionListsTheSixStepsWithConditionsAsData() throws Exception {
    Api.Answer answer = api().get("api/tenants/kunshan", null);
    assertEquals(200, answer.status(), answer.body());
    JsonObject definition = answer.object();
    assertEquals(java.util.List.of("family", "subject", "housing", "honours", "choices", "preview"),
        definition.getJsonArray("steps").getValuesAs(JsonObject.class).stream().map(s -> s.getString("id")).toList());
    JsonObject guardian2Name = definition.getJsonArray("steps").getJsonObject(0).getJsonArray("sections")
        .getJsonObject(2).getJsonArray("fields").getJsonObject(1);
    assertEquals("not", guardian2Name.getJsonObject("visibleWhen").getString("op"));
    assertEquals("公办学校", definition.getJsonArray("batches").getJsonObject(1).getJsonObject("name").getString("zh"));
  }

  @Test
  void meAnswers401AsProblemWithoutToken() throws Exception {
    Api.Answer me = api().get("api/me", null);
    assertEquals(401, me.status());
    assertTrue(me.contentType().startsWith("application/problem+json"), me.contentType());
    assertEquals("urn:civic:problem:unauthenticated", me.object().getString("type"));
  }

  @Test
  void meAnswers401ForATokenWithAForgedSignature() throws Exception {
    String token = tokenOf("13800000001");
    String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
    assertEquals(401, api().get("api/me", forged).status());
  }

  @Test
  void meReturnsTheKunshanParentWithRegistrationNumber() throws Exception {
    Api.Answer me = api().get("api/me", tokenOf("13800000001"));
    assertEquals(200, me.status(), me.body());
    JsonObject body = me.object();
    assertEquals("13800000001", body.getString("username"));
    assertEquals("ES2024000001", body.getString("registrationNumber"));
    assertTrue(body.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
        .anyMatch(r -> r.getString().equals("parent")), body.toString());
    assertTrue(body.getJsonArray("tenants").toString().contains("kunshan"), body.toString());
  }

  @Test
  void meListsEveryDistrictOfAReviewerHoldingSeveral() throws Exception {
    JsonObject me = api().get("api/me", tokenOf("ks-window-multi")).object();
    String scopes = me.getJsonArray("scopes").toString();
    assertTrue(scopes.contains("kunshan:district:gxq") && scopes.contains("kunshan:district:lj"), scopes);
  }

  @Test
  void aChildAddedThroughTheApiIsStoredInPostgres() throws Exception {
    String idNumber = validId("20180301");
    Api.Answer created = api().post("api/tenants/kunshan/children", tokenOf("13800000002"),
        "{\"stage\":\"PRIMARY\",\"name\":\"王 小明\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\"" + idNumber + "\"}");
    assertEquals(201, created.status(), created.body());
    assertEquals("王小明", created.object().getString("name"), "spaces inside names are removed");
    try (Connection c = TestPlatform.get().database().connect();
        PreparedStatement ps = c.prepareStatement("select name, tenant_id from child where id_number = ?")) {
      ps.setString(1, idNumber);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "the child row exists");
        assertEquals("王小明", rs.getString(1));
        assertEquals("kunshan", rs.getString(2));
      }
    }
  }

  @Test
  void aSecondRegistrationOfTheSameChildIsRefusedWithTheSeedsMessage() throws Exception {
    String idNumber = validId("20170505");
    String body = "{\"stage\":\"PRIMARY\",\"name\":\"李华\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\"" + idNumber + "\"}";
    assertEquals(201, api().post("api/tenants/kunshan/children", tokenOf("13800000001"), body).status());
    Api.Answer again = api().post("api/tenants/kunshan/children", tokenOf("13800000002"), body);
    assertEquals(409, again.status());
    assertEquals("该学生已通过户籍生（新市民）系统注册报名！", again.object().getString("detail"));
  }

  /** A valid mainland ID number (GB 11643 check digit) born on {@code yyyymmdd}, unique per call. */
  static String validId(String yyyymmdd) {
    return TestPlatform.mainlandId(yyyymmdd);
  }

  @Test
  void anIdNumberWithAWrongCheckDigitIsRefusedNamingTheField() throws Exception {
    String valid = validId("20180301");
    char wrong = valid.charAt(17) == '1' ? '2' : '1';
    Api.Answer answer = api().post("api/tenants/kunshan/children", tokenOf("13800000001"),
        "{\"stage\":\"PRIMARY\",\"name\":\"张三\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\""
            + valid.substring(0, 17) + wrong + "\"}");
    assertEquals(400, answer.status(), answer.body());
    assertEquals("idNumber", answer.object().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void theKunshanPointsEstimateAnswersTheRulesDocumentsExample() throws Exception {
    String request = """
        {"year": 2024, "propertyRegisteredOn": "2003-08-15",
         "insuranceMonths": {
           "recent":  {"pension": 36, "medical": 36, "unemployment": 36, "injury": 36, "maternity": 36},
           "earlier": {"pension": 8,  "medical": 8,  "unemployment": 8,  "injury": 8,  "maternity": 8}},
         "education": "NONE", "vocationalLevel": "LEVEL4", "titleLevel": "JUNIOR", "honours": [],
         "lawAbiding": true}""";
    Api.Answer answer = api().post("api/tenants/kunshan/points/estimate", tokenOf("13800000002"), request);
    assertEquals(200, answer.status(), answer.body());
    JsonObject expected = jakarta.json.Json.createReader(new java.io.StringReader("""
        {"year": 2024, "ruleSet": "kunshan-2024-default",
         "items": {"property": 41.17, "education": 0, "vocational": 5, "title": 5, "titleOrEducation": 5,
                   "insurance": 66.67, "honours": 0, "lawAbiding": 20},
         "total": 132.84}""")).readObject();
    assertEquals(expected, answer.object());
  }

  @Test
  void theEstimateIsDocumentedInOpenApiWithItsRequestAndResponseSchemas() throws Exception {
    Api.Answer doc = Api.send(java.net.http.HttpRequest.newBuilder(api().uri("/openapi"))
        .header("Accept", "application/json").GET().build());
    assertEquals(200, doc.status(), doc.body());
    JsonObject post = doc.object().getJsonObject("paths").getJsonObject("/api/tenants/{tenant}/points/estimate")
        .getJsonObject("post");
    assertEquals("#/components/schemas/PointsEstimateRequest", post.getJsonObject("requestBody").getJsonObject("content")
        .getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
    assertEquals("#/components/schemas/PointsEstimateResponse", post.getJsonObject("responses").getJsonObject("200")
        .getJsonObject("content").getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
    JsonObject schemas = doc.object().getJsonObject("components").getJsonObject("schemas");
    assertTrue(schemas.getJsonObject("PointsEstimateRequest").getJsonObject("properties").containsKey("insuranceMonths"));
    assertTrue(schemas.getJsonObject("PointsEstimateResponse").getJsonObject("properties").getJsonObject("items")
        .getJsonObject("properties").containsKey("titleOrEducation"));
  }

  @Test
  void theEstimateRefusesMonthsBeyondThePartLengthNamingTheField() throws Exception {
    Api.Answer answer = api().post("api/tenants/kunshan/points/estimate", tokenOf("ks-window-huaqiao"),
        "{\"insuranceMonths\": {\"recent\": {\"pension\": 37}}}");
    assertEquals(400, answer.status(), answer.body());
    assertEquals("insuranceMonths.recent.pension",
        answer.object().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void theEstimateNeedsASignedInUser() throws Exception {
    assertEquals(401, api().post("api/tenants/kunshan/points/estimate", null, "{}").status());
  }

  @Test
  void badInputGetsA400ProblemNamingTheField() throws Exception {
    Api.Answer answer = api().post("api/tenants/kunshan/children", tokenOf("13800000001"),
        "{\"stage\":\"PRIMARY\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\"" + validId("20180301") + "\"}");
    assertEquals(400, answer.status());
    assertTrue(answer.contentType().startsWith("application/problem+json"));
    JsonObject problem = answer.object();
    assertEquals("name", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
    assertTrue(problem.getString("titleEn").length() > 0 && problem.getString("title").length() > 0);
  }

  @Test
  void malformedJsonGetsA400ProblemNotAStackTrace() throws Exception {
    Api.Answer answer = api().post("api/tenants/kunshan/children", tokenOf("13800000001"), "{\"stage\": ");
    assertEquals(400, answer.status(), answer.body());
    assertTrue(answer.contentType().startsWith("application/problem+json"));
    assertTrue(!answer.body().contains("Exception"), answer.body());
  }

  @Test
  void embeddedPostgresRunsDurablyWithFsyncAndSynchronousCommitOn() throws Exception {
    try (Connection c = TestPlatform.get().database().connect(); Statement s = c.createStatement()) {
      for (String setting : new String[] {"fsync", "synchronous_commit"}) {
        try (ResultSet rs = s.executeQuery("show " + setting)) {
          rs.next();
          assertEquals("on", rs.getString(1), setting);
        }
      }
    }
  }

  @Test
  void migrationsCreatedTheCoreTables() throws Exception {
    try (Connection c = TestPlatform.get().database().connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "select count(*) from information_schema.tables where table_name in"
                + " ('family','child','application','audit_event','district','school')")) {
      rs.next();
      assertEquals(6, rs.getInt(1));
    }
  }
}
