package org.civicplatform.core.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes audit rows older than the retention period ({@code platform.audit.retention-days}, default 365,
 * never less than {@value #MINIMUM_DAYS}) as a prefix of the chain, leaving a checkpoint with the hash of the
 * last deleted row and an {@code audit.purge} row in the chain that confirms it. The database enforces the
 * floor too: {@code audit_purge} refuses a cutoff younger than 180 days.
 */
@ApplicationScoped
public class AuditRetention {

  static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

  /** The floor: audit rows are kept at least this long whatever the configuration says. */
  public static final int MINIMUM_DAYS = 180;

  @Inject AuditSealer sealer;
  @Inject Store store;
  @Inject AuditCheckpoints checkpoints;

  @Inject
  @ConfigProperty(name = "platform.audit.retention-days", defaultValue = "365")
  int configuredDays;

  private final Clock clock = Clock.systemUTC();

  /** What one purge did. */
  public record Purge(Instant cutoff, long deletedRows, Long purgedThroughId, int retentionDays, Long purgedThroughPosition) {}

  /** The retention period in force: the configured one, raised to the minimum when set lower. */
  public static int effectiveDays(int configured) {
    return Math.max(MINIMUM_DAYS, configured);
  }

  public int retentionDays() {
    int days = effectiveDays(configuredDays);
    if (days != configuredDays) {
      LOG.warning("platform.audit.retention-days=" + configuredDays + " is below the minimum; keeping " + days + " days");
    }
    return days;
  }

  /**
   * Seals what is pending, then removes the prefix through {@code audit_purge} (SECURITY DEFINER, V106: the
   * application's role cannot delete audit rows itself), then signs a checkpoint of the new start.
   */
  public Purge purge() {
    int days = retentionDays();
    Instant cutoff = clock.instant().minus(Duration.ofDays(days));
    sealer.sealNow();
    Purge purge = store.purge(cutoff, days);
    if (purge.deletedRows() > 0) {
      LOG.info("audit retention: deleted " + purge.deletedRows() + " rows older than " + cutoff + " (through id "
          + purge.purgedThroughId() + ", position " + purge.purgedThroughPosition() + ")");
      checkpoints.signAfter("retention");
    }
    return purge;
  }

  /** The purge's own transaction. */
  @ApplicationScoped
  public static class Store {

    @PersistenceContext EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Purge purge(Instant cutoff, int days) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows = em.createNativeQuery(
              "select purged_through_position, purged_through_id, deleted_rows from audit_purge(?1)")
          .setParameter(1, java.sql.Timestamp.from(cutoff)).getResultList();
      if (rows.isEmpty()) {
        return new Purge(cutoff, 0, null, days, null);
      }
      Object[] row = rows.get(0);
      return new Purge(cutoff, ((Number) row[2]).longValue(), ((Number) row[1]).longValue(), days,
          ((Number) row[0]).longValue());
    }
  }
}
