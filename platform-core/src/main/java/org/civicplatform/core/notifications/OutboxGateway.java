package org.civicplatform.core.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;

/**
 * The default gateway: every message becomes a row of {@code sms_outbox}, in the caller's transaction
 * (a message about something that rolled back is never sent). A delivery process or a provider
 * adapter picks them up from there; in development and tests they are read through {@link
 * OutboxResource}.
 *
 * <p>The row is written through the transaction's own entity manager, so on its connection: a second
 * pooled connection taken inside the caller's transaction deadlocked the node once as many submissions
 * as the pool has connections ran at once (each held one and waited for another, RAR5117 after 60 s).
 */
@ApplicationScoped
public class OutboxGateway implements NotificationGateway {

  private static final Logger LOG = Logger.getLogger(OutboxGateway.class.getName());

  @PersistenceContext EntityManager em;

  private final Clock clock = Clock.systemUTC();

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public void send(SmsMessage message) {
    em.createNativeQuery(
            "insert into sms_outbox (tenant_id, recipient, purpose, body, created_at) values (?, ?, ?, ?, ?)")
        .setParameter(1, message.tenant())
        .setParameter(2, message.recipient())
        .setParameter(3, message.purpose())
        .setParameter(4, message.text())
        .setParameter(5, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
        .executeUpdate();
    // the recipient is masked by LogMasking; the text may hold a code and is never logged
    LOG.fine(() -> "SMS " + message.purpose() + " queued for " + message.recipient());
  }
}
