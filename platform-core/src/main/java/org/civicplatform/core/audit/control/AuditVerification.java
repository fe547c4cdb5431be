package org.civicplatform.core.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.civicplatform.core.persistence.DatabaseMigration;

/**
 * Verifies the audit chain in the database against the signed checkpoints ({@link ChainCheck}): every
 * sealed link in position order, then every event older than {@value #GRACE_SECONDS} s that no link covers.
 */
@ApplicationScoped
public class AuditVerification {

  /** How long a committed event may wait for the sealer before verify calls it never sealed. */
  public static final int GRACE_SECONDS = 60;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject AuditCheckpoints checkpoints;

  /** The verdict, and whether the connected role is kept from changing audit rows. */
  public record Result(ChainCheck.Verdict verdict, boolean appendOnly) {}

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Result verify() {
    var signed = checkpoints.all();
    var keys = checkpoints.publicKeys();
    try (Connection c = dataSource.getConnection()) {
      CheckpointStore.Retention retention = CheckpointStore.retention(c);
      ChainCheck check = new ChainCheck(retention.position(), retention.eventId(), retention.hash(), signed, keys);
      long after = retention.position();
      boolean going = true;
      try (PreparedStatement ps = c.prepareStatement("""
          select s.position, s.event_id, s.prev_hash, s.hash, e.tenant_id, e.actor, e.actor_role, e.action,
                 e.target_type, e.target_id, e.request_id, e.occurred_at, e.digest, e.id
          from audit_seal s left join audit_event e on e.id = s.event_id
          where s.position > ? order by s.position limit 2000""")) {
        while (going) {
          ps.setLong(1, after);
          int n = 0;
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next() && going) {
              n++;
              after = rs.getLong(1);
              rs.getLong(14);
              AuditChain.Content content = rs.wasNull() ? null : AuditSealer.content(rs, 5);
              going = check.accept(after, rs.getLong(2), rs.getString(3), rs.getString(4), content);
            }
          }
          going &= n == 2000;
        }
      }
      try (PreparedStatement ps = c.prepareStatement("""
          select min(e.id) from audit_event e
          where not exists (select 1 from audit_seal s where s.event_id = e.id)
            and e.occurred_at < now() - make_interval(secs => ?)""")) {
        ps.setInt(1, GRACE_SECONDS);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            long id = rs.getLong(1);
            if (!rs.wasNull()) {
              check.unsealed(id);
            }
          }
        }
      }
      return new Result(check.finish(), appendOnly(c));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean appendOnly(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
        select not (has_table_privilege('audit_event', 'UPDATE') or has_table_privilege('audit_event', 'DELETE')
                 or has_table_privilege('audit_event', 'TRUNCATE') or has_table_privilege('audit_seal', 'UPDATE')
                 or has_table_privilege('audit_seal', 'DELETE') or has_table_privilege('audit_seal', 'TRUNCATE'))""")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }
}
