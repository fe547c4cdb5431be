package org.civicplatform.core.notifications;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.civicplatform.core.persistence.DatabaseMigration;
import org.eclipse.microprofile.config.Config;

/**
 * Delivers the outbox: every two seconds the due QUEUED messages are leased (row locks with SKIP LOCKED, so
 * several nodes share the work), handed to the {@link SmsProvider}, and marked DELIVERED — or scheduled again
 * with a growing delay ({@link SmsRetry}); after {@code platform.sms.delivery.max-attempts} they are FAILED
 * and logged for the operators, never deleted. The action that queued a message never waits for the carrier.
 */
@Singleton
public class SmsDelivery {

  static final Logger LOG = Logger.getLogger(SmsDelivery.class.getName());

  /** How long a leased message is left to one node before another may try it. */
  static final Duration LEASE = Duration.ofMinutes(2);

  @Inject SmsProvider provider;
  @Inject Config config;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  record Due(long id, SmsMessage message, int attempts) {}

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
  public void sweep() {
    if (!config.getOptionalValue("platform.sms.delivery.enabled", Boolean.class).orElse(true)) {
      return;
    }
    try {
      for (Due due : lease(config.getOptionalValue("platform.sms.delivery.batch", Integer.class).orElse(50))) {
        deliver(due);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "SMS delivery sweep failed; the next one tries again", e);
    }
  }

  private List<Due> lease(int batch) throws SQLException {
    List<Due> due = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("""
              select id, tenant_id, recipient, purpose, body, attempts from sms_outbox
              where status = 'QUEUED' and (next_attempt_at is null or next_attempt_at <= now())
              order by id limit ? for update skip locked""")) {
        ps.setInt(1, batch);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            due.add(new Due(rs.getLong(1), new SmsMessage(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                rs.getInt(6) + 1));
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "update sms_outbox set attempts = attempts + 1, next_attempt_at = ? where id = ?")) {
        for (Due d : due) {
          ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).plus(LEASE));
          ps.setLong(2, d.id());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    }
    return due;
  }

  private void deliver(Due due) throws SQLException {
    String error = null;
    try {
      provider.deliver(due.id(), due.message());
    } catch (SmsProvider.SmsProviderException | RuntimeException e) {
      error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    try (Connection c = dataSource.getConnection()) {
      if (error == null) {
        try (PreparedStatement ps = c.prepareStatement(
            "update sms_outbox set status = 'DELIVERED', delivered_at = now(), last_error = null where id = ?")) {
          ps.setLong(1, due.id());
          ps.executeUpdate();
        }
        return;
      }
      int max = config.getOptionalValue("platform.sms.delivery.max-attempts", Integer.class).orElse(8);
      Duration base = Duration.ofSeconds(
          config.getOptionalValue("platform.sms.delivery.backoff-seconds", Integer.class).orElse(30));
      Duration delay = SmsRetry.nextDelay(due.attempts(), max, base);
      try (PreparedStatement ps = c.prepareStatement(
          "update sms_outbox set status = ?, next_attempt_at = ?, last_error = ? where id = ?")) {
        ps.setString(1, delay == null ? "FAILED" : "QUEUED");
        ps.setObject(2, delay == null ? null : OffsetDateTime.now(ZoneOffset.UTC).plus(delay));
        ps.setString(3, error.length() > 300 ? error.substring(0, 300) : error);
        ps.setLong(4, due.id());
        ps.executeUpdate();
      }
      if (delay == null) {
        LOG.severe("SMS " + due.id() + " (" + due.message().purpose() + ") FAILED after " + due.attempts()
            + " attempts: " + error);
      }
    }
  }
}
