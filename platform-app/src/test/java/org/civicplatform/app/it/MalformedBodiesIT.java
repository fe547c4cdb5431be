package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Every JSON write route of the deployed application (the routes {@link RoutesIT} walks), sent malformed
 * bodies by every role: each answer is a 4xx problem document within two seconds, never a 5xx and never
 * a hang. The bodies: cut off at every position, the cut-off body that once spun a request thread
 * forever in Parsson's skip, wrong top-level kinds, invalid UTF-8, lone surrogates, NUL characters,
 * duplicate members, deep nesting, huge strings and numbers, trailing content, empty bodies, and members
 * of the wrong type, null or unknown beside the route's own.
 */
@ExtendWith(ArquillianExtension.class)
class MalformedBodiesIT {

  static final String PASSWORD = RoutesIT.PASSWORD;

  /** Slowest answer allowed to a malformed body. */
  static final Duration LIMIT = Duration.ofSeconds(2);

  /** The body that hung a server thread at 100 % CPU (issue 16). */
  static final String HUNG = "{\"a\":{\"b\":{\"c\":";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of());
  }

  @ArquillianResource URL base;

  /** A malformed body: its bytes and what it is (for the failure message). */
  record Body(String what, byte[] bytes) {
    static Body of(String what, String text) {
      return new Body(what, text.getBytes(StandardCharsets.UTF_8));
    }
  }

  record Timed(int status, String contentType, String body, long millis) {}

  Timed send(String method, String path, String token, Body body) throws Exception {
    var builder = HttpRequest.newBuilder(new Api(base).uri(path.substring(1)))
        .timeout(Duration.ofSeconds(20))
        .header("Accept", "application/json, application/problem+json")
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    long start = System.nanoTime();
    Api.Answer answer = Api.send(builder.build());
    return new Timed(answer.status(), answer.contentType(), answer.body(), (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void theCutOffBodyThatHungAThreadIsRefusedWithA400AtOnceOnEveryRouteItHung() throws Exception {
    String parent = Api.token(TestPlatform.get().keycloakUrl(), "13800000001", PASSWORD);
    String reviewer = Api.token(TestPlatform.get().keycloakUrl(), "ks-window-huaqiao", PASSWORD);
    Map<String, String[]> routes = new LinkedHashMap<>();
    routes.put("/api/tenants/kunshan/accounts", new String[] {"POST", null});
    routes.put("/api/tenants/kunshan/accounts/phone", new String[] {"PUT", parent});
    routes.put("/api/review/tasks/" + UUID.randomUUID() + "/decision", new String[] {"POST", reviewer});
    for (var route : routes.entrySet()) {
      for (int i = 0; i < 9; i++) { // nine of these once took both cores until the node was restarted
        Timed answer = send(route.getValue()[0], route.getKey(), route.getValue()[1], Body.of("hung", HUNG));
        assertEquals(400, answer.status(), route.getKey() + ": " + answer.body());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        assertTrue(answer.body().contains("urn:civic:problem:malformed-body") && answer.body().contains("\"body\""),
            answer.body());
        assertTrue(answer.millis() < LIMIT.toMillis(), route.getKey() + " took " + answer.millis() + " ms");
      }
    }
    // and the node still answers ordinary requests at once
    assertEquals(200, new Api(base).get("api/tenants", null).status());
  }

  /** The bodies every route gets: none of them can be valid for any route. */
  static List<Body> malformed(String template) {
    List<Body> bodies = new ArrayList<>();
    for (int cut = 1; cut < template.length(); cut += Math.max(1, template.length() / 24)) {
      bodies.add(Body.of("cut off at " + cut, template.substring(0, cut)));
    }
    bodies.add(Body.of("hung", HUNG));
    bodies.add(Body.of("unknown member cut off", "{\"zzz\":[{\"a\":"));
    bodies.add(Body.of("empty", ""));
    bodies.add(Body.of("blank", " \r\n\t "));
    bodies.add(Body.of("null", "null"));
    bodies.add(Body.of("array", "[]"));
    bodies.add(Body.of("array of objects", "[{\"a\":1}]"));
    bodies.add(Body.of("string", "\"text\""));
    bodies.add(Body.of("number", "42"));
    bodies.add(Body.of("boolean", "true"));
    bodies.add(Body.of("trailing content", template + " {}"));
    bodies.add(Body.of("trailing garbage", template + "x"));
    bodies.add(Body.of("two documents", "{}{}"));
    bodies.add(Body.of("single quotes", "{'a':'b'}"));
    bodies.add(Body.of("unquoted key", "{a:1}"));
    bodies.add(Body.of("trailing comma", "{\"a\":1,}"));
    bodies.add(Body.of("comment", "{/* x */}"));
    bodies.add(Body.of("NaN", "{\"a\":NaN}"));
    bodies.add(Body.of("duplicate member", "{\"a\":1,\"a\":2}"));
    bodies.add(Body.of("duplicate nested member", "{\"v\":{\"k\":\"x\",\"k\":\"y\"}}"));
    bodies.add(Body.of("deep nesting", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"));
    bodies.add(Body.of("deep objects", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000)));
    bodies.add(Body.of("huge string", "{\"a\":\"" + "汉".repeat(30_000) + "\"}"));
    bodies.add(Body.of("huge key", "{\"" + "k".repeat(30_000) + "\":1}"));
    bodies.add(Body.of("huge number", "{\"a\":" + "9".repeat(5000) + "}"));
    bodies.add(Body.of("huge exponent", "{\"a\":1e999999999}"));
    bodies.add(Body.of("tiny exponent", "{\"a\":1e-999999999}"));
    bodies.add(Body.of("lone high surrogate", "{\"a\":\"\\ud83d\"}"));
    bodies.add(Body.of("lone low surrogate", "{\"a\":\"x\\ude00y\"}"));
    bodies.add(Body.of("lone surrogate in key", "{\"\\ud800\":1}"));
    bodies.add(Body.of("NUL escape", "{\"a\":\"x\\u0000\"}"));
    bodies.add(Body.of("raw control character", "{\"a\":\"x\u0001y\"}"));
    bodies.add(Body.of("bad escape", "{\"a\":\"\\x41\"}"));
    bodies.add(Body.of("cut-off escape", "{\"a\":\"\\u12"));
    bodies.add(new Body("invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'}));
    bodies.add(new Body("overlong UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}));
    bodies.add(new Body("UTF-8 surrogate", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}));
    bodies.add(new Body("cut-off UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE6, (byte) 0xB1}));
    bodies.add(new Body("UTF-16", "{\"a\":1}".getBytes(StandardCharsets.UTF_16)));
    bodies.add(new Body("binary", new byte[] {0, 1, 2, 3, (byte) 0xFF, (byte) 0xFE}));
    return bodies;
  }

  /** A body of the right shape with every member set to a value of the wrong kind (never valid). */
  static List<Body> wrongTypes(JsonObject template) {
    List<Body> bodies = new ArrayList<>();
    List<String> wrong = List.of("[[[]]]", "{\"x\":{}}", "true", "1.5e3", "-1");
    for (String value : wrong) {
      StringBuilder b = new StringBuilder("{");
      for (String key : template.keySet()) {
        b.append(org.civicplatform.spi.json.Jsons.quoted(key)).append(':').append(value).append(',');
      }
      b.append("\"zzzUnknown\":{\"a\":[1,{\"b\":null}]}}");
      bodies.add(Body.of("every member " + value, b.toString()));
    }
    return bodies;
  }

  @Test
  void everyJsonWriteRouteRefusesMalformedBodiesFromEveryRoleWithA4xxProblemInTwoSeconds() throws Exception {
    String keycloak = TestPlatform.get().keycloakUrl();
    String owner = Api.token(keycloak, "13800000002", PASSWORD);
    ApplicationsIT applications = new ApplicationsIT();
    applications.base = base;
    String app = applications.newChild(owner);
    String child = app.split("/")[4];
    Api.Answer draft = new Api(base).put(app + "/steps/family", owner, ApplicationsIT.family("13800000002"));
    assertEquals(200, draft.status(), draft.body());
    RoutesIT walker = new RoutesIT();
    walker.base = base;
    String template = "{\"decision\":\"RETURN\",\"values\":{\"property\":\"2003-08-15\"},\"fields\":[\"family\"],"
        + "\"mobile\":\"13912345678\",\"code\":\"123456\",\"stage\":\"PRIMARY\"}";
    List<Body> bodies = new ArrayList<>(malformed(template));
    bodies.addAll(wrongTypes(org.civicplatform.spi.json.Jsons.object(template)));
    assertTrue(bodies.size() >= 50, "at least 50 malformed bodies: " + bodies.size());

    List<String> failures = new ArrayList<>();
    int routes = 0;
    int calls = 0;
    long slowest = 0;
    for (RoutesIT.Route route : walker.routes()) {
      boolean write = route.method().equals("POST") || route.method().equals("PUT") || route.method().equals("PATCH");
      if (!write || !route.readsBody() || !route.consumes().contains("json") && !route.consumes().equals("*/*")) {
        continue;
      }
      routes++;
      String path = route.path().replace("{tenant}", "kunshan").replace("{child}", child).replace("{step}", "family")
          .replace("{slot}", "propertyCertificate").replace("{year}", "2024").replace("{kind}", "district")
          .replace("{code}", "hq").replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
      Map<String, String> tokens = tokens(keycloak); // fresh for each route: access tokens live minutes
      for (var token : tokens.entrySet()) {
        for (Body body : bodies) {
          Timed answer = send(route.method(), path, token.getValue(), body);
          calls++;
          slowest = Math.max(slowest, answer.millis());
          String where = route.key() + " as " + token.getKey() + " with " + body.what() + ": ";
          if (answer.status() < 400 || answer.status() >= 500) {
            failures.add(where + answer.status() + " " + abbreviated(answer.body()));
          } else if (!answer.contentType().startsWith("application/problem+json")) {
            failures.add(where + "not a problem document: " + answer.contentType() + " " + abbreviated(answer.body()));
          } else if (answer.millis() >= LIMIT.toMillis()) {
            failures.add(where + "took " + answer.millis() + " ms");
          }
        }
      }
    }
    System.out.println("[MalformedBodiesIT] " + routes + " JSON write routes, " + bodies.size() + " bodies, "
        + tokens(keycloak).size() + " callers: " + calls + " requests, slowest " + slowest + " ms");
    assertTrue(routes >= 20, "JSON write routes found: " + routes);
    assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
    // nothing the fuzz sent became an answer of the family's application: the draft is as it was saved
    Api.Answer after = new Api(base).get(app, Api.token(keycloak, "13800000002", PASSWORD));
    assertEquals(200, after.status(), after.body());
    assertEquals("DRAFT", after.object().getString("status"));
    assertEquals(draft.object().get("version"), after.object().get("version"), "the draft's version after the fuzz");
    assertEquals(draft.object().get("answers"), after.object().get("answers"), "the draft's answers after the fuzz");
  }

  /** Every kind of caller: none, the family, reviewers, administrators of this and another tenant. */
  static Map<String, String> tokens(String keycloak) throws Exception {
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("no token", null);
    for (String user : List.of("13800000002", "ks-window-huaqiao", "ks-dept-housing", "ks-admin", "sm-admin",
        "platform-admin")) {
      tokens.put(user, Api.token(keycloak, user, PASSWORD));
    }
    return tokens;
  }

  static String abbreviated(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
