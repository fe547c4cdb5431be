import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.civicplatform.app.launcher.EmbeddedDatabase;
import org.civicplatform.app.launcher.Folders;
import org.civicplatform.app.launcher.KeycloakServer;
import org.civicplatform.app.launcher.PayaraServer;
import org.civicplatform.spi.rules.checks.IdNumbers;

/**
 * Fault drill (issue 16): starts its own PostgreSQL, Keycloak and Payara Micro (the launcher's classes,
 * fresh data), prepares N complete Kunshan applications through the API, then submits each once with an
 * Idempotency-Key, retrying with the same key on 503, connection errors and timeouts, while
 * (a) PostgreSQL is crashed and restarted (pg_ctl restart -m immediate), (b) Payara Micro is killed with
 * kill -9 and started again, (c) Keycloak is stopped for 30 s and started again. Afterwards PostgreSQL is
 * asked whether every acknowledged submission is stored exactly once. Only localhost; bounded in count and
 * time; stops everything it started.
 *
 * <p>Usage: {@code bench/faults [--quick] [--applications=N] [--clients=N]}
 */
public class FaultDrill {

  static final String TENANT = "api/tenants/kunshan";
  static final String PASSWORD = "Demo#2024";
  static final List<String> PARENTS = List.of("13800000001", "13800000002");

  final int applications;
  final int clients;
  final Duration submitWindow;
  final Duration deadline;
  final Path data;
  final int appPort;
  final int keycloakPort;
  final int dbPort;
  final Properties paths = new Properties();
  final Map<String, String> payaraConfig = new LinkedHashMap<>();
  final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  EmbeddedDatabase db;
  volatile KeycloakServer keycloak;
  volatile PayaraServer payara;
  String base;
  String keycloakUrl;
  final Map<String, Parent> parents = new LinkedHashMap<>();

  // what the clients saw
  final AtomicInteger acknowledged = new AtomicInteger();
  final AtomicInteger errors5xx = new AtomicInteger();
  final AtomicInteger unavailable503 = new AtomicInteger();
  final AtomicInteger without503Header = new AtomicInteger();
  final AtomicInteger connectionErrors = new AtomicInteger();
  final AtomicInteger timeouts = new AtomicInteger();
  final AtomicInteger unauthorized = new AtomicInteger();
  final AtomicInteger conflicts = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();
  final AtomicInteger retries = new AtomicInteger();
  final AtomicLong slowestMillis = new AtomicLong();
  /** Every answer status the submitters saw, with how often (the 5xx and 4xx behind the totals). */
  final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  final Map<String, String> acknowledgedIds = new ConcurrentHashMap<>(); // child id → application id
  final List<String> notes = new CopyOnWriteArrayList<>();
  final List<String> readiness = new CopyOnWriteArrayList<>();
  final List<Fault> faults = new CopyOnWriteArrayList<>();

  record Prepared(String parent, String childId) {}

  record Fault(String name, long startMillis, long endMillis) {}

  FaultDrill(String[] args) throws IOException {
    boolean quick = List.of(args).contains("--quick");
    int n = quick ? 1000 : 10000;
    int c = 8;
    for (String a : args) {
      if (a.startsWith("--applications=")) {
        n = Integer.parseInt(a.substring("--applications=".length()));
      } else if (a.startsWith("--clients=")) {
        c = Integer.parseInt(a.substring("--clients=".length()));
      } else if (!a.equals("--quick")) {
        throw new IllegalArgumentException("unknown argument " + a + " (use --quick, --applications=N, --clients=N)");
      }
    }
    if (n < 1 || n > 50000 || c < 1 || c > 16) {
      throw new IllegalArgumentException("applications 1–50000, clients 1–16");
    }
    applications = n;
    clients = c;
    submitWindow = Duration.ofSeconds(quick ? 180 : 300);
    deadline = Duration.ofMinutes(quick ? 15 : 60);
    data = Path.of(env("FAULTS_DATA_DIR", "target/faults")).toAbsolutePath();
    appPort = Integer.parseInt(env("APP_PORT", "8080"));
    keycloakPort = Integer.parseInt(env("KEYCLOAK_PORT", "8180"));
    dbPort = Integer.parseInt(env("DB_PORT", "15432"));
    try (InputStream in = FaultDrill.class.getClassLoader().getResourceAsStream("launcher.properties")) {
      paths.load(in);
    }
  }

