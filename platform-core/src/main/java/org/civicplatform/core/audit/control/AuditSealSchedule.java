package org.civicplatform.core.audit.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals the audit chain every second (on every node; the advisory lock lets one of them do it) and signs a
 * checkpoint of its head every {@code platform.audit.checkpoint-interval-seconds} (default 300) when it moved.
 * Failures (e.g. PostgreSQL down) are logged at most once a minute and simply retried.
 */
@Singleton
public class AuditSealSchedule {

  static final Logger LOG = Logger.getLogger(AuditSealSchedule.class.getName());

  @Inject AuditSealer sealer;
  @Inject AuditCheckpoints checkpoints;

  @Inject
  @ConfigProperty(name = "platform.audit.checkpoint-interval-seconds", defaultValue = "300")
  long intervalSeconds;

  private long lastSigned = System.nanoTime();
  private long lastWarned;

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  public void tick() {
    try {
      sealer.sealNow();
      if (System.nanoTime() - lastSigned >= intervalSeconds * 1_000_000_000L) {
        lastSigned = System.nanoTime();
        checkpoints.sign("interval", true);
      }
    } catch (RuntimeException e) {
      if (System.nanoTime() - lastWarned > 60_000_000_000L) {
        lastWarned = System.nanoTime();
        LOG.log(Level.WARNING, "audit sealing failed; retried every second (this is logged once a minute)", e);
      }
    }
  }
}
