package org.civicplatform.app.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedded PostgreSQL 17 (zonky) whose data directory is ours, so data survives restarts. It runs
 * durably: zonky starts PostgreSQL with fsync off and synchronous_commit off, which loses acknowledged
 * writes on a crash, so both are switched back on.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  public static final String DATABASE = "civic";
  public static final String USER = "civic";
  public static final String PASSWORD = "civic";

  private final EmbeddedPostgres postgres;
  private final int port;
  private final Path dataDirectory;
  /** A postmaster started again after {@link #crash()} (zonky only knows the first one). */
  private volatile Process restarted;

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
    for (String extra : extraDatabases) {
      db.ensureDatabase(extra, USER, PASSWORD);
    }
    return db;
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
   * Crashes PostgreSQL as {@code pg_ctl stop -m immediate} does: SIGQUIT to the postmaster, which ends
   * every backend at once without a checkpoint (the next start runs crash recovery from the WAL). pg_ctl
   * itself refuses to run as root, which the embedded binaries run as here, so the signal is sent directly.
   */
  public void crash() throws IOException, InterruptedException {
    long pid = postmasterPid();
    signal("QUIT", pid);
    awaitExit(pid);
  }

  /**
   * Starts PostgreSQL again after {@link #crash()} with the command line the postmaster last ran with
   * ({@code postmaster.opts}, as {@code pg_ctl restart} does) and waits until it accepts connections.
   */
  public void startAgain(Path log) throws IOException, InterruptedException {
    List<String> command = commandLine(Files.readString(dataDirectory.resolve("postmaster.opts")));
    Files.createDirectories(log.getParent());
    restarted = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
    while (true) {
      try (Connection c = postgres.getPostgresDatabase().getConnection()) {
        return;
      } catch (SQLException e) {
        if (!restarted.isAlive() || System.nanoTime() > deadline) {
          throw new IOException("PostgreSQL did not start again; see " + log, e);
        }
        Thread.sleep(200);
      }
    }
  }

  /** {@code pg_ctl restart -m immediate}: {@link #crash()}, then {@link #startAgain(Path)}. */
  public void restartImmediately(Path log) throws IOException, InterruptedException {
    crash();
    startAgain(log);
  }

  /** The running postmaster's process id (first line of {@code postmaster.pid}). */
  public long postmasterPid() throws IOException {
    return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
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

  private static void signal(String signal, long pid) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IOException("kill -" + signal + " " + pid + " failed");
    }
  }

  private static void awaitExit(long pid) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      if (System.nanoTime() > deadline) {
        throw new IOException("postmaster " + pid + " did not stop");
      }
      Thread.sleep(50);
    }
  }

  @Override
  public void close() throws IOException {
    Process again = restarted;
    if (again != null && again.isAlive()) {
      try {
        signal("INT", again.pid()); // fast shutdown, as pg_ctl stop -m fast
        if (!again.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
          again.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    postgres.close();
  }
}