  static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  public static void main(String[] args) throws Exception {
    FaultDrill drill = new FaultDrill(args);
    Runtime.getRuntime().addShutdownHook(new Thread(drill::stopAll, "drill-stop"));
    int exit;
    try {
      exit = drill.run();
    } catch (Exception e) {
      say("drill failed: " + e);
      e.printStackTrace();
      exit = 2;
    }
    drill.stopAll();
    System.exit(exit);
  }

  static void say(String line) {
    System.out.println("[faults " + DateTimeFormatter.ISO_LOCAL_TIME.format(java.time.LocalTime.now()).substring(0, 8) + "] " + line);
  }

  int run() throws Exception {
    long t0 = System.nanoTime();
    say("applications=" + applications + " clients=" + clients + " data=" + data);
    startPlatform();
    say(String.format("platform up in %.1f s", (System.nanoTime() - t0) / 1e9));
    for (String p : PARENTS) {
      parents.put(p, new Parent(p));
    }
    long tPrep = System.nanoTime();
    List<Prepared> prepared = prepare();
    double prepSeconds = (System.nanoTime() - tPrep) / 1e9;
    say(String.format("prepared %d applications in %.1f s (%.1f/s)", prepared.size(), prepSeconds, prepared.size() / prepSeconds));

    long tSubmit = System.nanoTime();
    Thread poller = new Thread(this::pollReadiness, "readiness");
    poller.setDaemon(true);
    poller.start();
    Thread injector = new Thread(this::injectFaults, "faults");
    injector.start();
    submitAll(prepared);
    double submitSeconds = (System.nanoTime() - tSubmit) / 1e9;
    injector.join(TimeUnit.MINUTES.toMillis(10));
    awaitReady(Duration.ofMinutes(3));
    stopPolling = true;
    poller.join(2000);

    Verdict v = verify(prepared);
    boolean readyOk = readinessRecovered();
    say(String.format("submitted in %.1f s; %d retries; slowest answer %d ms", submitSeconds, retries.get(), slowestMillis.get()));
    for (Fault f : faults) {
      say("fault " + f.name() + ": " + (f.endMillis() - f.startMillis()) + " ms until ready again");
    }
    say("readiness: " + String.join(" → ", readiness));
    notes.forEach(n -> say("note: " + n));
    System.out.println("DETAIL faults unavailable503=" + unavailable503 + " without-retry-after=" + without503Header
        + " connection-errors=" + connectionErrors + " timeouts=" + timeouts + " unauthorized=" + unauthorized
        + " conflicts=" + conflicts + " refused=" + refused + " stored-unacknowledged=" + v.storedUnacknowledged
        + " readiness-down-up=" + (readyOk ? "yes" : "NO") + " prepare-s=" + Math.round(prepSeconds)
        + " submit-s=" + Math.round(submitSeconds) + " statuses=" + new java.util.TreeMap<>(statuses));
    System.out.println("RESULT faults acknowledged=" + acknowledged + " lost=" + v.lost + " duplicated=" + v.duplicated
        + " errors5xx=" + errors5xx);
    boolean ok = v.lost == 0 && v.duplicated == 0 && errors5xx.get() == 0 && timeouts.get() == 0
        && without503Header.get() == 0 && readyOk && acknowledged.get() == applications;
    return ok ? 0 : 1;
  }

  // ---------------------------------------------------------------- platform (the launcher's classes)

