package org.civicplatform.core.audit.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs the audit retention once a night (03:17 server time); a failed run is simply tried again next night. */
@Singleton
public class AuditRetentionSchedule {

  static final Logger LOG = Logger.getLogger(AuditRetentionSchedule.class.getName());

  @Inject AuditRetention retention;

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  @Schedule(hour = "3", minute = "17", persistent = false)
  public void nightly() {
    try {
      retention.purge();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "audit retention failed; it runs again tomorrow", e);
    }
  }
}
