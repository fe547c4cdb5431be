package org.civicplatform.app.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * {@code ./run.sh restore <backup folder>}: puts a {@link Backup} back. It first checks every file of the
 * backup against its {@value BackupManifest#FILE} and refuses a backup that does not match; then
 *
 * <ul>
 *   <li>a base backup of the embedded PostgreSQL goes into {@code DATA_DIR/postgres} of an empty (or new)
 *       {@code DATA_DIR} — never over existing data. PostgreSQL is started on it once: it replays the
 *       backup's WAL to the backup's instant, and the restore compares what the platform database holds with
 *       what the backup recorded (applications, documents, audit rows and the last audit hash);
 *   <li>a pg_dump goes into the empty database at {@code DB_URL} with pg_restore, checked the same way.
 * </ul>
 *
 * Then {@code ./run.sh} (with the same document keys) starts the platform on the restored data.
 */
public final class Restore {

  private Restore() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      Launcher.say("Usage: ./run.sh restore <backup folder>   (into an empty DATA_DIR, or the empty database at DB_URL)");
      System.exit(2);
    }
    try {
      Path backup = Path.of(args[0]).toAbsolutePath();
      long t0 = System.nanoTime();
      Properties p = check(backup);
      String dbUrl = System.getenv("DB_URL");
      Path data = Path.of(Launcher.setting("DATA_DIR", "data")).toAbsolutePath();
      if ("pg_dump".equals(p.getProperty("method"))) {
        if (dbUrl == null || dbUrl.isBlank()) {
          throw new IllegalStateException("this backup is a pg_dump of an external PostgreSQL: set DB_URL"
              + " (DB_USER, DB_PASSWORD) to the empty database to restore it into");
        }
        PgDump.restore(backup, dbUrl, Launcher.setting("DB_OWNER_USER", Launcher.setting("DB_USER", "")), Launcher.setting("DB_OWNER_PASSWORD", Launcher.setting("DB_PASSWORD", "")));
        try (Connection c = DriverManager.getConnection(dbUrl, Launcher.setting("DB_OWNER_USER", Launcher.setting("DB_USER", "")),
            Launcher.setting("DB_OWNER_PASSWORD", Launcher.setting("DB_PASSWORD", "")))) {
          compare(p, c);
        }
      } else {
        if (dbUrl != null && !dbUrl.isBlank()) {
          throw new IllegalStateException("this backup is a copy of the embedded PostgreSQL: unset DB_URL and"
              + " restore it into an empty DATA_DIR");
        }
        embedded(backup, data);
      }
      Launcher.say(String.format(java.util.Locale.ROOT,
          "Restored %s (taken %s: %s applications, %s documents, %s audit rows) in %.1f s. Keycloak: %s.",
          backup, p.getProperty("created"), p.getProperty("applications"), p.getProperty("documents.contents"),
          p.getProperty("audit.rows"), Launcher.seconds(t0), p.getProperty("keycloak")));
      Launcher.say("Start it with ./run.sh (DATA_DIR=" + data + "), with the document key(s) "
          + p.getProperty("documents.key-ids") + " configured as before.");
    } catch (IllegalStateException | IOException | SQLException e) {
      Launcher.say("Restore refused: " + e.getMessage());
      System.exit(1);
    }
  }

  /** The backup's properties once every file matches its checksum; refuses otherwise. */
  public static Properties check(Path backup) throws IOException {
    if (!Files.isDirectory(backup)) {
      throw new IllegalStateException(backup + " is not a folder");
    }
    List<String> problems = BackupManifest.check(backup);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the backup does not match its checksums, nothing was restored: "
          + String.join("; ", problems.subList(0, Math.min(10, problems.size())))
          + (problems.size() > 10 ? "; … (" + problems.size() + " problems)" : ""));
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(backup.resolve(Backup.PROPERTIES), StandardCharsets.ISO_8859_1)) {
      p.load(in);
    }
    if (!Backup.FORMAT.equals(p.getProperty("format"))) {
      throw new IllegalStateException("unknown backup format " + p.getProperty("format"));
    }
    return p;
  }

  /**
   * Restores a checked base backup into {@code dataDir}, which must be new or empty; leaves nothing behind
   * when it fails.
   */
  public static Properties embedded(Path backup, Path dataDir) throws IOException, SQLException {
    Properties p = check(backup);
    if (!"postgres-base-backup".equals(p.getProperty("method"))) {
      throw new IllegalStateException("not a backup of the embedded PostgreSQL: " + p.getProperty("method"));
    }
    Backup.requireEmpty(dataDir);
    Files.createDirectories(dataDir);
    try {
      Path pgdata = dataDir.resolve("postgres");
      copyTree(backup.resolve("postgres"), pgdata);
      // PostgreSQL refuses a data directory others can read.
      Files.setPosixFilePermissions(pgdata, PosixFilePermissions.fromString("rwx------"));
      Path password = backup.resolve("keycloak-admin-password");
      if (Files.isRegularFile(password)) {
        Files.copy(password, dataDir.resolve("keycloak-admin-password"));
      }
      if (Files.isDirectory(backup.resolve("audit"))) {
        copyTree(backup.resolve("audit"), dataDir.resolve("audit"));
      }
      try (EmbeddedDatabase db = EmbeddedDatabase.start(pgdata, 0); Connection c = db.connect()) {
        compare(p, c);
      }
      return p;
    } catch (IOException | SQLException | RuntimeException e) {
      try (Stream<Path> list = Files.list(dataDir)) {
        for (Path created : list.toList()) {
          Folders.deleteRecursively(created);
        }
      }
      throw e;
    }
  }

  /**
   * Refuses a restored database that does not hold what the backup recorded at its start: the same schema
   * version, and the last audit row of then with the same hash (unless retention purged it since).
   */
  private static void compare(Properties expected, Connection c) throws SQLException {
    Properties got = new Properties();
    Backup.contents(c, got);
    if (!expected.getProperty("schema.version", "").equals(got.getProperty("schema.version"))) {
      throw new IllegalStateException("the restored database has schema version " + got.getProperty("schema.version")
          + " where the backup recorded " + expected.getProperty("schema.version"));
    }
    String lastId = expected.getProperty("audit.last-id", "-");
    if (!lastId.equals("-")) {
      String hash = Backup.one(c, Backup.one(c, "select to_regclass(?)::text", "audit_seal") != null
          ? "select hash from audit_seal where event_id = ?::bigint" : "select hash from audit_event where id = ?::bigint", lastId);
      String purged;
      try (java.sql.Statement s = c.createStatement();
          java.sql.ResultSet rs = s.executeQuery("select max(purged_through_id)::text from audit_checkpoint")) {
        purged = rs.next() ? rs.getString(1) : null;
      }
      boolean purgedSince = hash == null && purged != null && Long.parseLong(purged) >= Long.parseLong(lastId);
      if (!purgedSince && !expected.getProperty("audit.last-hash").equals(hash)) {
        throw new IllegalStateException("the restored database's audit row " + lastId + " has hash " + hash
            + " where the backup recorded " + expected.getProperty("audit.last-hash"));
      }
    }
  }

  static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path from : walk.sorted().toList()) {
        Path to = target.resolve(source.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
  }
}
