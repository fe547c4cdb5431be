package org.civicplatform.app.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An embedded PostgreSQL 17 (zonky) whose data directory is ours, so data survives restarts. It runs
 * durably: zonky starts PostgreSQL with fsync off and synchronous_commit off, which loses acknowledged
 * writes on a crash, so both are switched back on.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  public static final String DATABASE = "civic";
  /** The schema owner: Flyway migrates as this role (and backups, benchmarks and diagnostics use it). */
  public static final String USER = "civic";
  public static final String PASSWORD = "civic";
  /**
   * The role the platform's connection pool uses: it may only INSERT and SELECT the audit tables (granted by
   * the owner after each migration, ApplicationRole), so audit rows cannot be changed with its credentials.
   */
  public static final String APP_USER = "civic_app";
  public static final String APP_PASSWORD = "civic_app";

  /** Keycloak's database in the same cluster (its own role: the platform cannot read it). */
  public static final String KEYCLOAK_DATABASE = "keycloak";

  /** The cluster's superuser (zonky's initdb; local connections are trusted). */
  public static final String SUPERUSER = "postgres";

  /** A database of this cluster as a client sees it. */
  public record Store(String jdbcUrl, String user, String password) {}

  private final EmbeddedPostgres postgres;
  private final int port;
  private final Path dataDirectory;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.port = postgres.getPort();
    this.dataDirectory = dataDirectory;
  }

  /**
   * Starts PostgreSQL on {@code port} (0 = any free port) with its data in {@code dataDirectory}, and
   * creates the platform's database and role if they do not exist yet.
   */
  public static EmbeddedDatabase start(Path dataDirectory, int port, String... extraDatabases)
      throws IOException, SQLException {
    Files.createDirectories(dataDirectory.getParent());
    var builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("max_connections", "200")
            .setLocaleConfig("encoding", "UTF8")
            .setLocaleConfig("locale", "C.UTF-8")
            .setPGStartupWait(java.time.Duration.ofSeconds(60));
    if (port > 0) {
      builder.setPort(port);
    }
    EmbeddedDatabase db = new EmbeddedDatabase(builder.start(), dataDirectory.toAbsolutePath());
    db.ensureDatabase(DATABASE, USER, PASSWORD);
    db.ensureRole(APP_USER, APP_PASSWORD);
    for (String extra : extraDatabases) {
      db.ensureDatabase(extra, USER, PASSWORD);
    }
    return db;
  }

  /** Keycloak's database ({@value #KEYCLOAK_DATABASE}, role {@value #KEYCLOAK_DATABASE}), created if missing. */
  public Store keycloakStore() throws SQLException {
    ensureDatabase(KEYCLOAK_DATABASE, KEYCLOAK_DATABASE, KEYCLOAK_DATABASE);
    return new Store(jdbcUrl(KEYCLOAK_DATABASE), KEYCLOAK_DATABASE, KEYCLOAK_DATABASE);
  }

  private void ensureRole(String user, String password) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + user + "'")) {
      if (!rs.next()) {
        s.execute("create role " + user + " login password '" + password + "'");
      }
    }
  }

  /** The settings a platform node connects with: the application's role, and the owner for Flyway. */
  public java.util.Map<String, String> platformConfig() {
    java.util.Map<String, String> config = new java.util.LinkedHashMap<>();
    config.put("db.url", jdbcUrl());
    config.put("db.user", APP_USER);
    config.put("db.password", APP_PASSWORD);
    config.put("db.owner.user", USER);
    config.put("db.owner.password", PASSWORD);
    return config;
  }

  private void ensureDatabase(String name, String user, String password) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + user + "'")) {
        if (!rs.next()) {
          s.execute("create role " + user + " login password '" + password + "'");
        }
      }
      try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
        if (!rs.next()) {
          s.execute("create database " + name + " owner " + user + " encoding 'UTF8' template template0");
        }
      }
    }
  }

  public int port() {
    return port;
  }

  public String jdbcUrl() {
    return jdbcUrl(DATABASE);
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  /** A superuser connection to the platform database (tests and diagnostics). */
  public Connection connect() throws SQLException {
    return postgres.getDatabase("postgres", DATABASE).getConnection();
  }

  /**
   * {@code pg_ctl restart -m immediate}: the postmaster ends every backend at once without a checkpoint
   * (as a crash does; the start runs crash recovery from the WAL) and is started again with the command
   * line it last ran with ({@code postmaster.opts}); returns once it accepts connections. As root, pg_ctl
   * runs in a user namespace of its own ({@code unshare -U}, as zonky runs it), since PostgreSQL refuses
   * to run as root.
   */
  public void restartImmediately(Path log) throws IOException, InterruptedException {
    List<String> opts = commandLine(Files.readString(dataDirectory.resolve("postmaster.opts")));
    Path pgCtl = Path.of(opts.get(0)).resolveSibling("pg_ctl");
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.addAll(List.of(pgCtl.toString(), "-D", dataDirectory.toString(), "-l", log.toString(),
        "-m", "immediate", "-w", "-t", "120", "restart"));
    Files.createDirectories(log.getParent());
    Process pgctl = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.resolveSibling(log.getFileName() + ".pg_ctl").toFile()))
        .start();
    if (!pgctl.waitFor(150, TimeUnit.SECONDS)) {
      pgctl.destroyForcibly();
      throw new IOException("pg_ctl restart did not finish in 150 s; see " + log);
    }
    if (pgctl.exitValue() != 0) {
      throw new IOException("pg_ctl restart failed (" + pgctl.exitValue() + "); see " + log + ".pg_ctl");
    }
  }

  /** Splits {@code postmaster.opts} ({@code /…/postgres "-D" "/data" "-p" "15432" …}) into arguments. */
  static List<String> commandLine(String opts) {
    List<String> args = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char ch : opts.strip().toCharArray()) {
      if (ch == '"') {
        quoted = !quoted;
        any = true;
      } else if (Character.isWhitespace(ch) && !quoted) {
        if (any) {
          args.add(current.toString());
          current.setLength(0);
          any = false;
        }
      } else {
        current.append(ch);
        any = true;
      }
    }
    if (any) {
      args.add(current.toString());
    }
    return args;
  }

  @Override
  public void close() throws IOException {
    postgres.close(); // pg_ctl stop -m fast: also stops a postmaster started by restartImmediately
  }
}
