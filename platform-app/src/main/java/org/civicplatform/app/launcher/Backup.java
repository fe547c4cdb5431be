package org.civicplatform.app.launcher;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * {@code ./run.sh backup <folder>}: a backup of the platform's data into a new folder, with checksums.
 *
 * <ul>
 *   <li>Embedded PostgreSQL (no {@code DB_URL}): a {@link BaseBackup} of {@code DATA_DIR/postgres} — the
 *       platform database, whose {@code document_content} is the whole document store (encrypted, content
 *       addressed), and Keycloak's database (parents' and staff accounts, realm keys), both at one instant.
 *       The cluster is backed up while the platform runs; when it does not run it is started for the backup.
 *   <li>External PostgreSQL ({@code DB_URL}): {@code pg_dump -Fc} of that database, with the pg_dump on the
 *       PATH (or in {@code PG_BIN}), which must have the server's major version.
 * </ul>
 *
 * <p>Not in a backup: the document keys ({@code PLATFORM_DOCUMENTS_KEY_*}) and other secrets, which come from
 * the environment and must be kept apart from the data they protect; the backup names the key ids its
 * documents need. A Keycloak at {@code KEYCLOAK_URL} is not ours to back up.
 */
public final class Backup {

  static final String PROPERTIES = "backup.properties";
  static final String FORMAT = "civic-backup-1";