  void startPlatform() throws Exception {
    Files.createDirectories(data.resolve("logs"));
    // fresh data each run: the calendar is placed around the day the demo data is loaded
    Folders.deleteRecursively(data.resolve("postgres"));
    // Keycloak keeps its data in this PostgreSQL (its keycloak database), so it is fresh too: the demo
    // realms are imported again; Keycloak's unpacked distribution is kept between runs
    say("starting PostgreSQL on " + dbPort);
    db = EmbeddedDatabase.start(data.resolve("postgres"), dbPort);
    say("starting Keycloak on " + keycloakPort);
    try {
      startKeycloak();
    } catch (IOException e) {
      // the first start builds Keycloak (augmentation) and imports the realms: on a busy machine this can
      // take longer than the launcher waits; the second start reuses both
      say("Keycloak did not start in time (" + e.getMessage() + "); trying once more");
      startKeycloak();
    }
    keycloakUrl = keycloak.url();
    payaraConfig.put("platform.demo-data.enabled", "true");
    payaraConfig.put("platform.notifications.outbox-endpoint.enabled", "true");
    payaraConfig.putAll(db.platformConfig());
    Folders.deleteRecursively(data.resolve("audit")); // the checkpoints of a former run's chain
    payaraConfig.put("platform.audit.checkpoint-dir", data.resolve("audit").toString());
    payaraConfig.put("keycloak.url", keycloakUrl);
    say("starting Payara Micro on " + appPort);
    startPayara("payara.log");
    base = payara.url() + "/";
  }

  void startKeycloak() throws Exception {
    keycloak = KeycloakServer.start(Path.of(paths.getProperty("keycloak.dist.zip")), data.resolve("keycloak"),
        keycloakPort, "realms/demo", "drill-admin", "http://localhost:" + appPort, db.keycloakStore(),
        data.resolve("logs/keycloak-" + System.currentTimeMillis() + ".log"));
  }

  void startPayara(String log) throws Exception {
    payara = PayaraServer.start(Path.of(paths.getProperty("payara.micro.jar")), Path.of(paths.getProperty("war")),
        appPort, data.resolve("run/payara"), payaraConfig, data.resolve("logs/" + log));
  }

  private volatile boolean stopped;

