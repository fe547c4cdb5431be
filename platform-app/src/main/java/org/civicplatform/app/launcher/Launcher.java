package org.civicplatform.app.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The run command: embedded PostgreSQL (unless DB_URL is set), Keycloak (unless KEYCLOAK_URL is set) and
 * Payara Micro with the platform WAR and demo data. Prints the URLs and demo logins; Ctrl-C stops all
 * three. Data lives in DATA_DIR (default ./data) and survives restarts.
 *
 * <p>With {@code NODES=n} (n &gt; 1) it starts n Payara Micro nodes on APP_PORT+1 … APP_PORT+n (each with
 * its own run folder and log) against the one PostgreSQL and Keycloak, and a local nginx on APP_PORT in
 * front of them ({@link LoadBalancer}); the balancer's URL is the platform's URL. A node that dies is
 * reported and left out by the balancer; the run goes on while one node and the balancer live.
 */
public final class Launcher {

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private volatile boolean stopping;

  public static void main(String[] args) throws Exception {
    try {
      new Launcher().run();
    } catch (IllegalStateException | IOException e) {
      say("Cannot start: " + e.getMessage());
      System.exit(2);
    }
  }

  static String setting(String env, String fallback) {
    String value = System.getenv(env);
    return value == null || value.isBlank() ? fallback : value;
  }

  void run() throws Exception {
    long t0 = System.nanoTime();
    Properties paths = new Properties();
    try (InputStream in = Launcher.class.getClassLoader().getResourceAsStream("launcher.properties")) {
      paths.load(in);
    }
    Path data = Path.of(setting("DATA_DIR", "data")).toAbsolutePath();
    int appPort = Integer.parseInt(setting("APP_PORT", "8080"));
    int keycloakPort = Integer.parseInt(setting("KEYCLOAK_PORT", "8180"));
    int dbPort = Integer.parseInt(setting("DB_PORT", "15432"));
    int nodes = nodes(setting("NODES", "1"));
    Files.createDirectories(data.resolve("logs"));
    requireFree(appPort, "APP_PORT");
    Path nginx = null;
    if (nodes > 1) {
      nginx = LoadBalancer.findNginx().orElseThrow(() -> new IllegalStateException("NODES=" + nodes
          + " needs nginx for the load balancer (Debian: apt-get install nginx-light; or set NGINX)"));
      for (int i = 1; i <= nodes; i++) {
        requireFree(appPort + i, "APP_PORT (node " + i + " listens on APP_PORT + " + i + ")");
      }
    }
    if (System.getenv("KEYCLOAK_URL") == null) {
      requireFree(keycloakPort, "KEYCLOAK_PORT");
      requireFree(keycloakPort + 1000, "KEYCLOAK_PORT (management port = KEYCLOAK_PORT + 1000)");
    }
    if (System.getenv("DB_URL") == null) {
      requireFree(dbPort, "DB_PORT");
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "civic-shutdown"));

    Map<String, String> config = new LinkedHashMap<>();
    config.put("platform.demo-data.enabled", setting("DEMO_DATA", "true"));
    // The demo reads SMS codes from the outbox (no real SMS gateway here).
    config.put("platform.notifications.outbox-endpoint.enabled", setting("SMS_OUTBOX_ENDPOINT", "true"));

    String dbUrl = System.getenv("DB_URL");
    EmbeddedDatabase.Store keycloakStore = null;
    long tDb = System.nanoTime();
    if (dbUrl == null || dbUrl.isBlank()) {
      say("Starting embedded PostgreSQL 17 (data in " + data.resolve("postgres") + ") …");
      EmbeddedDatabase db = EmbeddedDatabase.start(data.resolve("postgres"), dbPort);
      started.push(db);
      config.putAll(db.platformConfig());
      dbUrl = db.jdbcUrl();
      keycloakStore = db.keycloakStore();
    } else {
      say("Using the PostgreSQL at DB_URL (no embedded server).");
    }
    double dbSeconds = seconds(tDb);

