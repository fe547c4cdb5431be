package org.civicplatform.core.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.civicplatform.core.persistence.DatabaseMigration;

/**
 * The one sealer of the audit chain (issue 17: no lock held to commit by every audited transaction).
 * Audited transactions only insert their {@code audit_event} rows; the sealer — every second on each node
 * ({@link AuditSealSchedule}), and before a verification or checkpoint — appends the committed rows not yet
 * sealed to {@code audit_seal} in ascending id ({@link ChainSealer}). It runs under a transaction-scoped
 * advisory lock: once at a time across all nodes (a node that finds it taken skips that round).
 *
 * <p>Which rows may be unsealed: each batch records the oldest transaction still running when it looked
 * ({@code pg_snapshot_xmin}). A row of an older transaction had committed (or rolled back) before, so that
 * batch saw and sealed it; the next batch looks only at rows of transactions from that one on (index on
 * {@code audit_event.txid}). A row committed late is therefore sealed at a later position, never lost.
 */
@ApplicationScoped
public class AuditSealer {

  /** Advisory lock key of the sealer (and of audit_purge, V106). */
  public static final long SEAL_LOCK = 0x617564697453L;

  static final int BATCH = 5000;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  /** Seals what is committed and unsealed; -1 when another node is sealing right now. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int sealNow() {
    try (Connection c = dataSource.getConnection()) {
      return seal(c, false);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The chain's head with its batch floor: the newest link, else the retention checkpoint, else empty. */
  record Tip(ChainSealer.Head head, long floorXid) {}

  /**
   * Seals on {@code c} (in its transaction). {@code wait}: wait for a sealer of another node to finish
   * instead of skipping.
   */
  public static int seal(Connection c, boolean wait) throws SQLException {
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery(wait ? "select pg_advisory_xact_lock(" + SEAL_LOCK + "), true"
          : "select pg_try_advisory_xact_lock(" + SEAL_LOCK + ")")) {
        rs.next();
        if (!rs.getBoolean(wait ? 2 : 1)) {
          return -1;
        }
      }
      long xmin;
      try (ResultSet rs = s.executeQuery("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint")) {
        rs.next();
        xmin = rs.getLong(1);
      }
      Tip tip = tip(c);
      ChainSealer.Head head = tip.head();
      int sealed = 0;
      while (true) {
        List<ChainSealer.Pending> pending = pending(c, tip.floorXid());
        if (pending.isEmpty()) {
          return sealed;
        }
        List<ChainSealer.Seal> seals = ChainSealer.seal(head, pending);
        insert(c, seals, xmin);
        sealed += seals.size();
        ChainSealer.Seal last = seals.get(seals.size() - 1);
        head = new ChainSealer.Head(last.position(), last.hash());
        if (pending.size() < BATCH) {
          return sealed;
        }
      }
    }
  }

  static Tip tip(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select position, hash, floor_xid from audit_seal order by position desc limit 1")) {
        if (rs.next()) {
          return new Tip(new ChainSealer.Head(rs.getLong(1), rs.getString(2)), rs.getLong(3));
        }
      }
      try (ResultSet rs = s.executeQuery(
          "select purged_through_position, last_hash from audit_checkpoint order by id desc limit 1")) {
        if (rs.next()) {
          return new Tip(new ChainSealer.Head(rs.getLong(1), rs.getString(2)), 0);
        }
      }
    }
    return new Tip(ChainSealer.Head.EMPTY, 0);
  }

  /** The chain's last link (or the retention checkpoint it continues from). */
  public static ChainSealer.Head head(Connection c) throws SQLException {
    return tip(c).head();
  }

  private static List<ChainSealer.Pending> pending(Connection c, long floor) throws SQLException {
    List<ChainSealer.Pending> pending = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("""
        select e.id, e.tenant_id, e.actor, e.actor_role, e.action, e.target_type, e.target_id, e.request_id,
               e.occurred_at, e.digest
        from audit_event e
        where e.txid >= ? and not exists (select 1 from audit_seal s where s.event_id = e.id)
        order by e.id limit\s""" + BATCH)) {
      ps.setLong(1, floor);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          pending.add(new ChainSealer.Pending(rs.getLong(1), content(rs, 2)));
        }
      }
    }
    return pending;
  }

  /** The content of an audit_event row read from {@code rs}, columns tenant_id … digest from {@code first}. */
  public static AuditChain.Content content(ResultSet rs, int first) throws SQLException {
    OffsetDateTime at = rs.getObject(first + 7, OffsetDateTime.class);
    return new AuditChain.Content(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2),
        rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6),
        at.toInstant(), rs.getString(first + 8));
  }

  private static void insert(Connection c, List<ChainSealer.Seal> seals, long xmin) throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    try (PreparedStatement ps = c.prepareStatement(
        "insert into audit_seal (position, event_id, prev_hash, hash, sealed_at, floor_xid) values (?, ?, ?, ?, ?, ?)")) {
      for (ChainSealer.Seal seal : seals) {
        ps.setLong(1, seal.position());
        ps.setLong(2, seal.eventId());
        ps.setString(3, seal.prevHash());
        ps.setString(4, seal.hash());
        ps.setTimestamp(5, now);
        ps.setLong(6, xmin);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
