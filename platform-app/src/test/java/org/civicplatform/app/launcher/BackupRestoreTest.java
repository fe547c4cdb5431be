package org.civicplatform.app.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The backup and restore commands on a real embedded PostgreSQL 17 with the platform's schema: a backup
 * taken while a client keeps committing restores into an empty folder with every row committed before it
 * and the stored bytes unchanged; a damaged backup or a non-empty folder is refused and nothing is written.
 */
class BackupRestoreTest {

  static Path dir;
  static EmbeddedDatabase db;
  static byte[] content = new byte[3 * 1024 * 1024 + 17];

  @BeforeAll
  static void database() throws Exception {
    dir = Files.createTempDirectory("civic-backup-test");
    db = EmbeddedDatabase.start(dir.resolve("data/postgres"), 0);
    Flyway.configure().dataSource(db.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD)
        .locations("classpath:db/migration").load().migrate();
    new Random(7).nextBytes(content);
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement("insert into document_content (tenant_id, sha256, media_type,"
            + " size_bytes, pages, key_id, ciphertext, created_at) values ('kunshan', ?, 'application/pdf', ?, 1,"
            + " 'dev', ?, now())")) {
      ps.setString(1, "a".repeat(64));
      ps.setLong(2, content.length);
      ps.setBytes(3, content);
      ps.executeUpdate();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
    Folders.deleteRecursively(dir);
  }

  @Test
  void aBackupTakenWhileClientsCommitRestoresEveryCommittedRowAndTheStoredBytes() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("create table if not exists drill (n bigint primary key)");
    }
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicLong committed = new AtomicLong();
    Thread writer = new Thread(() -> {
      try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("insert into drill values (?)")) {
        while (writing.get()) {
          ps.setLong(1, committed.get() + 1);
          ps.executeUpdate();
          committed.incrementAndGet();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    writer.start();
    Thread.sleep(300);
    long before = committed.get();
    Path backup = dir.resolve("backup-live");
    Properties taken = Backup.embedded(dir.resolve("data"), backup);
    long after = committed.get();
    writing.set(false);
    writer.join();

    assertEquals("postgres-base-backup", taken.getProperty("method"));
    assertTrue(Files.isRegularFile(backup.resolve(BackupManifest.FILE)));
    Path restored = dir.resolve("restored-live");
    Restore.embedded(backup, restored);
    try (EmbeddedDatabase again = EmbeddedDatabase.start(restored.resolve("postgres"), 0);
        Connection c = again.connect();
        Statement s = c.createStatement()) {
      long rows;
      long max;
      try (ResultSet rs = s.executeQuery("select count(*), coalesce(max(n), 0) from drill")) {
        rs.next();
        rows = rs.getLong(1);
        max = rs.getLong(2);
      }
      assertEquals(max, rows, "rows 1.." + max + " without a gap");
      assertTrue(rows >= before, rows + " rows restored, " + before + " committed before the backup started");
      assertTrue(rows <= after + 1, rows + " rows restored, " + after + " committed when it ended");
      try (ResultSet rs = s.executeQuery("select ciphertext from document_content where sha256 = '" + "a".repeat(64) + "'")) {
        assertTrue(rs.next());
        assertArrayEquals(content, rs.getBytes(1));
      }
    }
  }

  @Test
  void aBackupWithAChangedFileIsRefusedAndNothingIsRestored() throws Exception {
    Path backup = dir.resolve("backup-damaged");
    Backup.embedded(dir.resolve("data"), backup);
    Path victim;
    try (Stream<Path> walk = Files.walk(backup.resolve("postgres/base"))) {
      victim = walk.filter(Files::isRegularFile).filter(f -> f.toFile().length() > 8192).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(victim);
    bytes[4000] ^= 1;
    Files.write(victim, bytes);
    Path restored = dir.resolve("restored-damaged");

    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Restore.embedded(backup, restored));
    assertTrue(refused.getMessage().contains(backup.relativize(victim).toString() + ": checksum does not match"),
        refused.getMessage());
    assertFalse(Files.exists(restored.resolve("postgres")));
  }

  @Test
  void aRestoreIntoAFolderWithDataIsRefusedAndTheFolderIsLeftAlone() throws Exception {
    Path backup = dir.resolve("backup-for-full-folder");
    Backup.embedded(dir.resolve("data"), backup);
    Path full = Files.createDirectories(dir.resolve("full"));
    Files.writeString(full.resolve("keep.txt"), "mine");

    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Restore.embedded(backup, full));
    assertTrue(refused.getMessage().contains("is not empty"), refused.getMessage());
    try (Stream<Path> list = Files.list(full)) {
      assertEquals(1, list.count());
    }
    assertEquals("mine", Files.readString(full.resolve("keep.txt")));
  }

  @Test
  void aBackupIntoAFolderWithFilesIsRefused() throws Exception {
    Path full = Files.createDirectories(dir.resolve("not-empty-backup"));
    Files.writeString(full.resolve("old.txt"), "x");

    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> Backup.embedded(dir.resolve("data"), full));
    assertTrue(refused.getMessage().contains("is not empty"), refused.getMessage());
  }
}