  synchronized void stopAll() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (payara != null) {
      payara.close();
    }
    if (keycloak != null) {
      keycloak.close();
    }
    if (db != null) {
      try {
        db.close();
      } catch (IOException e) {
        say("while stopping PostgreSQL: " + e);
      }
    }
  }

  // ---------------------------------------------------------------- faults

  void injectFaults() {
    try {
      long t = System.currentTimeMillis();
      Thread.sleep(8000);
      long start = System.currentTimeMillis();
      say("FAULT a: PostgreSQL immediate shutdown and restart (pg_ctl restart -m immediate)");
      db.restartImmediately(data.resolve("logs/postgres-restart.log"));
      awaitReady(Duration.ofMinutes(2));
      faults.add(new Fault("a postgres-restart", start, System.currentTimeMillis()));
      Thread.sleep(10000);

      start = System.currentTimeMillis();
      long pid = payara.pid();
      say("FAULT b: kill -9 " + pid + " (Payara Micro)");
      Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
      kill.waitFor();
      while (payara.isAlive()) {
        Thread.sleep(50);
      }
      say("Payara Micro killed; starting it again");
      startPayara("payara-after-kill.log");
      awaitReady(Duration.ofMinutes(2));
      faults.add(new Fault("b payara-kill-9", start, System.currentTimeMillis()));
      Thread.sleep(10000);

      start = System.currentTimeMillis();
      say("FAULT c: Keycloak stopped for 30 s");
      KeycloakServer old = keycloak;
      old.close();
      Thread.sleep(30000);
      say("starting Keycloak again");
      startKeycloak();
      awaitReady(Duration.ofMinutes(2));
      faults.add(new Fault("c keycloak-30s", start, System.currentTimeMillis()));
      say("all faults done after " + (System.currentTimeMillis() - t) / 1000 + " s");
    } catch (Exception e) {
      notes.add("fault injection failed: " + e);
      e.printStackTrace();
    }
  }

  private volatile boolean stopPolling;
  private volatile String lastReady = "";

  /** Polls /health/ready and records every change (UP, DOWN with the failing checks, unreachable). */
  void pollReadiness() {
    while (!stopPolling) {
      String state;
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "health/ready"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        JsonObject o = Json.createReader(new StringReader(r.body())).readObject();
        state = o.getString("status", "?");
        if (!"UP".equals(state)) {
          List<String> down = new ArrayList<>();
          o.getJsonArray("checks").forEach(c -> {
            JsonObject check = c.asJsonObject();
            if (!"UP".equals(check.getString("status", ""))) {
              down.add(check.getString("name", "?"));
            }
          });
          state = state + down;
        }
      } catch (HttpTimeoutException e) {
        state = "TIMEOUT";
      } catch (IOException | RuntimeException e) {
        state = "UNREACHABLE";
      } catch (InterruptedException e) {
        return;
      }
      if (!state.equals(lastReady)) {
        lastReady = state;
        readiness.add(state + "@" + Instant.now().toString().substring(11, 19));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Each fault saw readiness leave UP (DOWN naming the dependency, or unreachable) and come back UP. */
  boolean readinessRecovered() {
    String timeline = String.join(" ", readiness);
    boolean db = timeline.contains("[database]");
    boolean node = timeline.contains("UNREACHABLE");
    boolean kc = timeline.contains("[keycloak]");
    if (!db) {
      notes.add("readiness never reported the database DOWN (the restart may have been shorter than a poll)");
    }
    if (!kc) {
      notes.add("readiness never reported Keycloak DOWN");
    }
    return db && node && kc && lastReady.equals("UP");
  }

  void awaitReady(Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < end) {
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "health/ready"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not yet
      }
      Thread.sleep(200);
    }
    notes.add("not ready within " + max);
  }

  // ---------------------------------------------------------------- parents and tokens

  final class Parent {
    final String username;
    volatile String token;
    volatile long fetched;
    final String guardianId;

    Parent(String username) {
      this.username = username;
      this.guardianId = id(LocalDate.of(1985, 6, 15), 900 + parents.size(), "320583");
    }

    /** A token younger than a minute (tokens live 5 min): kept when Keycloak cannot be reached. */
    synchronized String token() {
      if (token == null || System.currentTimeMillis() - fetched > 60_000) {
        try {
          String form = "grant_type=password&client_id=civic-test&username=" + username + "&password="
              + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                  URI.create(keycloakUrl + "/realms/civic/protocol/openid-connect/token"))
              .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200) {
            token = Json.createReader(new StringReader(r.body())).readObject().getString("access_token");
            fetched = System.currentTimeMillis();
          } else if (token == null) {
            throw new IllegalStateException("token for " + username + ": " + r.statusCode() + " " + r.body());
          }
        } catch (IOException e) {
          if (token == null) {
            throw new IllegalStateException("no token for " + username + ": " + e);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return token;
    }

    synchronized void forget() {
      fetched = 0;
    }
  }

  /** A valid mainland ID number (GB 11643 check digit). */
  static String id(LocalDate birth, int serial, String area) {
    String first17 = area + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", serial % 1000);
    return first17 + IdNumbers.checkCharacter(first17);
  }

  /** The n-th child's ID number: born between 2017-09-01 and 2018-08-31 (primary school age in 2024). */
  static String childId(int n) {
    LocalDate birth = LocalDate.of(2017, 9, 1).plusDays(n % 365);
    return id(birth, n / 365, "320585");
  }

  // ---------------------------------------------------------------- HTTP

  record Answer(int status, String body, String retryAfter, long millis) {
    JsonObject object() {
      return Json.createReader(new StringReader(body)).readObject();
    }
  }

  Answer send(String method, String path, String token, String json, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    long t = System.nanoTime();
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    long ms = (System.nanoTime() - t) / 1_000_000;
    slowestMillis.accumulateAndGet(ms, Math::max);
    return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null), ms);
  }

  // ---------------------------------------------------------------- preparation

  static String family(String phone, String studentId, String guardianId) {
    String birth = LocalDate.parse(studentId.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE).toString();
    return """
        {"student": {"name": "王小明", "gender": "M", "idType": "MAINLAND_ID", "idNumber": "%s",
                     "birthDate": "%s", "ethnicity": "汉族", "hasSchoolRecord": false,
                     "householdAddress": "安徽省合肥市蜀山区长江西路1号"},
         "guardian1": {"relation": "FATHER", "name": "王军", "phone": "%s", "idType": "MAINLAND_ID",
                       "idNumber": "%s", "employer": "昆山花桥某公司", "householdAddress": "安徽省合肥市蜀山区长江西路1号",
                       "currentAddress": "花桥镇绿地大道100号", "district": "hq"},
         "guardian2": {"relation": "NONE"}}""".formatted(studentId, birth, phone, guardianId);
  }

  static final Map<String, String> OTHER_STEPS = new LinkedHashMap<>();

  static {
    OTHER_STEPS.put("subject", "{\"subject\": {\"guardian\": \"guardian1\"}, \"education\": {\"level\": \"NONE\"},"
        + " \"vocational\": {\"level\": \"NONE\"}, \"title\": {\"level\": \"NONE\"}, \"residencePermit\": {}}");
    OTHER_STEPS.put("housing", "{\"property\": {\"hasProperty\": false}}");
    OTHER_STEPS.put("honours", "{\"honour\": {\"hasHonour\": false}}");
    OTHER_STEPS.put("choices", "{\"choices\": {\"public\": \"ks-huaqiao-primary\"}}");
    OTHER_STEPS.put("preview", "{\"declaration\": {\"accepted\": true}}");
  }

  List<Prepared> prepare() throws Exception {
    List<Prepared> prepared = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<String> names = new ArrayList<>(parents.keySet());
    for (int w = 0; w < clients; w++) {
      pool.submit(() -> {
        int n;
        while ((n = next.getAndIncrement()) < applications && failed.get() < 5) {
          Parent parent = parents.get(names.get(n % names.size()));
          try {
            prepared.add(prepareOne(parent, n));
          } catch (Exception e) {
            failed.incrementAndGet();
            notes.add("preparing #" + n + " failed: " + e.getMessage());
          }
          if (n > 0 && n % 500 == 0) {
            say("prepared " + n);
          }
        }
        return null;
      });
    }
    pool.shutdown();
    pool.awaitTermination(deadline.toMinutes(), TimeUnit.MINUTES);
    if (prepared.size() != applications) {
      throw new IllegalStateException("only " + prepared.size() + " of " + applications + " prepared: " + notes);
    }
    return new ArrayList<>(prepared);
  }

  Prepared prepareOne(Parent parent, int n) throws Exception {
    String studentId = childId(n);
    Answer child = prepareCall(parent, "POST", TENANT + "/children",
        "{\"stage\":\"PRIMARY\",\"name\":\"王小明\",\"idType\":\"MAINLAND_ID\",\"idNumber\":\"" + studentId + "\"}", 201);
    String childId = child.object().getString("id");
    String app = TENANT + "/children/" + childId + "/application";
    prepareCall(parent, "PUT", app + "/steps/family", family(parent.username, studentId, parent.guardianId), 200);
    for (Map.Entry<String, String> step : OTHER_STEPS.entrySet()) {
      prepareCall(parent, "PUT", app + "/steps/" + step.getKey(), step.getValue(), 200);
    }
    return new Prepared(parent.username, childId);
  }

  /** One preparation request, tried up to five times on timeouts, connection errors and 5xx (no faults yet). */
  Answer prepareCall(Parent parent, String method, String path, String json, int expected) throws Exception {
    Exception last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        Answer a = send(method, path, parent.token(), json);
        if (a.status() == expected) {
          return a;
        }
        if (a.status() < 500) {
          throw new IllegalStateException(method + " " + path + ": " + a.status() + " " + a.body());
        }
        last = new IllegalStateException(method + " " + path + ": " + a.status() + " " + a.body());
      } catch (IOException | IllegalStateException e) {
        if (e instanceof IllegalStateException && !e.getMessage().startsWith("no token")) {
          throw e;
        }
        last = e;
      }
      Thread.sleep(1000);
    }
    throw last;
  }

  // ---------------------------------------------------------------- submission under faults

  void submitAll(List<Prepared> prepared) throws InterruptedException {
    ConcurrentLinkedQueue<Prepared> queue = new ConcurrentLinkedQueue<>(prepared);
    long intervalNanos = submitWindow.toNanos() / prepared.size(); // spread over the fault window
    AtomicLong nextSlot = new AtomicLong(System.nanoTime());
    long end = System.nanoTime() + deadline.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int w = 0; w < clients; w++) {
      pool.submit(() -> {
        Prepared p;
        while ((p = queue.poll()) != null && System.nanoTime() < end) {
          long slot = nextSlot.getAndAdd(intervalNanos);
          long wait = slot - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
          submitOne(p, end);
        }
        return null;
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(deadline.toMinutes() + 1, TimeUnit.MINUTES)) {
      notes.add("submitters did not finish before the deadline");
      pool.shutdownNow();
    }
  }

  /** Submits once, with one key, retrying until acknowledged, refused for good, or the deadline. */
  void submitOne(Prepared p, long end) throws InterruptedException {
    Parent parent = parents.get(p.parent());
    String key = UUID.randomUUID().toString();
    String path = TENANT + "/children/" + p.childId() + "/application/submit";
    int conflictsHere = 0;
    for (int attempt = 0; System.nanoTime() < end; attempt++) {
      if (attempt > 0) {
        retries.incrementAndGet();
      }
      Answer a;
      try {
        a = send("POST", path, parent.token(), null, "Idempotency-Key", key);
      } catch (HttpTimeoutException e) {
        timeouts.incrementAndGet();
        notes.add("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s: " + path);
        continue;
      } catch (IOException e) {
        connectionErrors.incrementAndGet();
        Thread.sleep(500);
        continue;
      }
      int s = a.status();
      statuses.computeIfAbsent(s, k -> new AtomicInteger()).incrementAndGet();
      if (s >= 200 && s < 300) {
        acknowledged.incrementAndGet();
        acknowledgedIds.put(p.childId(), a.object().getString("id"));
        return;
      }
      if (s == 503) {
        unavailable503.incrementAndGet();
        if (a.retryAfter() == null || !a.body().contains("urn:civic:problem:")) {
          without503Header.incrementAndGet();
          errors5xx.incrementAndGet();
          notes.add("503 without Retry-After or problem document: " + a.body());
        }
        long seconds = a.retryAfter() == null ? 1 : Math.min(5, Long.parseLong(a.retryAfter().trim()));
        Thread.sleep(seconds * 1000);
        continue;
      }
      if (s >= 500) {
        errors5xx.incrementAndGet();
        if (errors5xx.get() <= 20) {
          notes.add(s + " on submit: " + a.body().substring(0, Math.min(300, a.body().length())));
        }
        Thread.sleep(1000);
        continue;
      }
      if (s == 401) {
        unauthorized.incrementAndGet();
        parent.forget();
        Thread.sleep(1000);
        continue;
      }
      if (s == 409 && ++conflictsHere <= 20) {
        // a retry racing its own earlier attempt: asking again with the same key answers the stored result
        conflicts.incrementAndGet();
        if (notes.size() < 50) {
          notes.add("409 on submit (attempt " + attempt + "): " + a.body());
        }
        Thread.sleep(1000);
        continue;
      }
      if (refused.incrementAndGet() <= 10) {
        notes.add("submit refused " + s + ": " + a.body().substring(0, Math.min(300, a.body().length())));
      }
      return;
    }
  }

  // ---------------------------------------------------------------- the database's word

  record Verdict(int lost, int duplicated, int storedUnacknowledged) {}

  Verdict verify(List<Prepared> prepared) throws Exception {
    Map<String, Integer> versions = new HashMap<>(); // application id → submissions stored
    Map<String, String> childToApplication = new HashMap<>();
    try (Connection c = db.connect()) {
      Array children = c.createArrayOf("uuid", prepared.stream().map(Prepared::childId).toArray());
      try (PreparedStatement ps = c.prepareStatement(
          "select a.child_id::text, a.id::text, count(v.version_no) from application a"
              + " left join application_version v on v.application_id = a.id"
              + " where a.child_id = any(?) group by a.child_id, a.id")) {
        ps.setArray(1, children);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            childToApplication.put(rs.getString(1), rs.getString(2));
            versions.merge(rs.getString(2), rs.getInt(3), Integer::sum);
          }
        }
      }
    }
    int lost = 0;
    int duplicated = 0;
    int storedUnacknowledged = 0;
    for (Prepared p : prepared) {
      String application = childToApplication.get(p.childId());
      int stored = application == null ? 0 : versions.getOrDefault(application, 0);
      String ack = acknowledgedIds.get(p.childId());
      if (ack != null && (stored == 0 || !ack.equals(application))) {
        lost++;
        notes.add("LOST: acknowledged application " + ack + " has " + stored + " stored submissions");
      }
      if (stored > 1) {
        duplicated++;
        notes.add("DUPLICATED: application " + application + " has " + stored + " stored submissions");
      }
      if (ack == null && stored > 0) {
        storedUnacknowledged++;
      }
    }
    return new Verdict(lost, duplicated, storedUnacknowledged);
  }
}