    String keycloakUrl = System.getenv("KEYCLOAK_URL");
    long tKc = System.nanoTime();
    if (keycloakUrl == null || keycloakUrl.isBlank()) {
      if (keycloakStore != null
          && KeycloakServer.moveDevFileIntoPostgres(Path.of(paths.getProperty("keycloak.dist.zip")),
              data.resolve("keycloak"), "realms/demo", keycloakStore, data.resolve("logs/keycloak-move.log"))) {
        say("Moved Keycloak's accounts from its old dev-file database into PostgreSQL (database keycloak).");
      }
      say("Starting Keycloak " + paths.getProperty("keycloak.version") + " on port " + keycloakPort
          + " (first start unpacks it and imports the realms; log: " + data.resolve("logs/keycloak.log") + ") …");
      KeycloakServer keycloak =
          KeycloakServer.start(Path.of(paths.getProperty("keycloak.dist.zip")), data.resolve("keycloak"),
              keycloakPort, "realms/demo", adminPassword(data), "http://localhost:" + appPort,
              keycloakStore, data.resolve("logs/keycloak.log"));
      started.push(keycloak);
      keycloakUrl = keycloak.url();
    } else {
      say("Using the Keycloak at KEYCLOAK_URL (none started).");
    }
    config.put("keycloak.url", keycloakUrl);
    // the audit chain's signing key and signed checkpoints: outside the database, with the rest of the data
    config.put("platform.audit.checkpoint-dir", setting("PLATFORM_AUDIT_CHECKPOINT_DIR", data.resolve("audit").toString()));
    double kcSeconds = seconds(tKc);

    long tApp = System.nanoTime();
    List<PayaraServer> payaras = new ArrayList<>();
    if (nodes == 1) {
      say("Starting Payara Micro on port " + appPort + " (log: " + data.resolve("logs/payara.log") + ") …");
      PayaraServer payara =
          PayaraServer.start(Path.of(paths.getProperty("payara.micro.jar")), Path.of(paths.getProperty("war")),
              appPort, data.resolve("run/payara"), config, data.resolve("logs/payara.log"));
      started.push(payara);
      payaras.add(payara);
    } else {
      // nginx connects from 127.0.0.1: only then is X-Forwarded-For the client (abuse limits per address)
      config.putIfAbsent("platform.http.trusted-proxies", setting("PLATFORM_HTTP_TRUSTED_PROXIES", "127.0.0.1"));
      for (int i = 1; i <= nodes; i++) {
        // one after the other: the first migrates the database and loads the demo data alone
        Path log = data.resolve("logs/payara-" + i + ".log");
        say("Starting Payara Micro node " + i + " of " + nodes + " on port " + (appPort + i) + " (log: " + log + ") …");
        PayaraServer payara =
            PayaraServer.start(Path.of(paths.getProperty("payara.micro.jar")), Path.of(paths.getProperty("war")),
                appPort + i, data.resolve("run/payara-" + i), config, log);
        started.push(payara);
        payaras.add(payara);
      }
    }
    double appSeconds = seconds(tApp);
    String platformUrl = payaras.get(0).url();
    LoadBalancer balancer = null;
    if (nodes > 1) {
      say("Starting nginx on port " + appPort + " in front of the " + nodes + " nodes (config: "
          + data.resolve("run/nginx/nginx.conf") + ", logs: " + data.resolve("logs/nginx-*.log") + ") …");
      List<Integer> ports = new ArrayList<>();
      payaras.forEach(p -> ports.add(Integer.parseInt(p.url().substring(p.url().lastIndexOf(':') + 1))));
      balancer = LoadBalancer.start(nginx, appPort, ports, data.resolve("run/nginx"), data.resolve("logs/nginx-error.log"));
      started.push(balancer);
      platformUrl = balancer.url();
    }

