package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every route of the deployed application (its OpenAPI document, see {@link #routes()}), enumerated: without a token (or with a forged one, or
 * one meant for another audience) each answers 401, except the few public routes listed here on
 * purpose; with a token of another tenant (parent, reviewer, admin), every route taking a tenant or an
 * id answers 403 or 404. A new route is covered the day it appears in {@code /openapi}.
 */
@ExtendWith(ArquillianExtension.class)
class RoutesIT {

  static final String PASSWORD = "Demo#2024";

  /** Routes anyone may call. Adding one here is a deliberate, reviewed decision. */
  static final Set<String> PUBLIC = Set.of(
      "GET /api/tenants",
      "GET /api/tenants/{tenant}",
      "POST /api/tenants/{tenant}/accounts",
      "POST /api/tenants/{tenant}/accounts/sms-codes",
      "POST /api/tenants/{tenant}/accounts/recovery",
      "GET /api/dev/sms-outbox",
      // dev-only control of the simulated registries: 404 for everyone unless enabled by configuration
      "GET /api/dev/registries",
      "PUT /api/dev/registries",
      "POST /api/dev/registries/household/people",
      "GET /api/config",
      // a tenant's reference data: names of codes, schools with seats, enrolment calendar (all public)
      "GET /api/tenants/{tenant}/names",
      "GET /api/tenants/{tenant}/schools",
      "GET /api/tenants/{tenant}/calendar");

  /** Routes every signed-in user may call in any tenant (they store and reveal nothing of anyone). */
  static final Set<String> ANY_SIGNED_IN_USER = Set.of("POST /api/tenants/{tenant}/points/estimate",
      // the year's points rules (published policy, no personal data): any signed-in user of the tenant reads them
      "GET /api/tenants/{tenant}/rules/{year}");

  /** Bodies that pass validation, so the refusal is about who calls, not about the input. */
  static final Map<String, String> VALID_BODIES = Map.of(
      "POST /api/tenants/{tenant}/children",
      "{\"stage\":\"PRIMARY\",\"name\":\"王小明\",\"idType\":\"PASSPORT\",\"idNumber\":\"E12345678\"}",
      "POST /api/tenants/{tenant}/staff",
      "{\"username\":\"routes-it-reviewer\",\"firstName\":\"一\",\"lastName\":\"王\",\"temporaryPassword\":\"Temp#2024x\",\"scopes\":[]}",
      "POST /api/tenants/{tenant}/accounts/phone/sms-codes", "{\"newMobile\":\"13912345678\"}",
      "POST /api/review/tasks/{id}/decision", "{\"decision\":\"APPROVE\"}");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of());
  }

  @ArquillianResource URL base;

  /**
   * A route, the media type its body must have (JSON unless the resource says otherwise) and whether the
   * resource method reads a body at all (it has a parameter without a JAX-RS annotation).
   */
  record Route(String method, String path, String consumes, boolean readsBody) {
    Route(String method, String path) {
      this(method, path, "application/json", false);
    }

    String key() {
      return method + " " + path;
    }
  }

  /**
   * The routes of the deployed OpenAPI document, or, while the document is empty (Payara Micro has not
   * produced one for this deployment so far), the routes of the very resource classes the application
   * lists in {@code CivicApi.getClasses()}, read from their JAX-RS annotations. When the document has
   * paths, it must list every one of those.
   */
  List<Route> routes() throws Exception {
    List<Route> declared = declaredRoutes();
    assertTrue(declared.size() >= 10, "the application lists its API: " + declared);
    Api.Answer doc = Api.send(HttpRequest.newBuilder(new Api(base).uri("/openapi"))
        .header("Accept", "application/json").GET().build());
    if (doc.status() != 200 || !doc.body().startsWith("{") || doc.object().getJsonObject("paths").isEmpty()) {
      return declared;
    }
    JsonObject paths = doc.object().getJsonObject("paths");
    List<Route> routes = new ArrayList<>();
    paths.forEach((path, operations) -> operations.asJsonObject().keySet().stream()
        .filter(m -> Set.of("get", "post", "put", "delete", "patch").contains(m))
        .forEach(m -> routes.add(new Route(m.toUpperCase(), path.startsWith("/api/") || path.equals("/api") ? path : "/api" + path))));
    Set<String> listed = new TreeSet<>(routes.stream().map(Route::key).toList());
    assertTrue(declared.stream().allMatch(r -> listed.contains(r.key())),
        "the OpenAPI document lists every route: " + listed + " vs " + declared);
    return declared;
  }

  static List<Route> declaredRoutes() {
    List<Route> routes = new ArrayList<>();
    for (Class<?> type : new org.civicplatform.app.CivicApi().getClasses()) {
      jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
      if (root == null) {
        continue;
      }
      for (java.lang.reflect.Method method : type.getMethods()) {
        String verb = null;
        for (var annotation : method.getAnnotations()) {
          jakarta.ws.rs.HttpMethod http = annotation.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
          if (http != null) {
            verb = http.value();
          }
        }
        if (verb == null) {
          continue;
        }
        jakarta.ws.rs.Consumes consumes = method.getAnnotation(jakarta.ws.rs.Consumes.class);
        if (consumes == null) {
          consumes = type.getAnnotation(jakarta.ws.rs.Consumes.class);
        }
        jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
        String path = "/api/" + strip(root.value()) + (sub == null ? "" : "/" + strip(sub.value()));
        boolean readsBody = java.util.Arrays.stream(method.getParameterAnnotations())
            .anyMatch(annotations -> java.util.Arrays.stream(annotations)
                .noneMatch(a -> a.annotationType().getPackageName().startsWith("jakarta.ws.rs")));
        routes.add(new Route(verb, path.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+$", ""),
            consumes == null || consumes.value().length == 0 ? "application/json" : consumes.value()[0], readsBody));
      }
    }
    return routes;
  }

  static String strip(String path) {
    return path.replaceAll("^/+|/+$", "");
  }

  Api.Answer call(Route route, String token, Map<String, String> values) throws Exception {
    String path = route.path();
    for (var e : values.entrySet()) {
      path = path.replace("{" + e.getKey() + "}", e.getValue());
    }
    path = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    var builder = HttpRequest.newBuilder(new Api(base).uri(path.substring(1))).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json, application/problem+json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    boolean hasBody = route.method().equals("POST") || route.method().equals("PUT");
    String type = route.consumes();
    String body = VALID_BODIES.getOrDefault(route.key(), "{}");
    if (type.startsWith("multipart/")) {
      type = type + "; boundary=routes-it";
      body = "--routes-it\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
          + "Content-Type: text/plain\r\n\r\nhello\r\n--routes-it--\r\n";
    } else if (!type.contains("json") && !type.equals("*/*")) {
      body = "hello";
    }
    builder.method(route.method(), hasBody ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
    if (hasBody) {
      builder.header("Content-Type", type.equals("*/*") ? "application/json" : type);
    }
    return Api.send(builder.build());
  }

  @Test
  void everyNonPublicRouteAnswers401WithoutAValidToken() throws Exception {
    String real = Api.token(TestPlatform.get().keycloakUrl(), "13800000001", PASSWORD);
    String forged = real.substring(0, real.lastIndexOf('.') + 1) + "AAAA" + real.substring(real.lastIndexOf('.') + 5);
    String unsigned = real.substring(0, real.indexOf('.')).isEmpty() ? real
        : Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + real.substring(real.indexOf('.'), real.lastIndexOf('.') + 1);
    String otherAudience = serviceAccountToken();
    String otherIssuer = masterRealmToken();
    String expiring = oneSecondToken("13800000001");
    // taken once the token is here: it was issued before this, however long Keycloak took on a busy machine
    long issued = System.currentTimeMillis();
    Set<String> checked = new TreeSet<>();
    List<String> failures = new ArrayList<>();
    for (Route route : routes()) {
      if (PUBLIC.contains(route.key())) {
        continue;
      }
      Map<String, String> values = Map.of("tenant", "kunshan");
      Map<String, String> tokens = new java.util.LinkedHashMap<>();
      tokens.put("no token", null);
      tokens.put("forged signature", forged);
      tokens.put("alg none", unsigned);
      tokens.put("other audience", otherAudience);
      tokens.put("other issuer", otherIssuer);
      for (var token : tokens.entrySet()) {
        Api.Answer answer = call(route, token.getValue(), values);
        if (answer.status() != 401) {
          failures.add(route.key() + " with " + token.getKey() + ": " + answer.status() + " " + answer.body());
        }
      }
      checked.add(route.key());
    }
    // the token lived one second; the platform allows 30 s of clock skew (mp.jwt.verify.clock.skew)
    Thread.sleep(Math.max(0, issued + 33_000 - System.currentTimeMillis()));
    for (Route route : routes()) {
      if (!PUBLIC.contains(route.key())) {
        Api.Answer answer = call(route, expiring, Map.of("tenant", "kunshan"));
        if (answer.status() != 401) {
          failures.add(route.key() + " with an expired token: " + answer.status() + " " + answer.body());
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(checked.containsAll(Set.of("GET /api/me", "GET /api/tenants/{tenant}/children",
        "POST /api/tenants/{tenant}/staff", "PUT /api/tenants/{tenant}/accounts/phone")), checked.toString());
  }

  @Test
  void everyRouteTakingATenantRefusesAnotherTenantsUsers() throws Exception {
    String keycloak = TestPlatform.get().keycloakUrl();
    Map<String, List<String>> usersOf = Map.of(
        "kunshan", List.of("13800000001", "ks-window-multi", "ks-admin"),
        "siming", List.of("siming-parent", "sm-reviewer", "sm-admin"));
    Map<String, String> otherUserOf = Map.of(
        "kunshan", subject(Api.token(keycloak, "ks-window-huaqiao", PASSWORD)),
        "siming", subject(Api.token(keycloak, "sm-reviewer", PASSWORD)));
    List<String> failures = new ArrayList<>();
    int calls = 0;
    for (Route route : routes()) {
      if (PUBLIC.contains(route.key()) || ANY_SIGNED_IN_USER.contains(route.key()) || !route.path().contains("{")) {
        continue;
      }
      for (String target : List.of("kunshan", "siming")) {
        String caller = target.equals("kunshan") ? "siming" : "kunshan";
        Map<String, String> values = Map.of("tenant", target, "userId", otherUserOf.get(target),
            "kind", "district", "code", target.equals("kunshan") ? "hq" : "zhonghua");
        for (String user : usersOf.get(caller)) {
          Api.Answer answer = call(route, Api.token(keycloak, user, PASSWORD), values);
          calls++;
          if (answer.status() != 403 && answer.status() != 404) {
            failures.add(route.key() + " in " + target + " as " + user + ": " + answer.status() + " " + answer.body());
          }
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(calls > 0);
  }

  /**
   * Within one tenant: every route taking an id of a child, application, document, review task or staff
   * member, called with real ids belonging to the family of 13800000002 in 花桥 (district hq), answers 403 or
   * 404 to another family (13800000001) and to a window reviewer of other districts (ks-window-multi).
   */
  @Test
  void everyRouteTakingAnIdRefusesAnotherFamilyAndAnotherDistrictsReviewer() throws Exception {
    String keycloak = TestPlatform.get().keycloakUrl();
    String owner = Api.token(keycloak, "13800000002", PASSWORD);
    ApplicationsIT applications = new ApplicationsIT();
    applications.base = base;
    String app = applications.newChild(owner);
    String child = app.split("/")[4];
    DocumentsIT documents = new DocumentsIT();
    documents.base = base;
    var uploaded = documents.upload(owner, child, "propertyCertificate", "p.pdf", DocumentsIT.pdf("Routes " + UUID.randomUUID()));
    assertEquals(201, uploaded.status());
    String document = uploaded.json().getString("id");
    applications.fillAllSteps(owner, app);
    assertEquals(200, new Api(base).postEmpty(app + "/submit", owner, "Idempotency-Key", UUID.randomUUID().toString()).status());
    String applicationId = new Api(base).get(app, owner).object().getString("id");
    String window = Api.token(keycloak, "ks-window-huaqiao", PASSWORD);
    String task = new Api(base).get("api/review/tasks?size=100&stage=window", window).object().getJsonArray("items")
        .getValuesAs(JsonObject.class).stream().filter(t -> t.getString("applicationId").equals(applicationId))
        .findFirst().orElseThrow().getString("id");

    Map<String, String> callers = Map.of(
        "another family", Api.token(keycloak, "13800000001", PASSWORD),
        "another district's reviewer", Api.token(keycloak, "ks-window-multi", PASSWORD));
    List<String> failures = new ArrayList<>();
    Set<String> checked = new TreeSet<>();
    for (Route route : routes()) {
      String placeholders = route.path().replace("{tenant}", "");
      if (PUBLIC.contains(route.key()) || ANY_SIGNED_IN_USER.contains(route.key()) || !placeholders.contains("{")) {
        continue;
      }
      String id = route.path().startsWith("/api/review/tasks/") ? task
          : route.path().startsWith("/api/tenants/{tenant}/documents/") ? document
          : UUID.randomUUID().toString();
      Map<String, String> values = Map.of("tenant", "kunshan", "child", child, "id", id, "step", "family",
          "slot", "propertyCertificate", "userId", subject(window), "kind", "district", "code", "hq");
      for (var caller : callers.entrySet()) {
        Api.Answer answer = call(route, caller.getValue(), values);
        if (answer.status() != 403 && answer.status() != 404) {
          failures.add(route.key() + " as " + caller.getKey() + ": " + answer.status() + " " + answer.body());
        }
      }
      checked.add(route.key());
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(checked.containsAll(Set.of("GET /api/tenants/{tenant}/children/{child}/application",
        "GET /api/review/tasks/{id}", "POST /api/review/tasks/{id}/decision",
        "GET /api/tenants/{tenant}/documents/{id}/content", "DELETE /api/tenants/{tenant}/documents/{id}")), checked.toString());
    // and the owner's data is intact: the application is still submitted and the document still there
    assertEquals("SUBMITTED", new Api(base).get(app, owner).object().getString("status"));
    assertEquals(200, documents.get(owner, "api/tenants/kunshan/documents/" + document + "/content").status());
  }

  static String subject(String token) {
    String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    return Json.createReader(new StringReader(payload)).readObject().getString("sub");
  }

  /** A genuine token of Keycloak's master realm: signed by another key, another issuer. */
  static String masterRealmToken() throws Exception {
    String form = "grant_type=password&client_id=admin-cli&username=admin&password="
        + java.net.URLEncoder.encode(TestPlatform.get().keycloakAdminPassword(), StandardCharsets.UTF_8);
    Api.Answer answer = Api.send(HttpRequest.newBuilder(
            java.net.URI.create(TestPlatform.get().keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    assertEquals(200, answer.status(), answer.body());
    return answer.object().getString("access_token");
  }

  /**
   * A genuine civic token of {@code user} that expires one second after it is issued: the test client's
   * access-token lifespan is set to 1 s for the one request, then restored.
   */
  static synchronized String oneSecondToken(String user) throws Exception {
    String admin = masterRealmToken();
    String clients = TestPlatform.get().keycloakUrl() + "/admin/realms/civic/clients";
    JsonObject client = Json.createReader(new StringReader(Api.send(HttpRequest.newBuilder(
            java.net.URI.create(clients + "?clientId=civic-test")).header("Authorization", "Bearer " + admin).GET().build())
        .body())).readArray().getJsonObject(0);
    java.net.URI self = java.net.URI.create(clients + "/" + client.getString("id"));
    JsonObject attributes = client.getJsonObject("attributes");
    JsonObject shortLived = Json.createObjectBuilder(client).add("attributes",
        Json.createObjectBuilder(attributes).add("access.token.lifespan", "1")).build();
    assertEquals(204, Api.send(HttpRequest.newBuilder(self).header("Authorization", "Bearer " + admin)
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(shortLived.toString())).build()).status());
    try {
      return Api.token(TestPlatform.get().keycloakUrl(), user, PASSWORD);
    } finally {
      JsonObject restored = Json.createObjectBuilder(client).add("attributes",
          Json.createObjectBuilder(attributes).add("access.token.lifespan", attributes.getString("access.token.lifespan", ""))).build();
      assertEquals(204, Api.send(HttpRequest.newBuilder(self).header("Authorization", "Bearer " + admin)
          .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(restored.toString())).build()).status());
    }
  }

  /** A genuine token of the civic realm, but for the Admin API (audience not civic-api). */
  static String serviceAccountToken() throws Exception {
    String form = "grant_type=client_credentials&client_id=civic-admin-agent&client_secret=civic-admin-agent-dev-secret";
    Api.Answer answer = Api.send(HttpRequest.newBuilder(
            java.net.URI.create(TestPlatform.get().keycloakUrl() + "/realms/civic/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    assertEquals(200, answer.status(), answer.body());
    return answer.object().getString("access_token");
  }
}
