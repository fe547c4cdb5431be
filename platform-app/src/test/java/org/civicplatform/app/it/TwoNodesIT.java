package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicplatform.app.launcher.LoadBalancer;
import org.civicplatform.app.launcher.PayaraServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two platform nodes behind the run command's nginx ({@link LoadBalancer}), sharing one PostgreSQL and one
 * Keycloak: node A is Arquillian's deployment, node B a second Payara Micro started with the launcher's
 * {@link PayaraServer} on the same database. Everything goes through the balancer unless a test needs one
 * node. The last test kills node B with {@code kill -9}, so the order is fixed.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

  static final String PARENT = "13800000002";
  /** Applications submitted through the balancer in the kill test; node B dies after {@link #KILL_AFTER}. */
  static final int SUBMITS = 30;
  static final int KILL_AFTER = 8;
  static final int CLIENTS = 4;

  /** Node A's and node B's settings: the balancer is a trusted proxy (X-Forwarded-For names the client). */
  static final Map<String, String> SETTINGS = Map.of("platform.demo-data.enabled", "true",
      "platform.notifications.outbox-endpoint.enabled", "true", "platform.http.trusted-proxies", "127.0.0.1");

  /** At the root context, as node B and the run command's nodes: the balancer sends the same path to both. */
  @Deployment(testable = false)
  static WebArchive deployment() {
    return org.jboss.shrinkwrap.api.ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(TestPlatform.get().war(SETTINGS));
  }

  @ArquillianResource URL base;

  static PayaraServer nodeB;
  static LoadBalancer balancer;
  static Path work;

  /** Starts node B and the balancer once (node A is the deployment at {@code base}). */
  void twoNodes() throws Exception {
    if (balancer != null) {
      return;
    }
    Path nginx = LoadBalancer.findNginx().orElseThrow(() -> new IllegalStateException(
        "the two-node test needs nginx (Debian: apt-get install nginx-light; .ci/run installs it)"));
    work = Files.createDirectories(TestPlatform.get().dataDir().resolve("two-nodes"));
    nodeB = PayaraServer.start(Path.of(System.getProperty("payara.micro.jar")), Path.of(System.getProperty("civic.war")),
        TestPlatform.freePort(), work.resolve("run/payara-b"), TestPlatform.get().config(SETTINGS),
        work.resolve("logs/payara-b.log"));
    balancer = LoadBalancer.start(nginx, TestPlatform.freePort(), List.of(base.getPort(), port(nodeB.url())),
        work.resolve("run/nginx"), work.resolve("logs/nginx-error.log"));
  }

  @AfterAll
  static void stop() {
    if (balancer != null) {
      balancer.close();
    }
    if (nodeB != null) {
      nodeB.close();
    }
  }

  static int port(String url) {
    return URI.create(url).getPort();
  }

  Api nodeA() {
    return new Api(base);
  }

  Api nodeB() throws IOException {
    return new Api(URI.create(nodeB.url() + "/").toURL());
  }

  Api viaBalancer() throws IOException {
    return new Api(URI.create(balancer.url() + "/").toURL());
  }

  @Test
  @Order(1)
  void anAdministratorsChangeOnOneNodeIsServedByTheOtherNodeAtOnce() throws Exception {
    twoNodes();
    String admin = ReviewIT.token("ks-admin");
    // rule parameters: stored through node A, read through node B (a year no other test uses)
    String rules = "api/tenants/kunshan/rules/2037";
    JsonObject before = nodeB().get(rules, admin).object();
    Api.Answer stored = nodeA().put(rules, admin, before.getJsonObject("parameters").toString(),
        "If-Match", "\"" + before.getString("version") + "\"");
    assertEquals(200, stored.status(), stored.body());
    String version = stored.object().getString("version");
    assertFalse(version.equals(before.getString("version")), stored.body());
    assertEquals(version, nodeB().get(rules, admin).object().getString("version"), "node B serves node A's version");

    // a school's zone: changed through node B, recommended through node A (and put back afterwards)
    String schoolPath = "api/tenants/kunshan/admin/schools/ks-lujia-shage";
    JsonObject school = nodeA().get(schoolPath, admin).object();
    String marker = "双节点" + UUID.randomUUID().toString().substring(0, 4) + "花园";
    List<String> zone = new ArrayList<>(school.getJsonArray("zone").getValuesAs(jakarta.json.JsonString.class)
        .stream().map(jakarta.json.JsonString::getString).toList());
    List<String> changedZone = new ArrayList<>(zone);
    changedZone.add(marker);
    Api.Answer changed = nodeB().put(schoolPath, admin, "{\"zone\": " + json(changedZone) + "}",
        "If-Match", "\"" + school.getJsonNumber("version").longValue() + "\"");
    assertEquals(200, changed.status(), changed.body());
    try {
      JsonObject onA = nodeA().get(schoolPath, admin).object();
      assertEquals(changed.object().getJsonNumber("version").longValue(), onA.getJsonNumber("version").longValue());
      assertTrue(onA.getJsonArray("zone").toString().contains(marker), onA.toString());
    } finally {
      Api.Answer restored = nodeA().put(schoolPath, admin, "{\"zone\": " + json(zone) + "}",
          "If-Match", "\"" + changed.object().getJsonNumber("version").longValue() + "\"");
      assertEquals(200, restored.status(), restored.body());
    }
  }

  @Test
  @Order(2)
  void twoReviewersClaimingOneTaskOnTwoNodesGetOne200AndOne409AndNoStackTraceIsLogged() throws Exception {
    twoNodes();
    ReviewIT review = new ReviewIT();
    review.base = URI.create(balancer.url() + "/").toURL();
    String app = review.submittedApplication();
    String claim = "api/review/tasks/" + windowTask(review.applicationId(app)) + "/claim";
    String huaqiao = ReviewIT.token("ks-window-huaqiao");
    String admin = ReviewIT.token("ks-admin");
    Path logB = nodeB.log();
    Path logA = TestPlatform.get().dataDir().resolve("console.log");
    long fromA = Files.size(logA);
    long fromB = Files.size(logB);

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService two = Executors.newFixedThreadPool(2);
    Future<Api.Answer> onA = two.submit(() -> {
      start.await();
      return nodeA().post(claim, huaqiao, "");
    });
    Future<Api.Answer> onB = two.submit(() -> {
      start.await();
      return nodeB().post(claim, admin, "");
    });
    start.countDown();
    List<Integer> statuses = new ArrayList<>(List.of(onA.get(60, TimeUnit.SECONDS).status(),
        onB.get(60, TimeUnit.SECONDS).status()));
    two.shutdown();
    Collections.sort(statuses);
    assertEquals(List.of(200, 409), statuses, "one claim wins, the other is told it lost");

    Thread.sleep(2000); // node A's output reaches console.log through Arquillian's forwarding
    String logged = tail(logA, fromA) + tail(logB, fromB);
    assertFalse(logged.contains("EclipseLink-5006") || logged.contains("Local Exception Stack")
        || logged.contains("at org.eclipse.persistence"), "a losing claim is no stack trace:\n" + logged);
  }

  @Test
  @Order(3)
  void everySubmitAcknowledgedThroughTheBalancerIsStoredOnceWhenANodeIsKilledMidwayAndTheAuditChainStaysIntact()
      throws Exception {
    twoNodes();
    String token = ReviewIT.token(PARENT);
    ApplicationsIT prepare = new ApplicationsIT();
    prepare.base = URI.create(balancer.url() + "/").toURL();
    List<String> apps = new ArrayList<>();
    for (int i = 0; i < SUBMITS; i++) {
      String app = prepare.newChild(token);
      prepare.fillAllSteps(token, app);
      apps.add(app);
    }
    long noticesBefore = ConcurrentSubmitsIT.submittedNotices();
    long accessFrom = Files.size(work.resolve("logs/nginx-access.log"));

    // each client submits its applications once, each with its own Idempotency-Key, and sends the same key
    // again on a 5xx or a broken connection, as the browser does
    ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(apps);
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    AtomicInteger failures = new AtomicInteger();
    List<String> refused = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch killNow = new CountDownLatch(KILL_AFTER);
    Api api = viaBalancer();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      running.add(clients.submit(() -> {
        for (String app; (app = queue.poll()) != null; ) {
          String key = UUID.randomUUID().toString();
          for (int attempt = 1; attempt <= 20 && !acknowledged.containsKey(app); attempt++) {
            try {
              Api.Answer answer = api.postEmpty(app + "/submit", token, "Idempotency-Key", key);
              if (answer.status() == 200) {
                acknowledged.put(app, answer.object().getString("id"));
                killNow.countDown();
              } else if (answer.status() >= 500) {
                failures.incrementAndGet();
                Thread.sleep(500);
              } else {
                refused.add(answer.status() + " " + answer.body());
                break;
              }
            } catch (IOException e) {
              failures.incrementAndGet();
              Thread.sleep(500);
            }
          }
        }
        return null;
      }));
    }
    assertTrue(killNow.await(120, TimeUnit.SECONDS), "the first submits were acknowledged");
    int port = port(nodeB.url());
    ProcessHandle.of(nodeB.pid()).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL: no shutdown at all
    int atKill = acknowledged.size();
    for (Future<?> client : running) {
      client.get(180, TimeUnit.SECONDS);
    }
    clients.shutdown();
    assertFalse(nodeB.isAlive(), "node B was killed");

    assertEquals(List.of(), refused, "no submit was refused");
    assertEquals(SUBMITS, acknowledged.size(), "every application was acknowledged (after the kill at " + atKill + ")");
    for (String id : acknowledged.values()) {
      assertEquals(1, ApplicationsIT.versionsInDatabase(id), "application " + id + " is stored exactly once");
    }
    assertEquals(noticesBefore + SUBMITS, ConcurrentSubmitsIT.submittedNotices(), "one SMS notice per submission");
    // the balancer sent submits to both nodes before the kill and failed over without the clients noticing
    List<String> submitLines = tail(work.resolve("logs/nginx-access.log"), accessFrom).lines()
        .filter(l -> l.contains("/submit ")).toList();
    assertTrue(submitLines.stream().anyMatch(l -> l.contains("127.0.0.1:" + port + " ") && l.contains("\" 200 ")),
        "node B answered submits before it was killed:\n" + String.join("\n", submitLines));
    assertEquals(0, failures.get(), "the balancer hid node B's death from the clients:\n" + String.join("\n", submitLines));

    JsonObject verdict = api.get("api/audit/verify", ReviewIT.token("platform-admin")).object();
    assertTrue(verdict.getBoolean("intact"), verdict.toString());
  }

  /** The window task of an application (from the database: the queue lists the oldest 100 first). */
  static String windowTask(String applicationId) throws Exception {
    try (java.sql.Connection c = TestPlatform.get().database().connect();
        java.sql.PreparedStatement ps = c.prepareStatement(
            "select cast(id as varchar) from review_task where application_id = ?::uuid and stage_id = 'window'")) {
      ps.setString(1, applicationId);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "the application has a window task");
        return rs.getString(1);
      }
    }
  }

  static String tail(Path file, long from) throws IOException {
    byte[] all = Files.readAllBytes(file);
    return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from), StandardCharsets.UTF_8);
  }

  static String json(List<String> values) {
    var array = org.civicplatform.spi.json.Jsons.createArrayBuilder();
    values.forEach(array::add);
    return array.build().toString();
  }
}
