package org.civicplatform.app.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Backup and restore of an external PostgreSQL ({@code DB_URL}) with PostgreSQL's pg_dump / pg_restore
 * (custom format). They are taken from {@code PG_BIN} or the PATH and must have the server's major version:
 * pg_dump refuses a newer server, and an older server may not read a newer dump.
 */
final class PgDump {

  static final String DUMP = "civic.dump";

  private PgDump() {}

  static Properties backup(String jdbcUrl, String user, String password, Path target)
      throws IOException, SQLException {
    long t0 = System.nanoTime();
    Backup.requireEmpty(target);
    Files.createDirectories(target);
    Properties p = new Properties();
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
      requireMatchingTool("pg_dump", c);
      Backup.contents(c, p);
    }
    Launcher.say("Backing up the PostgreSQL at DB_URL with pg_dump …");
    run(List.of(tool("pg_dump"), "--format=custom", "--no-owner", "--file=" + target.resolve(DUMP),
        "--dbname=" + conninfo(jdbcUrl, user)), password);
    p.setProperty("method", "pg_dump");
    p.setProperty("keycloak", System.getenv("KEYCLOAK_URL") != null
        ? "external (KEYCLOAK_URL): not in this backup"
        : "not in this backup (the run command's Keycloak keeps its dev-file database with DB_URL)");
    return Backup.finish(target, p, t0);
  }

  static void restore(Path backup, String jdbcUrl, String user, String password) throws IOException, SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
        Statement s = c.createStatement()) {
      requireMatchingTool("pg_restore", c);
      try (ResultSet rs = s.executeQuery(
          "select count(*) from pg_tables where schemaname not in ('pg_catalog', 'information_schema')")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          throw new IllegalStateException("the database at DB_URL is not empty (" + rs.getLong(1)
              + " tables): restore into a new, empty database");
        }
      }
    }
    run(List.of(tool("pg_restore"), "--no-owner", "--exit-on-error", "--single-transaction",
        "--dbname=" + conninfo(jdbcUrl, user), backup.resolve(DUMP).toString()), password);
  }

  /** libpq's connection URI for a JDBC URL {@code jdbc:postgresql://host:port/db?…}. */
  static String conninfo(String jdbcUrl, String user) {
    if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
      throw new IllegalStateException("DB_URL must be jdbc:postgresql://host:port/database");
    }
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
    return "postgresql://" + uri.getHost() + port + uri.getPath() + (user.isEmpty() ? "" : "?user=" + user);
  }

  private static String tool(String name) {
    String bin = System.getenv("PG_BIN");
    return bin == null || bin.isBlank() ? name : Path.of(bin, name).toString();
  }

  private static void requireMatchingTool(String name, Connection c) throws SQLException, IOException {
    int server;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version_num")) {
      rs.next();
      server = Integer.parseInt(rs.getString(1)) / 10000;
    }
    String version;
    try {
      version = run(List.of(tool(name), "--version"), "").trim(); // "pg_dump (PostgreSQL) 17.2 (Debian …)"
    } catch (IOException e) {
      throw new IllegalStateException(name + " not found: install PostgreSQL " + server
          + " client tools or point PG_BIN at them");
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\) (\\d+)").matcher(version);
    int tool = m.find() ? Integer.parseInt(m.group(1)) : -1;
    if (tool != server) {
      throw new IllegalStateException("the server is PostgreSQL " + server + " but " + tool(name) + " is \""
          + version + "\": install PostgreSQL " + server + " client tools or point PG_BIN at them");
    }
  }

  private static String run(List<String> command, String password) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    if (!password.isEmpty()) {
      env.put("PGPASSWORD", password); // never on the command line (visible to ps)
    }
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    try {
      if (!process.waitFor(6, TimeUnit.HOURS) || process.exitValue() != 0) {
        throw new IllegalStateException(command.get(0) + " failed: " + new String(output, StandardCharsets.UTF_8).trim());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return new String(output, StandardCharsets.UTF_8);
  }
}
