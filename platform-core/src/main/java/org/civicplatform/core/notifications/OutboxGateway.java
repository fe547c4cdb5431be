package org.civicplatform.core.notifications;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.civicplatform.core.persistence.DatabaseMigration;

/**
 * The default gateway: every message becomes a row of {@code sms_outbox}, in the caller's transaction
 * (a message about something that rolled back is never sent). A delivery process or a provider
 * adapter picks them up from there; in development and tests they are read through {@link
 * OutboxResource}.
 */
@ApplicationScoped
public class OutboxGateway implements NotificationGateway {

  private static final Logger LOG = Logger.getLogger(OutboxGateway.class.getName());

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  private final Clock clock = Clock.systemUTC();

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public void send(SmsMessage message) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "insert into sms_outbox (tenant_id, recipient, purpose, body, created_at) values (?, ?, ?, ?, ?)")) {
      ps.setString(1, message.tenant());
      ps.setString(2, message.recipient());
      ps.setString(3, message.purpose());
      ps.setString(4, message.text());
      ps.setObject(5, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not queue the SMS", e);
    }
    // the recipient is masked by LogMasking; the text may hold a code and is never logged
    LOG.fine(() -> "SMS " + message.purpose() + " queued for " + message.recipient());
  }
}
