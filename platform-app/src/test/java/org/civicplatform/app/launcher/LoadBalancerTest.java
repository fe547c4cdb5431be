package org.civicplatform.app.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The run command's nginx in front of two stand-in nodes: one drops every connection after reading the
 * request (a node killed mid-request), the other answers 200 with its name. Which requests the balancer
 * repeats on the other node is the failover rule of {@link LoadBalancer}. Needs nginx (skipped without it;
 * TwoNodesIT, which needs it too, fails instead).
 */
class LoadBalancerTest {

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final String SUBMIT = "/api/tenants/kunshan/children/c1/application/submit";

  static Path dir;
  static ServerSocket dropping;
  static Thread dropper;
  static HttpServer answering;
  static LoadBalancer balancer;
  static final AtomicInteger dropped = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    var nginx = LoadBalancer.findNginx();
    Assumptions.assumeTrue(nginx.isPresent(), "nginx is not installed");
    dir = Files.createTempDirectory("civic-balancer-test");
    dropping = new ServerSocket(0);
    dropper = new Thread(() -> {
      while (!dropping.isClosed()) {
        try (Socket s = dropping.accept()) {
          InputStream in = s.getInputStream();
          byte[] buffer = new byte[8192];
          in.read(buffer); // the request's head: then the node "dies"
          dropped.incrementAndGet();
        } catch (IOException e) {
          // closed
        }
      }
    });
    dropper.setDaemon(true);
    dropper.start();
    answering = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    answering.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] body = ("answered " + exchange.getRequestMethod() + " "
          + exchange.getRequestHeaders().getFirst("X-Forwarded-For")).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    answering.start();
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    balancer = LoadBalancer.start(nginx.get(), port, List.of(dropping.getLocalPort(), answering.getAddress().getPort()),
        dir.resolve("nginx"), dir.resolve("logs/nginx-error.log"));
  }

  @AfterAll
  static void stop() throws IOException {
    if (balancer != null) {
      balancer.close();
    }
    if (answering != null) {
      answering.stop(0);
    }
    if (dropping != null) {
      dropping.close();
    }
    if (dir != null) {
      Folders.deleteRecursively(dir);
    }
  }

  /** Sends the request until the dropping node has received one of them (round robin, 5 s skip after a drop). */
  static List<HttpResponse<String>> untilOneWasDropped(HttpRequest request) throws Exception {
    int before = dropped.get();
    java.util.ArrayList<HttpResponse<String>> answers = new java.util.ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (dropped.get() == before && System.nanoTime() < deadline) {
      answers.add(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
      if (dropped.get() == before) {
        Thread.sleep(300);
      }
    }
    assertTrue(dropped.get() > before, "the dropping node received a request");
    Thread.sleep(LoadBalancer.FAIL_TIMEOUT_SECONDS * 1000L + 200); // the dropping node is back in rotation
    return answers;
  }

  HttpRequest.Builder to(String path) {
    return HttpRequest.newBuilder(URI.create(balancer.url() + path)).timeout(Duration.ofSeconds(10));
  }

  @Test
  void aFinalSubmitWithAnIdempotencyKeyDroppedByOneNodeIsAnsweredByTheOther() throws Exception {
    var answers = untilOneWasDropped(to(SUBMIT).header("Idempotency-Key", "k-1")
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    for (var answer : answers) {
      assertEquals(200, answer.statusCode(), answer.body());
    }
  }

  @Test
  void aFinalSubmitWithoutAnIdempotencyKeyDroppedByOneNodeAnswers502() throws Exception {
    var answers = untilOneWasDropped(to(SUBMIT).POST(HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(502, answers.get(answers.size() - 1).statusCode());
  }

  @Test
  void anyOtherPostDroppedByOneNodeAnswers502() throws Exception {
    var answers = untilOneWasDropped(to("/api/review/tasks/t1/claim").POST(HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(502, answers.get(answers.size() - 1).statusCode());
  }

  @Test
  void aGetDroppedByOneNodeIsAnsweredByTheOther() throws Exception {
    var answers = untilOneWasDropped(to("/api/tenants").GET().build());
    for (var answer : answers) {
      assertEquals(200, answer.statusCode(), answer.body());
    }
  }

  @Test
  void theNodeIsToldTheBalancersPeerNotTheForwardedForTheClientSent() throws Exception {
    var answer = HTTP.send(to("/api/tenants").header("X-Forwarded-For", "203.0.113.9").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    // the dropping node may take it first: then the other one answers it
    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals("answered GET 127.0.0.1", answer.body());
  }
}
