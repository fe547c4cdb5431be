package org.civicplatform.app.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real Keycloak 26 (the Quarkus distribution from Maven Central), unpacked under a folder of ours and
 * started on a JDK 21+, with the realms of {@code keycloak-realm} imported on start. Its database is the
 * {@code keycloak} database of the platform's PostgreSQL when a {@link EmbeddedDatabase.Store} is given (the
 * run command and the tests: one PostgreSQL base backup then holds the platform and its accounts at the same
 * instant), otherwise Keycloak's dev-file database in the same folder. Either way users registered at runtime
 * survive restarts.
 */
public final class KeycloakServer implements AutoCloseable {

  private final ManagedProcess process;
  private final String url;

  private KeycloakServer(ManagedProcess process, String url) {
    this.process = process;
    this.url = url;
  }

  /**
   * @param distZip the keycloak-quarkus-dist zip
   * @param baseDir where it is unpacked (kept between runs)
   * @param port HTTP port; the management port is {@code port + 1000}
   * @param realmResource classpath folder holding the realm JSON files to import
   * @param adminPassword password of the master realm's bootstrap admin (first start only)
   * @param webUrl the platform's web address (redirect URIs of the browser client)
   * @param store Keycloak's PostgreSQL database, or null for its dev-file database under {@code baseDir}
   */
  public static KeycloakServer start(
      Path distZip, Path baseDir, int port, String realmResource, String adminPassword, String webUrl,
      EmbeddedDatabase.Store store, Path logFile)
      throws IOException, InterruptedException {
    Path javaHome =
        Java21.find()
            .orElseThrow(() -> new IllegalStateException(
                "Keycloak 26 needs Java 21 or newer and none was found. Install a JDK 21+ (for example"
                    + " Temurin 21 or 25 under /usr/lib/jvm, or `apt-get install openjdk-21-jdk-headless`"
                    + " where your distribution has it) or set KEYCLOAK_JAVA_HOME to one."));
    Path home = unpack(distZip, baseDir);
    Path importDir = home.resolve("data/import");
    Files.createDirectories(importDir);
    copyRealms(realmResource, importDir);
    installProvider(realmResource, home.resolve("providers").resolve(PROVIDER_JAR));
    String url = "http://localhost:" + port;
    List<String> command =
        List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
            "--http-port=" + port, "--http-management-port=" + (port + 1000),
            "--hostname=" + url, "--health-enabled=true", "--log-console-color=false");
    Map<String, String> env = new java.util.LinkedHashMap<>();
    env.put("JAVA_HOME", javaHome.toString());
    // placeholders in the realm files, resolved at import
    env.put("CIVIC_WEB_URL", webUrl);
    env.put("CIVIC_ISSUER", url + "/realms/civic");
    env.put("IXIAMEN_ISSUER", url + "/realms/ixiamen");
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
    env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    // JBoss Threads resets thread locals through java.lang internals on Java 24+
    env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
    // Keycloak 26 locks a user out for a while when two logins of the same user overlap (brute-force
    // detection on): a parent signing in on two tabs at once, or a test fetching a token, was refused
    // with user_temporarily_disabled although no password was wrong. Failed passwords still count.
    env.put("KC_SPI_BRUTE_FORCE_PROTECTOR_DEFAULT_BRUTE_FORCE_DETECTOR_ALLOW_CONCURRENT_REQUESTS", "true");
    // Keycloak's log listener writes failed user events (LOGIN_ERROR …) at WARN with the user name
    // typed, and parents' user names are their mobile numbers: those events stay in Keycloak's event
    // store (realm eventsEnabled, 30 days, admin console → Events), not in the log file
    env.put("KC_SPI_EVENTS_LISTENER_JBOSS_LOGGING_ERROR_LEVEL", "debug");
    if (store != null) {
      env.put("KC_DB", "postgres");
      env.put("KC_DB_URL", store.jdbcUrl());
      env.put("KC_DB_USERNAME", store.user());
      env.put("KC_DB_PASSWORD", store.password());
    }
    ManagedProcess process = ManagedProcess.start("Keycloak", command, home, env, logFile);
    KeycloakServer server = new KeycloakServer(process, url);
    try {
      process.awaitHttp200(url + "/realms/civic/.well-known/openid-configuration", Duration.ofMinutes(4));
    } catch (IOException | InterruptedException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /**
   * Moves the accounts of a dev-file (H2) Keycloak database under {@code baseDir} — a data folder from before
   * Keycloak kept its data in PostgreSQL — into {@code store}, once: {@code kc.sh export} of every realm but
   * master (with users and their credential hashes) from the dev-file database, {@code kc.sh import} into the
   * PostgreSQL database; the H2 folder is then renamed {@code h2.moved-to-postgres} (kept, not deleted).
   * Nothing happens when there is no dev-file database. Keycloak must not be running on that folder.
   *
   * @return whether anything was moved
   */
  public static boolean moveDevFileIntoPostgres(Path distZip, Path baseDir, String realmResource,
      EmbeddedDatabase.Store store, Path logFile) throws IOException, InterruptedException {
    Path home = unpack(distZip, baseDir);
    Path h2 = home.resolve("data/h2");
    if (!Files.isRegularFile(h2.resolve("keycloakdb.mv.db"))) {
      return false;
    }
    Path javaHome = Java21.find().orElseThrow(() -> new IllegalStateException("Keycloak 26 needs Java 21 or newer"));
    installProvider(realmResource, home.resolve("providers").resolve(PROVIDER_JAR));
    Path export = home.resolve("data/h2-export");
    Folders.deleteRecursively(export);
    Map<String, String> env = new java.util.LinkedHashMap<>();
    env.put("JAVA_HOME", javaHome.toString());
    env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
    runToEnd(List.of(home.resolve("bin/kc.sh").toString(), "export", "--db=dev-file", "--dir=" + export,
        "--users=realm_file"), home, env, logFile);
    Files.deleteIfExists(export.resolve("master-realm.json")); // the new database has its own master realm
    env.put("KC_DB", "postgres");
    env.put("KC_DB_URL", store.jdbcUrl());
    env.put("KC_DB_USERNAME", store.user());
    env.put("KC_DB_PASSWORD", store.password());
    runToEnd(List.of(home.resolve("bin/kc.sh").toString(), "import", "--dir=" + export, "--override=false"), home,
        env, logFile);
    Files.move(h2, home.resolve("data/h2.moved-to-postgres"));
    Folders.deleteRecursively(export);
    return true;
  }

  private static void runToEnd(List<String> command, Path home, Map<String, String> env, Path logFile)
      throws IOException, InterruptedException {
    ManagedProcess p = ManagedProcess.start("Keycloak " + command.get(1), command, home, env, logFile);
    int exit = p.waitFor(java.time.Duration.ofMinutes(10));
    if (exit != 0) {
      throw new IOException("kc.sh " + command.get(1) + " failed (exit " + exit + "); see " + logFile);
    }
  }

  /** The file name of our Keycloak extensions (the keycloak-realm module) in Keycloak's providers folder. */
  static final String PROVIDER_JAR = "civic-keycloak-extensions.jar";

  /**
   * Puts the keycloak-realm module (which holds our Keycloak providers, e.g. the login form accepting a
   * registration number) into Keycloak's providers folder: the jar itself, or, when the module is a classes
   * folder (an IDE or reactor build), a jar made from it. start-dev re-augments when the file changes.
   */
  static void installProvider(String realmResource, Path target) throws IOException {
    URL url = KeycloakServer.class.getClassLoader().getResource(realmResource);
    if (url == null) {
      throw new IOException("keycloak-realm not found on the classpath: " + realmResource);
    }
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), "civic", ".tmp");
    try {
      if ("jar".equals(url.getProtocol())) {
        String spec = url.getPath(); // file:/…/keycloak-realm.jar!/realms/demo
        Files.copy(Path.of(URI.create(spec.substring(0, spec.indexOf("!/")))), temp, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Path classes = Path.of(url.toURI());
        for (String ignored : realmResource.split("/")) {
          classes = classes.getParent();
        }
        jar(classes, temp);
      }
      if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), Files.readAllBytes(temp))) {
        return; // unchanged: keep the file, so Keycloak does not re-augment
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (URISyntaxException e) {
      throw new IOException(e);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void jar(Path classes, Path jar) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
      for (Path file : files) {
        ZipEntry entry = new ZipEntry(classes.relativize(file).toString().replace('\\', '/'));
        entry.setTime(0); // the same bytes for the same classes
        out.putNextEntry(entry);
        Files.copy(file, out);
        out.closeEntry();
      }
    }
  }

  /** Unpacks the distribution once; later starts reuse it (and its data). */
  static Path unpack(Path distZip, Path baseDir) throws IOException {
    String folder = distZip.getFileName().toString().replace("keycloak-quarkus-dist-", "keycloak-").replace(".zip", "");
    Path home = baseDir.resolve(folder);
    if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
      return home;
    }
    Files.createDirectories(baseDir);
    try (ZipFile zip = new ZipFile(distZip.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path target = baseDir.resolve(entry.getName()).normalize();
        if (!target.startsWith(baseDir)) {
          throw new IOException("zip entry outside the target folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
          if (entry.getName().endsWith(".sh")) {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
          }
        }
      }
    }
    return home;
  }

  /** Copies every JSON file of a classpath folder (in a jar or a directory) into the import folder. */
  static void copyRealms(String resourceFolder, Path importDir) throws IOException {
    URL url = KeycloakServer.class.getClassLoader().getResource(resourceFolder);
    if (url == null) {
      throw new IOException("realm files not found on the classpath: " + resourceFolder);
    }
    try {
      if ("jar".equals(url.getProtocol())) {
        try (FileSystem fs = FileSystems.newFileSystem(url.toURI(), Map.of())) {
          copyJson(fs.getPath(resourceFolder), importDir);
        }
      } else {
        copyJson(Path.of(url.toURI()), importDir);
      }
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  private static void copyJson(Path source, Path importDir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(source)) {
      list.filter(p -> p.getFileName().toString().endsWith(".json")).forEach(files::add);
    }
    for (Path file : files) {
      Files.copy(file, importDir.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  public String url() {
    return url;
  }

  public Path log() {
    return process.log();
  }

  @Override
  public void close() {
    process.close();
  }
}
