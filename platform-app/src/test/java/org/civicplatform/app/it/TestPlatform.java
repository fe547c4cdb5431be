package org.civicplatform.app.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicplatform.app.launcher.EmbeddedDatabase;
import org.civicplatform.app.launcher.KeycloakServer;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The real parts the integration tests run against, started once per test JVM with the launcher's own
 * classes: an embedded PostgreSQL 17 (fresh data directory) and a real Keycloak with the demo realms.
 * Client side only: never deployed.
 */
public final class TestPlatform {

  private static TestPlatform instance;

  /** Password of the master realm's bootstrap admin ({@code admin}) of this test Keycloak. */
  static final String KEYCLOAK_ADMIN_PASSWORD = "it-admin-" + System.nanoTime();

  private final Path dataDir;
  private final EmbeddedDatabase database;
  private final KeycloakServer keycloak;

  private TestPlatform(Path dataDir, EmbeddedDatabase database, KeycloakServer keycloak) {
    this.dataDir = dataDir;
    this.database = database;
    this.keycloak = keycloak;
  }

  /** Starts PostgreSQL and Keycloak on the first call; later calls return the same ones. */
  public static synchronized TestPlatform get() {
    if (instance == null) {
      // One folder per test JVM: two test runs on one machine must not share a database or Keycloak.
      Path work = Path.of(System.getProperty("civic.test.workdir", "target/it-runtime"))
          .resolve("run-" + ProcessHandle.current().pid()).toAbsolutePath();
      try {
        // Arquillian hands each line Payara Micro writes to this JVM's System.out: keep a copy in a file so
        // LogScanIT can read every log of the run after the other tests.
        ConsoleCopy.install(work.resolve("console.log"));
        String serverTemp = System.getProperty("civic.payara.tmpdir");
        if (serverTemp != null) {
          java.nio.file.Files.createDirectories(Path.of(serverTemp)); // Payara Micro's java.io.tmpdir
        }
        org.civicplatform.app.launcher.Folders.deleteRecursively(work.resolve("postgres"));
        Path keycloakHome = work.resolve("keycloak");
        // Keycloak's database is in the fresh PostgreSQL (so the realms are imported from the current files);
        // a dev-file database left by an older run would only mislead.
        try (var homes = java.nio.file.Files.list(java.nio.file.Files.createDirectories(keycloakHome))) {
          for (Path home : homes.toList()) {
            org.civicplatform.app.launcher.Folders.deleteRecursively(home.resolve("data/h2"));
          }
        }
        EmbeddedDatabase db = EmbeddedDatabase.start(work.resolve("postgres"), 0);
        KeycloakServer kc =
            KeycloakServer.start(Path.of(System.getProperty("keycloak.dist.zip")), keycloakHome,
                freePort(), "realms/demo", KEYCLOAK_ADMIN_PASSWORD, "http://localhost:8080",
                db.keycloakStore(), work.resolve("keycloak.log"));
        instance = new TestPlatform(work, db, kc);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          kc.close();
          try {
            db.close();
          } catch (IOException e) {
            // shutting down anyway
          }
        }));
      } catch (Exception e) {
        throw new IllegalStateException("Could not start the test platform: " + e.getMessage(), e);
      }
    }
    return instance;
  }

  /** Suzhou area codes: a thousand serials per area before the next one is used. */
  private static final String[] AREAS = {"320583", "320581", "320582", "320585", "320505", "320506", "320507", "320508"};
  private static final java.util.concurrent.atomic.AtomicInteger SERIAL = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * A valid mainland ID number (GB 11643 check digit) born on {@code yyyymmdd}, unique within this test
   * JVM (whose database is fresh): the sequence digits come from one counter shared by every test.
   */
  public static String mainlandId(String yyyymmdd) {
    int serial = SERIAL.incrementAndGet();
    String first17 = AREAS[(serial / 1000) % AREAS.length] + yyyymmdd + String.format("%03d", serial % 1000);
    return first17 + org.civicplatform.spi.rules.checks.IdNumbers.checkCharacter(first17);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The data folder of this test JVM, laid out as the run command's DATA_DIR (postgres/, keycloak/). */
  public Path dataDir() {
    return dataDir;
  }

  public EmbeddedDatabase database() {
    return database;
  }

  public String keycloakUrl() {
    return keycloak.url();
  }

  /** The master realm's admin password (user {@code admin}): tests that adjust the realm use it. */
  public String keycloakAdminPassword() {
    return KEYCLOAK_ADMIN_PASSWORD;
  }

  /** The platform WAR as built, configured for this test platform (plus {@code extra} settings). */
  public WebArchive war(Map<String, String> extra) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("config_ordinal", "500");
    config.putAll(config(extra));
    StringBuilder properties = new StringBuilder();
    config.forEach((k, v) -> properties.append(k).append('=').append(v).append('\n'));
    JavaArchive configJar =
        ShrinkWrap.create(JavaArchive.class, "civic-it-config.jar")
            .addAsManifestResource(new StringAsset(properties.toString()), "microprofile-config.properties");
    File war = new File(System.getProperty("civic.war"));
    if (!war.isFile()) {
      throw new UncheckedIOException(new IOException("WAR not built: " + war));
    }
    return ShrinkWrap.createFromZipFile(WebArchive.class, war).addAsLibrary(configJar);
  }

  /**
   * The settings that point a platform node at this test platform (plus {@code extra}): the deployment's
   * configuration jar, or the system properties of a node started with the launcher's {@code PayaraServer}.
   */
  public Map<String, String> config(Map<String, String> extra) {
    Map<String, String> config = new LinkedHashMap<>();
    config.putAll(database.platformConfig()); // the application role, and the owner Flyway runs as
    config.put("platform.audit.checkpoint-dir", dataDir.resolve("audit").toString());
    config.put("keycloak.url", keycloak.url());
    // Every IT sends from 127.0.0.1 into this one database for the whole run (IdentityIT alone asks for some
    // thirty codes in seconds): the per-address abuse limits are lifted here, the per-number ones stay as
    // shipped. AbuseLimitsIT sets its own low per-address limits and sends from X-Forwarded-For addresses.
    config.put("platform.registration.limits.sms-per-address", "1000000/1h");
    config.put("platform.registration.limits.sign-up-per-address", "1000000/1h");
    config.put("platform.registration.limits.recovery-per-address", "1000000/1h");
    config.putAll(extra);
    return config;
  }
}
