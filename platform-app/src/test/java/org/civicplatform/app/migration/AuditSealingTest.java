package org.civicplatform.app.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicplatform.app.launcher.EmbeddedDatabase;
import org.civicplatform.app.launcher.Folders;
import org.civicplatform.core.audit.control.AuditChain;
import org.civicplatform.core.audit.control.AuditSealer;
import org.civicplatform.core.audit.control.ChainCheck;
import org.civicplatform.core.persistence.ApplicationRole;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sealer on a real PostgreSQL: the chain hashed under the former lock moves into audit_seal unchanged
 * (V106), new rows continue it, only committed rows are sealed and a late committer gets a later position;
 * the application's role may insert audit rows but not change them.
 */
class AuditSealingTest {

  Path dir;
  EmbeddedDatabase db;

  @BeforeEach
  void aDatabaseWithThreeRowsChainedTheFormerWay() throws Exception {
    dir = Files.createTempDirectory("civic-audit-seal-test");
    db = EmbeddedDatabase.start(dir.resolve("postgres"), 0);
    Flyway.configure().dataSource(db.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD)
        .locations("classpath:db/migration").target("105").load().migrate();
    try (Connection c = owner();
        PreparedStatement ps = c.prepareStatement("insert into audit_event (tenant_id, actor, actor_role, action,"
            + " target_type, target_id, request_id, occurred_at, digest, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      String previous = AuditChain.GENESIS;
      for (int i = 1; i <= 3; i++) {
        AuditChain.Content e = content("legacy-" + i);
        String hash = AuditChain.hash(previous, e);
        ps.setString(1, e.tenantId());
        ps.setString(2, e.actor());
        ps.setString(3, e.actorRole());
        ps.setString(4, e.action());
        ps.setString(5, e.targetType());
        ps.setString(6, e.targetId());
        ps.setString(7, e.requestId());
        ps.setTimestamp(8, Timestamp.from(e.occurredAt()));
        ps.setString(9, e.digest());
        ps.setString(10, previous);
        ps.setString(11, hash);
        ps.executeUpdate();
        previous = hash;
      }
    }
    Flyway.configure().dataSource(db.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD)
        .locations("classpath:db/migration").load().migrate();
    try (Connection c = owner()) {
      ApplicationRole.grant(c, EmbeddedDatabase.APP_USER);
    }
  }

  @AfterEach
  void stop() throws Exception {
    db.close();
    Folders.deleteRecursively(dir);
  }

  static AuditChain.Content content(String target) {
    return new AuditChain.Content("kunshan", "reviewer-1", "reviewer", "application.read", "application", target,
        "req", Instant.now().truncatedTo(ChronoUnit.MICROS), null);
  }

  Connection owner() throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
  }

  Connection app() throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.APP_USER, EmbeddedDatabase.APP_PASSWORD);
  }

  static long insert(Connection c, String target) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into audit_event (tenant_id, actor, actor_role, action,"
        + " target_type, target_id, request_id, occurred_at) values ('kunshan', 'reviewer-1', 'reviewer',"
        + " 'application.read', 'application', ?, 'req', now()) returning id")) {
      ps.setString(1, target);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static int seal(Connection c) throws SQLException {
    c.setAutoCommit(false);
    int n = AuditSealer.seal(c, false);
    c.commit();
    c.setAutoCommit(true);
    return n;
  }

  /** event id by position. */
  static List<Long> chain(Connection c) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select event_id from audit_seal order by position")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  static ChainCheck.Verdict verify(Connection c) throws SQLException {
    ChainCheck check = new ChainCheck(0, null, AuditChain.GENESIS, List.of(), Map.of());
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
        select s.position, s.event_id, s.prev_hash, s.hash, e.tenant_id, e.actor, e.actor_role, e.action,
               e.target_type, e.target_id, e.request_id, e.occurred_at, e.digest
        from audit_seal s join audit_event e on e.id = s.event_id order by s.position""")) {
      while (rs.next()) {
        check.accept(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), AuditSealer.content(rs, 5));
      }
    }
    return check.finish();
  }

  @Test
  void theChainHashedUnderTheFormerLockMovesIntoTheSealsUnchangedAndNewRowsContinueIt() throws Exception {
    try (Connection c = app()) {
      assertEquals(List.of(1L, 2L, 3L), chain(c));
      long id = insert(c, "new-1");
      assertEquals(1, seal(c));
      assertEquals(List.of(1L, 2L, 3L, id), chain(c));
      ChainCheck.Verdict v = verify(c);
      assertTrue(v.intact(), v.toString());
      assertEquals(4, v.rows());
    }
  }

  @Test
  void onlyCommittedRowsAreSealedAndALateCommitterGetsALaterPosition() throws Exception {
    try (Connection slow = app(); Connection quick = app(); Connection sealer = app()) {
      slow.setAutoCommit(false);
      long early = insert(slow, "slow"); // the smaller id, still uncommitted
      long later = insert(quick, "quick");
      assertTrue(early < later);
      assertEquals(1, seal(sealer), "the uncommitted row is not sealed");
      assertEquals(List.of(1L, 2L, 3L, later), chain(sealer));
      slow.commit();
      assertEquals(1, seal(sealer), "the late committer is sealed by the next batch");
      assertEquals(List.of(1L, 2L, 3L, later, early), chain(sealer));
      assertEquals(0, seal(sealer), "nothing is sealed twice");
      assertTrue(verify(sealer).intact());
    }
  }

  @Test
  void aSealerThatFindsTheLockTakenSkipsItsRound() throws Exception {
    try (Connection holder = owner(); Connection sealer = app(); Statement s = holder.createStatement()) {
      s.executeQuery("select pg_advisory_lock(" + AuditSealer.SEAL_LOCK + ")").close();
      insert(sealer, "waiting");
      assertEquals(-1, seal(sealer));
    }
  }

  @Test
  void theApplicationsRoleMayInsertAuditRowsButNotChangeDeleteOrTruncateThem() throws Exception {
    try (Connection c = app(); Statement s = c.createStatement()) {
      insert(c, "allowed");
      for (String sql : List.of("update audit_event set actor = 'x'", "delete from audit_event",
          "truncate audit_event", "update audit_seal set hash = 'x'", "delete from audit_seal",
          "insert into audit_checkpoint (purged_through_id, last_hash, purged_rows, cutoff, created_at)"
              + " values (1, 'x', 1, now(), now())")) {
        SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
        assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
      }
    }
  }
}
