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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.civicplatform.core.persistence.DatabaseMigration;

/** The database side of the signed checkpoints: seal, read the head, sign it, keep it (insert only). */
@ApplicationScoped
public class CheckpointStore {

  static final Logger LOG = Logger.getLogger(CheckpointStore.class.getName());

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  /** The retention prefix the chain starts after: its last position, that position's event id and hash. */
  public record Retention(long position, Long eventId, String hash) {
    static final Retention NONE = new Retention(0, null, AuditChain.GENESIS);
  }

  public static Retention retention(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select purged_through_position, purged_through_id, last_hash from audit_checkpoint"
            + " order by id desc limit 1")) {
      return rs.next() ? new Retention(rs.getLong(1), rs.getLong(2), rs.getString(3)) : Retention.NONE;
    }
  }

  /**
   * Seals what is pending, then signs the head with {@code key} and keeps the checkpoint: null when
   * {@code onlyIfChanged} and neither the head nor the retention prefix moved since the last checkpoint, or
   * when the chain no longer holds the last checkpoint (then nothing is signed: a broken chain is never
   * blessed — verify reports it).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public SignedCheckpoint sign(CheckpointKey key, String reason, boolean onlyIfChanged) {
    try (Connection c = dataSource.getConnection()) {
      AuditSealer.seal(c, true);
      ChainSealer.Head head = AuditSealer.head(c);
      Retention retention = retention(c);
      SignedCheckpoint last = latest(c);
      if (last != null) {
        if (onlyIfChanged && last.position() == head.position() && last.purgedThrough() == retention.position()) {
          return null;
        }
        if (head.position() < last.position()) {
          LOG.severe("audit chain: not signing a checkpoint: the chain ends at position " + head.position()
              + ", before the last checkpoint's position " + last.position() + " (rows deleted?)");
          return null;
        }
        if (last.position() > retention.position()) {
          String hash = hashAt(c, last.position());
          if (!last.hash().equals(hash)) {
            LOG.severe("audit chain: not signing a checkpoint: the hash at position " + last.position() + " is " + hash
                + ", the last checkpoint signed " + last.hash() + " (rows rewritten?)");
            return null;
          }
        }
      }
      SignedCheckpoint checkpoint = key.sign(new SignedCheckpoint(key.id(), head.position(), head.hash(),
          head.position() - retention.position(), retention.position(), retention.hash(),
          Instant.now().truncatedTo(ChronoUnit.MILLIS), reason, null));
      try (PreparedStatement ps = c.prepareStatement("insert into audit_signing_key (key_id, algorithm, public_key, created_at)"
          + " values (?, ?, ?, now()) on conflict (key_id) do nothing")) {
        ps.setString(1, key.id());
        ps.setString(2, SignedCheckpoint.ALGORITHM);
        ps.setString(3, key.publicKey());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("""
          insert into audit_signed_checkpoint (key_id, position, hash, rows, purged_through, purged_hash, signed_at, reason, signature)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
        ps.setString(1, checkpoint.keyId());
        ps.setLong(2, checkpoint.position());
        ps.setString(3, checkpoint.hash());
        ps.setLong(4, checkpoint.rows());
        ps.setLong(5, checkpoint.purgedThrough());
        ps.setString(6, checkpoint.purgedHash());
        ps.setTimestamp(7, Timestamp.from(checkpoint.signedAt()));
        ps.setString(8, checkpoint.reason());
        ps.setString(9, checkpoint.signature());
        ps.executeUpdate();
      }
      return checkpoint;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hashAt(Connection c, long position) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select hash from audit_seal where position = ?")) {
      ps.setLong(1, position);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static SignedCheckpoint latest(Connection c) throws SQLException {
    List<SignedCheckpoint> all = list(c, " order by id desc limit 1");
    return all.isEmpty() ? null : all.get(0);
  }

  /** Every checkpoint kept in the database. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<SignedCheckpoint> all() {
    try (Connection c = dataSource.getConnection()) {
      return list(c, " order by position, signed_at");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every public key kept in the database, by id. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Map<String, String> keys() {
    Map<String, String> keys = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select key_id, public_key from audit_signing_key order by created_at")) {
      while (rs.next()) {
        keys.put(rs.getString(1), rs.getString(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return keys;
  }

  private static List<SignedCheckpoint> list(Connection c, String order) throws SQLException {
    List<SignedCheckpoint> all = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "select key_id, position, hash, rows, purged_through, purged_hash, signed_at, reason, signature"
            + " from audit_signed_checkpoint" + order)) {
      while (rs.next()) {
        all.add(new SignedCheckpoint(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
            rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getString(8), rs.getString(9)));
      }
    }
    return all;
  }
}
