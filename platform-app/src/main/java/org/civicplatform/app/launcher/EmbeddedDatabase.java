package org.civicplatform.app.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
    this.port = postgres.getPort();
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
    EmbeddedDatabase db = new EmbeddedDatabase(builder.start());
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

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
