package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The abuse limits end to end (issue 16): SMS codes per client address (SMS pumping), sign-up and
 * recovery attempts per address, counted in PostgreSQL so that every node agrees; the lock of a code
 * after five wrong tries (registration and the Siming submission); Keycloak's brute-force lockout.
 *
 * <p>This deployment trusts this machine's own addresses (where the test client connects from) as a
 * load balancer and lowers the per-address limits to 3 an hour; each test sends from its own {@code
 * X-Forwarded-For} address, so the counts of one test (and of the other ITs, which send without the
 * header) never meet another's.
 */
@ExtendWith(ArquillianExtension.class)
class AbuseLimitsIT {

  static final AtomicInteger ADDRESSES = new AtomicInteger();
  static final String PASSWORD = IdentityIT.PASSWORD;
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of(
        "platform.notifications.outbox-endpoint.enabled", "true",
        "platform.registries.simulated.control-endpoint.enabled", "true",
        "platform.http.trusted-proxies", thisMachine(),
        "platform.registration.limits.sms-per-address", "3/1h",
        "platform.registration.limits.sign-up-per-address", "3/1h",
        "platform.registration.limits.recovery-per-address", "3/1h"));
  }

  @ArquillianResource URL base;

  /**
   * The IPv4 addresses of this machine's interfaces and {@code ::1}: the test connects to the address
   * Arquillian reports (the machine's own, e.g. 192.0.2.2, not loopback), so that is the "balancer"
   * Payara sees. 127.0.0.2 is not among them (lo answers it, but its address is 127.0.0.1).
   */
  static String thisMachine() {
    List<String> addresses = new ArrayList<>(List.of("::1"));
    try {
      for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
          if (address instanceof java.net.Inet4Address) {
            addresses.add(address.getHostAddress());
          }
        }
      }
    } catch (java.net.SocketException e) {
      throw new IllegalStateException(e);
    }
    return String.join(",", addresses);
  }

  /** A client address (documentation range 198.18.0.0/15) no other test of this JVM uses. */
  static String newAddress() {
    int n = ADDRESSES.incrementAndGet();
    return "198.18." + (n / 250) + "." + (1 + n % 250);
  }

  IdentityIT identity() {
    IdentityIT identity = new IdentityIT();
    identity.base = base;
    return identity;
  }

  /** POSTs JSON as a client at {@code address} behind the trusted balancer. */
  HttpResponse<String> post(String path, String token, String json, String address) throws Exception {
    var builder = HttpRequest.newBuilder(new Api(base).uri(path)).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json, application/problem+json").header("X-Forwarded-For", address);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> requestCode(String mobile, String purpose, String address) throws Exception {
    return post("api/tenants/kunshan/accounts/sms-codes", null,
        "{\"mobile\":\"" + mobile + "\",\"purpose\":\"" + purpose + "\"}", address);
  }

  HttpResponse<String> signUp(String mobile, String code, String address) throws Exception {
    return post("api/tenants/kunshan/accounts", null,
        "{\"mobile\":\"" + mobile + "\",\"password\":\"" + PASSWORD + "\",\"code\":\"" + code + "\"}", address);
  }

  static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  static String errorCode(HttpResponse<String> response) {
    return json(response).getJsonArray("errors").getJsonObject(0).getString("code");
  }

  /** Asserts a 429 problem document of {@code type} with a Retry-After in (min, max]; answers the problem. */
  static JsonObject tooMany(HttpResponse<String> response, String type, long min, long max) {
    assertEquals(429, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    JsonObject problem = json(response);
    assertEquals("urn:civic:problem:" + type, problem.getString("type"), response.body());
    long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter > min && retryAfter <= max, "Retry-After " + retryAfter);
    assertFalse(problem.getString("title").isBlank());
    assertFalse(problem.getString("titleEn").isBlank());
    assertFalse(problem.getString("detail").isBlank());
    assertFalse(problem.getString("detailEn").isBlank());
    return problem;
  }

  static String wrong(String right) {
    return right.equals("000000") ? "111111" : "000000";
  }

  /** Moves every earlier code to this number back 61 s, as if a minute had passed. */
  static void aMinutePasses(String mobile) throws Exception {
    IdentityIT.aMinutePasses(mobile);
  }

  // --- SMS codes per number -------------------------------------------------------------------------

  @Test
  void theEleventhCodeToOneNumberWithin24HoursAnswers429WithRetryAfterInChineseAndEnglish() throws Exception {
    String mobile = IdentityIT.freshMobile();
    for (int i = 1; i <= 10; i++) {
      HttpResponse<String> sent = requestCode(mobile, "register", newAddress()); // a new address each time
      assertEquals(202, sent.statusCode(), "code " + i + ": " + sent.body());
      aMinutePasses(mobile);
    }
    // the first code is now 10 × 61 s old: the number may have the next one when it leaves the 24 h window
    JsonObject problem = tooMany(requestCode(mobile, "register", newAddress()), "sms-rate-limited",
        24 * 3600 - 700, 24 * 3600 - 600);
    assertEquals("操作过于频繁", problem.getString("title"));
    assertEquals("Too many requests", problem.getString("titleEn"));
    assertTrue(problem.getString("detail").startsWith("该手机号获取验证码过于频繁（每60秒最多1次、每24小时最多10次），请在约24小时后重试"),
        problem.getString("detail"));
    assertTrue(problem.getString("detailEn").contains("at most 1 per 60 s, 10 per 24 h"), problem.getString("detailEn"));
    assertEquals(10, outboxCount(mobile), "the refused eleventh code was not sent");
  }

  @Test
  void aSecondCodeToOneNumberWithinAMinuteIsRefusedFromAnyAddress() throws Exception {
    String mobile = IdentityIT.freshMobile();
    assertEquals(202, requestCode(mobile, "register", newAddress()).statusCode());
    JsonObject problem = tooMany(requestCode(mobile, "recover", newAddress()), "sms-rate-limited", 0, 60);
    assertTrue(problem.getString("detail").contains("秒后重试"), problem.getString("detail"));
  }

  int outboxCount(String mobile) throws Exception {
    Api.Answer outbox = new Api(base).get("api/dev/sms-outbox?mobile=" + mobile, null);
    assertEquals(200, outbox.status(), outbox.body());
    return Json.createReader(new StringReader(outbox.body())).readArray().size();
  }

  // --- SMS codes per client address ------------------------------------------------------------------

  @Test
  void theFourthCodeFromOneAddressWithinAnHourAnswers429WithRetryAfterInChineseAndEnglish() throws Exception {
    String address = newAddress();
    for (int i = 1; i <= 3; i++) {
      HttpResponse<String> sent = requestCode(IdentityIT.freshMobile(), "register", address);
      assertEquals(202, sent.statusCode(), "code " + i + ": " + sent.body());
    }
    String fourth = IdentityIT.freshMobile();
    JsonObject problem = tooMany(requestCode(fourth, "register", address), "sms-address-rate-limited", 3500, 3600);
    assertTrue(problem.getString("detail").contains("您所在的网络获取验证码过于频繁（每1小时最多3次）"), problem.getString("detail"));
    assertTrue(problem.getString("detailEn").contains("at most 3 per 1 h"), problem.getString("detailEn"));
    assertEquals("操作过于频繁", problem.getString("title"));
    assertEquals("Too many requests", problem.getString("titleEn"));
    Api.Answer outbox = new Api(base).get("api/dev/sms-outbox?mobile=" + fourth, null);
    assertEquals("[]", outbox.body().strip(), "nothing was sent to the fourth number");
  }

  @Test
  void anotherAddressIsNotHeldBackByOneThatReachedItsLimit() throws Exception {
    String busy = newAddress();
    for (int i = 0; i < 3; i++) {
      assertEquals(202, requestCode(IdentityIT.freshMobile(), "register", busy).statusCode());
    }
    assertEquals(429, requestCode(IdentityIT.freshMobile(), "register", busy).statusCode());
    HttpResponse<String> other = requestCode(IdentityIT.freshMobile(), "register", newAddress());
    assertEquals(202, other.statusCode(), other.body());
  }

  @Test
  void everyCodeRequestCountsIncludingRecoveryForNumbersWithoutAnAccount() throws Exception {
    String address = newAddress();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> probe = requestCode(IdentityIT.freshMobile(), "recover", address);
      assertEquals(202, probe.statusCode(), "nothing is sent, nothing is told: " + probe.body());
    }
    tooMany(requestCode(IdentityIT.freshMobile(), "register", address), "sms-address-rate-limited", 3500, 3600);
  }

  @Test
  void aLimitReachedThroughAnotherNodeHoldsHereBecauseTheCountsAreInTheDatabase() throws Exception {
    String address = newAddress();
    // three codes another node sent for this address a minute ago: rows in the shared database
    try (Connection c = TestPlatform.get().database().connect();
        PreparedStatement ps = c.prepareStatement("insert into limit_event (scope, subject, occurred_at)"
            + " values ('sms-per-address', ?, now() - interval '1 minute')")) {
      ps.setString(1, address);
      for (int i = 0; i < 3; i++) {
        ps.executeUpdate();
      }
    }
    tooMany(requestCode(IdentityIT.freshMobile(), "register", address), "sms-address-rate-limited", 3400, 3541);
  }

  @Test
  void concurrentRequestsFromOneAddressNeverGetPastTheLimit() throws Exception {
    String address = newAddress();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String mobile = IdentityIT.freshMobile();
        calls.add(() -> requestCode(mobile, "register", address).statusCode());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(calls)) {
        statuses.add(f.get());
      }
      assertEquals(3, statuses.stream().filter(s -> s == 202).count(), statuses.toString());
      assertEquals(5, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void xForwardedForFromAPeerThatIsNoTrustedProxyIsIgnored() throws Exception {
    // 127.0.0.2 is loopback too but not in platform.http.trusted-proxies: its X-Forwarded-For is not believed,
    // so changing the header on every request does not escape the limit of 127.0.0.2 itself
    for (int i = 0; i < 3; i++) {
      assertEquals(202, fromSecondLoopback(IdentityIT.freshMobile(), newAddress()), "code " + (i + 1));
    }
    assertEquals(429, fromSecondLoopback(IdentityIT.freshMobile(), newAddress()));
  }

  /** A code request over a connection from 127.0.0.2 (Java 17's HttpClient cannot choose its local address). */
  int fromSecondLoopback(String mobile, String forwardedFor) throws IOException {
    byte[] body = ("{\"mobile\":\"" + mobile + "\",\"purpose\":\"register\"}").getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
      socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), base.getPort()), 5000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + base.getPath() + "api/tenants/kunshan/accounts/sms-codes HTTP/1.1\r\n"
          + "Host: 127.0.0.1:" + base.getPort() + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
          + "X-Forwarded-For: " + forwardedFor + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
        line.write(b);
      }
      String status = line.toString(StandardCharsets.US_ASCII); // HTTP/1.1 202 Accepted
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  // --- sign-up and recovery per client address ---------------------------------------------------------

  @Test
  void theFourthSignUpAttemptFromOneAddressWithinAnHourIsRefusedWhateverItCarries() throws Exception {
    String address = newAddress();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> attempt = signUp(IdentityIT.freshMobile(), "123456", address);
      assertEquals(400, attempt.statusCode(), "no code was sent: " + attempt.body());
    }
    // a genuine sign-up with a right code, but from the same address
    String mobile = IdentityIT.freshMobile();
    assertEquals(202, requestCode(mobile, "register", newAddress()).statusCode());
    String code = identity().codeFor(mobile, "REGISTER");
    JsonObject problem = tooMany(signUp(mobile, code, address), "sign-up-rate-limited", 3500, 3600);
    assertTrue(problem.getString("detail").contains("注册"), problem.getString("detail"));
    HttpResponse<String> elsewhere = signUp(mobile, code, newAddress());
    assertEquals(201, elsewhere.statusCode(), "the refused attempt did not spend the code: " + elsewhere.body());
  }

  @Test
  void theFourthRecoveryAttemptFromOneAddressWithinAnHourIsRefused() throws Exception {
    String address = newAddress();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> attempt = post("api/tenants/kunshan/accounts/recovery", null,
          "{\"mobile\":\"" + IdentityIT.freshMobile() + "\",\"code\":\"123456\"}", address);
      assertEquals(400, attempt.statusCode(), attempt.body());
    }
    JsonObject problem = tooMany(post("api/tenants/kunshan/accounts/recovery", null,
        "{\"mobile\":\"" + IdentityIT.freshMobile() + "\",\"code\":\"123456\"}", address), "recovery-rate-limited", 3500, 3600);
    assertTrue(problem.getString("detail").contains("找回报名号和密码"), problem.getString("detail"));
  }

  // --- wrong codes -----------------------------------------------------------------------------------

  @Test
  void fiveWrongCodesLockTheCodeAndTheRightOneIsThenRefusedWithItsOwnMessage() throws Exception {
    String mobile = IdentityIT.freshMobile();
    assertEquals(202, requestCode(mobile, "register", newAddress()).statusCode());
    String right = identity().codeFor(mobile, "REGISTER");
    // each try from another address: the lock is the code's, not the address's
    for (int i = 1; i <= 4; i++) {
      HttpResponse<String> answer = signUp(mobile, wrong(right), newAddress());
      assertEquals(400, answer.statusCode(), answer.body());
      assertEquals("code.wrong", errorCode(answer));
      assertTrue(json(answer).getJsonArray("errors").getJsonObject(0).getString("message").contains("还可尝试" + (5 - i) + "次"));
    }
    HttpResponse<String> fifth = signUp(mobile, wrong(right), newAddress());
    JsonObject exhausted = tooMany(fifth, "sms-code-attempts", 0, 60);
    assertEquals("code.exhausted", errorCode(fifth));
    assertTrue(exhausted.getString("detail").contains("已连续输错5次"), exhausted.getString("detail"));

    HttpResponse<String> rightAfterwards = signUp(mobile, right, newAddress());
    JsonObject locked = tooMany(rightAfterwards, "sms-code-locked", 0, 60);
    assertEquals("code.locked", errorCode(rightAfterwards));
    assertTrue(locked.getString("detail").contains("即使输入正确也无法使用。请重新获取验证码"), locked.getString("detail"));
    assertTrue(locked.getString("detailEn").contains("Request a new code"), locked.getString("detailEn"));

    aMinutePasses(mobile);
    assertEquals(202, requestCode(mobile, "register", newAddress()).statusCode());
    HttpResponse<String> fresh = signUp(mobile, identity().codeFor(mobile, "REGISTER"), newAddress());
    assertEquals(201, fresh.statusCode(), "a new code works: " + fresh.body());
  }

  @Test
  void aSubmissionCodeIsLockedAfterFiveWrongTriesAndNothingIsSubmitted() throws Exception {
    SimingApplicationIT siming = new SimingApplicationIT();
    siming.base = base;
    String id = siming.registryChild("陈七星", "CHEN QI XING", "2018-05-20", "M", SimingApplicationIT.LIANQIAN);
    String app = siming.newChild("陈七星", id);
    String phone = SimingFlow.newPhone();
    siming.fill(app, SimingApplicationIT.students(SimingApplicationIT.entry(id, "陈七星", "CHEN QI XING", "2018-05-20", "M",
        SimingApplicationIT.LIANQIAN, "lianqian", "NON_COLLECTIVE", false)), SimingApplicationIT.guardians(phone),
        SimingApplicationIT.PURCHASE);
    String parent = SimingApplicationIT.parent();
    assertEquals(200, new Api(base).postEmpty(app + "/confirmation-code", parent, "X-Forwarded-For", newAddress()).status());
    String right = SimingFlow.codeSentTo(new Api(base), phone);
    String key = UUID.randomUUID().toString();
    for (int i = 1; i <= 4; i++) {
      assertEquals(400, submit(app, parent, wrong(right)).statusCode());
    }
    assertEquals("code.exhausted", errorCode(submit(app, parent, wrong(right))));
    HttpResponse<String> locked = submit(app, parent, right);
    tooMany(locked, "sms-code-locked", 0, 60);
    assertEquals("confirmationCode", json(locked).getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals("DRAFT", new Api(base).get(app, parent).object().getString("status"), "nothing submitted");

    aMinutePasses(phone);
    assertEquals(200, new Api(base).postEmpty(app + "/confirmation-code", parent, "X-Forwarded-For", newAddress()).status());
    Api.Answer submitted = new Api(base).post(app + "/submit", parent,
        "{\"confirmationCode\": \"" + SimingFlow.codeSentTo(new Api(base), phone) + "\"}", "Idempotency-Key", key);
    assertEquals(200, submitted.status(), "a new code submits: " + submitted.body());
  }

  HttpResponse<String> submit(String app, String token, String code) throws Exception {
    var request = HttpRequest.newBuilder(new Api(base).uri(app + "/submit")).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString("{\"confirmationCode\": \"" + code + "\"}")).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  // --- Keycloak ----------------------------------------------------------------------------------------

  @Test
  void keycloakLocksAParentOutAfterFiveWrongPasswordsAndThenRefusesTheRightOneToo() throws Exception {
    String mobile = IdentityIT.freshMobile();
    assertEquals(202, requestCode(mobile, "register", newAddress()).statusCode());
    assertEquals(201, signUp(mobile, identity().codeFor(mobile, "REGISTER"), newAddress()).statusCode());
    String keycloak = TestPlatform.get().keycloakUrl();
    String userId = IdentityIT.claims(Api.token(keycloak, mobile, PASSWORD)).getString("sub");
    for (int i = 1; i <= 4; i++) {
      Thread.sleep(1_100); // slower than Keycloak's quick-login check (1 s): the failure count is what locks
      assertThrows(IOException.class, () -> Api.token(keycloak, mobile, "Wrong#2024x"));
    }
    assertFalse(bruteForceStatus(userId).getBoolean("disabled"), "four failures do not lock yet");
    Thread.sleep(1_100);
    assertThrows(IOException.class, () -> Api.token(keycloak, mobile, "Wrong#2024x"));
    JsonObject status = bruteForceStatus(userId);
    assertTrue(status.getBoolean("disabled"), status.toString());
    assertEquals(5, status.getInt("numFailures"), status.toString());
    IOException refused = assertThrows(IOException.class, () -> Api.token(keycloak, mobile, PASSWORD));
    assertTrue(refused.getMessage().contains("invalid_grant"), refused.getMessage());
  }

  @Test
  void everyRealmOfThePlatformHasBruteForceDetectionOnAsReadThroughTheAdminApi() throws Exception {
    String admin = RoutesIT.masterRealmToken();
    Api.Answer realms = Api.send(HttpRequest.newBuilder(java.net.URI.create(TestPlatform.get().keycloakUrl()
        + "/admin/realms")).header("Authorization", "Bearer " + admin).GET().build());
    assertEquals(200, realms.status(), realms.body());
    List<String> checked = new ArrayList<>();
    for (jakarta.json.JsonValue value : Json.createReader(new StringReader(realms.body())).readArray()) {
      JsonObject realm = value.asJsonObject();
      String name = realm.getString("realm");
      if (name.equals("master")) {
        continue; // Keycloak's own administration realm, not one of keycloak-realm's files
      }
      assertTrue(realm.getBoolean("bruteForceProtected", false), name + ": brute-force detection on");
      assertFalse(realm.getBoolean("permanentLockout", true), name + ": never a permanent lockout");
      assertEquals(5, realm.getInt("failureFactor"), name);
      assertEquals(60, realm.getInt("waitIncrementSeconds"), name);
      assertEquals(900, realm.getInt("maxFailureWaitSeconds"), name);
      checked.add(name);
    }
    java.util.Collections.sort(checked);
    assertEquals(List.of("civic", "ixiamen"), checked, "the realms of keycloak-realm/realms/demo");
  }

  /** Keycloak's brute-force record of a user (Admin API, master realm admin). */
  static JsonObject bruteForceStatus(String userId) throws Exception {
    String admin = RoutesIT.masterRealmToken();
    Api.Answer answer = Api.send(HttpRequest.newBuilder(java.net.URI.create(TestPlatform.get().keycloakUrl()
            + "/admin/realms/civic/attack-detection/brute-force/users/" + userId))
        .header("Authorization", "Bearer " + admin).GET().build());
    assertEquals(200, answer.status(), answer.body());
    return answer.object();
  }
}