  private Backup() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      Launcher.say("Usage: ./run.sh backup <folder>   (a new or empty folder; DATA_DIR, DB_URL as for ./run.sh)");
      System.exit(2);
    }
    try {
      Path target = Path.of(args[0]).toAbsolutePath();
      Properties done =
          System.getenv("DB_URL") == null || System.getenv("DB_URL").isBlank()
              ? embedded(Path.of(Launcher.setting("DATA_DIR", "data")).toAbsolutePath(), target)
              : PgDump.backup(System.getenv("DB_URL"), Launcher.setting("DB_OWNER_USER", Launcher.setting("DB_USER", "")),
                  Launcher.setting("DB_OWNER_PASSWORD", Launcher.setting("DB_PASSWORD", "")), target);
      Launcher.say("Backup written to " + target + " in " + done.getProperty("seconds") + " s ("
          + done.getProperty("bytes") + " bytes, " + done.getProperty("files") + " files, checksums in "
          + BackupManifest.FILE + ").");
      Launcher.say("Documents in it are sealed under key id(s) " + done.getProperty("documents.key-ids", "-")
          + ": a restored platform needs the same PLATFORM_DOCUMENTS_KEY_<ID> settings.");
    } catch (IllegalStateException | IOException | SQLException e) {
      Launcher.say("Backup failed: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Backs up the embedded cluster of {@code dataDir} (running or not) into {@code target}, a new or empty
   * folder. Returns what {@value #PROPERTIES} says.
   */
  public static Properties embedded(Path dataDir, Path target) throws IOException, SQLException {
    long t0 = System.nanoTime();
    Path pgdata = dataDir.resolve("postgres");
    if (!Files.isRegularFile(pgdata.resolve("PG_VERSION"))) {
      throw new IllegalStateException("no PostgreSQL data in " + pgdata + " (DATA_DIR " + dataDir + ")");
    }
    requireEmpty(target);
    Files.deleteIfExists(target); // BaseBackup creates it
    Properties p = new Properties();
    // the audit chain's signing key and signed checkpoints (kept outside the database), copied before the
    // database: every checkpoint in the backup is then one the backed-up chain already holds
    Path audit = target.resolveSibling(target.getFileName() + ".audit-" + System.nanoTime());
    if (Files.isDirectory(dataDir.resolve("audit"))) {
      Restore.copyTree(dataDir.resolve("audit"), audit);
    }
    Optional<Integer> running = runningPort(pgdata);
    EmbeddedDatabase started = null;
    try {
      Connection c;
      if (running.isPresent()) {
        Launcher.say("Backing up the running PostgreSQL on port " + running.get() + " (" + pgdata + ") …");
        c = DriverManager.getConnection("jdbc:postgresql://localhost:" + running.get() + "/" + EmbeddedDatabase.DATABASE,
            EmbeddedDatabase.SUPERUSER, "");
      } else {
        Launcher.say("PostgreSQL of " + pgdata + " is not running: starting it for the backup …");
        started = EmbeddedDatabase.start(pgdata, 0);
        c = started.connect();
      }
      try (c) {
        contents(c, p);
        BaseBackup.Result r = BaseBackup.take(c, pgdata, target.resolve("postgres"));
        p.setProperty("method", "postgres-base-backup");
        p.setProperty("postgres.start-lsn", r.startLsn());
        p.setProperty("postgres.stop-lsn", r.stopLsn());
        p.setProperty("postgres.wal", r.startWal() + ".." + r.stopWal() + " (" + r.walSegments() + " segments)");
      }
    } finally {
      if (started != null) {
        started.close();
      }
    }
    p.setProperty("keycloak", keycloak(dataDir, target));
    Path password = dataDir.resolve("keycloak-admin-password");
    if (Files.isRegularFile(password)) {
      Files.copy(password, target.resolve("keycloak-admin-password"));
    }
    if (Files.isDirectory(audit)) {
      Files.move(audit, target.resolve("audit"));
    }
    return finish(target, p, t0);
  }

  /** Where Keycloak's data went into the backup (or why it is not in it). */
  private static String keycloak(Path dataDir, Path target) throws IOException {
    if (System.getenv("KEYCLOAK_URL") != null && !System.getenv("KEYCLOAK_URL").isBlank()) {
      return "external (KEYCLOAK_URL): not in this backup";
    }
    Optional<Path> h2 = devFileDatabase(dataDir);
    if (h2.isPresent()) {
      // A data folder from before Keycloak moved into PostgreSQL, not started since: its accounts are there.
      throw new IllegalStateException("Keycloak's accounts of " + dataDir + " are still in its old dev-file"
          + " database (" + h2.get() + "): start ./run.sh once (it moves them into PostgreSQL), then back up");
    }
    return "in postgres (database " + EmbeddedDatabase.KEYCLOAK_DATABASE + ")";
  }

  /** Keycloak's dev-file (H2) database of a data folder, if one is there. */
  static Optional<Path> devFileDatabase(Path dataDir) throws IOException {
    Path base = dataDir.resolve("keycloak");
    if (!Files.isDirectory(base)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(base)) {
      return homes.map(h -> h.resolve("data/h2/keycloakdb.mv.db")).filter(Files::isRegularFile).findFirst();
    }
  }

  /**
   * What the platform database holds when the backup starts, recorded so a restore can check it: the schema
   * version and the last audit row (id and hash) must be there; the counts are for people (rows committed
   * while the copy runs are in the backup too).
   */
  static void contents(Connection c, Properties p) throws SQLException {
    try (Statement s = c.createStatement()) {
      p.setProperty("postgres.version", one(s, "show server_version"));
      p.setProperty("schema.version",
          one(s, "select coalesce(max(version::int), 0)::text from flyway_schema_history where success and version is not null"));
      p.setProperty("audit.rows", one(s, "select count(*)::text from audit_event"));
      // the chain's last link (audit_seal since V106; before, the hash column of audit_event)
      boolean sealed = one(s, "select to_regclass('audit_seal')::text") != null;
      p.setProperty("audit.last-id", Optional.ofNullable(one(s, sealed
          ? "select event_id::text from audit_seal order by position desc limit 1"
          : "select max(id)::text from audit_event")).orElse("-"));
      p.setProperty("audit.last-hash", Optional.ofNullable(one(s, sealed
          ? "select hash from audit_seal order by position desc limit 1"
          : "select hash from audit_event order by id desc limit 1")).orElse("-"));
      p.setProperty("documents.contents", one(s, "select count(*)::text from document_content"));
      p.setProperty("documents.key-ids",
          Optional.ofNullable(one(s, "select string_agg(distinct key_id, ',') from document_content")).orElse("-"));
      p.setProperty("applications", one(s, "select count(*)::text from application"));
    }
  }

  private static String one(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  static String one(Connection c, String sql, String parameter) throws SQLException {
    try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Writes {@value #PROPERTIES} and the checksums. */
  static Properties finish(Path target, Properties p, long t0) throws IOException {
    p.setProperty("format", FORMAT);
    p.setProperty("created", Instant.now().toString());
    StringWriter text = new StringWriter();
    p.store(text, "Civic Platform backup: restore with ./run.sh restore <this folder> (into an empty DATA_DIR)");
    Files.writeString(target.resolve(PROPERTIES), text.toString(), StandardCharsets.ISO_8859_1);
    int files = BackupManifest.write(target);
    long bytes;
    try (Stream<Path> walk = Files.walk(target)) {
      bytes = walk.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
    p.setProperty("files", Integer.toString(files));
    p.setProperty("bytes", Long.toString(bytes));
    p.setProperty("seconds", String.format(java.util.Locale.ROOT, "%.1f", Launcher.seconds(t0)));
    return p;
  }

  /** The port of the PostgreSQL running on {@code pgdata}, read from its postmaster.pid, if it runs. */
  static Optional<Integer> runningPort(Path pgdata) throws IOException {
    Path pid = pgdata.resolve("postmaster.pid");
    if (!Files.isRegularFile(pid)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pid);
    if (lines.size() < 4) {
      return Optional.empty();
    }
    long process = Long.parseLong(lines.get(0).trim());
    if (ProcessHandle.of(process).map(ProcessHandle::isAlive).orElse(false)) {
      return Optional.of(Integer.parseInt(lines.get(3).trim()));
    }
    return Optional.empty();
  }

  /** Refuses a folder that exists and has anything in it. */
  static void requireEmpty(Path folder) throws IOException {
    if (Files.exists(folder)) {
      if (!Files.isDirectory(folder)) {
        throw new IllegalStateException(folder + " is a file, not a folder");
      }
      try (Stream<Path> list = Files.list(folder)) {
        if (list.findAny().isPresent()) {
          throw new IllegalStateException(folder + " is not empty: choose a new or empty folder");
        }
      }
    }
  }
}