    printWelcome(platformUrl, keycloakUrl, dbUrl, data);
    if (nodes > 1) {
      StringBuilder list = new StringBuilder();
      for (int i = 0; i < payaras.size(); i++) {
        list.append(i == 0 ? "" : ", ").append("node ").append(i + 1).append(' ').append(payaras.get(i).url())
            .append(" (pid ").append(payaras.get(i).pid()).append(')');
      }
      say("Load balancer " + platformUrl + " (nginx) in front of " + list + ".");
    }
    say(String.format("Started in %.1f s (PostgreSQL %.1f s, Keycloak %.1f s, Payara Micro %.1f s). Ctrl-C stops everything.",
        seconds(t0), dbSeconds, kcSeconds, appSeconds));
    CountDownLatch forever = new CountDownLatch(1);
    java.util.Set<PayaraServer> reported = new java.util.HashSet<>();
    while (payaras.stream().anyMatch(PayaraServer::isAlive) && (balancer == null || balancer.isAlive())) {
      forever.await(2, java.util.concurrent.TimeUnit.SECONDS);
      for (int i = 0; i < payaras.size() && nodes > 1; i++) {
        PayaraServer p = payaras.get(i);
        if (!p.isAlive() && !stopping && reported.add(p)) {
          say("Payara Micro node " + (i + 1) + " (" + p.url() + ") stopped unexpectedly; see " + p.log()
              + ". The balancer sends every request to the other nodes (restart ./run.sh to bring it back).");
        }
      }
    }
    if (!stopping) {
      say(balancer != null && !balancer.isAlive() ? "nginx stopped unexpectedly; see " + data.resolve("logs/nginx-error.log")
          : "Payara Micro stopped unexpectedly; see " + payaras.get(payaras.size() - 1).log());
      System.exit(1);
    }
  }

  /** NODES: how many Payara Micro nodes (1 = no load balancer, the default). */
  static int nodes(String value) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1 && n <= 8) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new IllegalStateException("NODES=" + value + ": give a number of Payara Micro nodes from 1 to 8");
  }

  /** The master realm's admin password: generated on first start, kept in the data folder. */
  static String adminPassword(Path data) throws IOException {
    Path file = data.resolve("keycloak-admin-password");
    if (Files.exists(file)) {
      return Files.readString(file).trim();
    }
    byte[] random = new byte[12];
    new SecureRandom().nextBytes(random);
    String password = HexFormat.of().formatHex(random);
    Files.writeString(file, password);
    return password;
  }

  static void printWelcome(String app, String keycloak, String dbUrl, Path data) {
    String text = """

        ================================================================================
         Civic Platform is running
        --------------------------------------------------------------------------------
         Web (parent portal, reviewer workbench, admin console)  %1$s/
         API                                                      %1$s/api  (OpenAPI: %1$s/openapi)
         Health                                                   %1$s/health/ready
         Keycloak                                                 %2$s  (master admin: admin / see %4$s)
         PostgreSQL                                               %3$s
        --------------------------------------------------------------------------------
         Demo logins (password Demo#2024 for all)
           Kunshan parent (two families)   13800000001, 13800000002
           Siming parent (API tests)       siming-parent
           Siming parent via iXiamen       ixm-parent  (realm ixiamen, through the broker)
           Kunshan window reviewers        ks-window-huaqiao (花桥经济开发区), ks-window-multi (玉山镇 + 陆家镇)
           Kunshan department reviewer     ks-dept-housing (不动产登记, all districts)
           Siming reviewer                 sm-reviewer
           Tenant admins                   ks-admin, sm-admin
           Platform admin                  platform-admin
        ================================================================================
        """.formatted(app, keycloak, dbUrl, data.resolve("keycloak-admin-password"));
    System.out.println(text);
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  static void say(String line) {
    System.out.println("[civic] " + line);
  }

  void stopAll() {
    stopping = true;
    say("Stopping …");
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        say("while stopping: " + e);
      }
    }
    ManagedProcess.closeAll();
    say("Stopped.");
  }

  /** Refuses to start when a port is taken, naming the setting that moves it. */
  static void requireFree(int port, String setting) {
    try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress(port));
    } catch (IOException e) {
      throw new IllegalStateException("Port " + port + " is already in use (another Civic Platform still"
          + " running?). Stop it, or choose another port with " + setting + ".");
    }
  }
}
