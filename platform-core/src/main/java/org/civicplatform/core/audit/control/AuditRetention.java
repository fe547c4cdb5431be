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
 * last deleted row and an {@code audit.purge} row in the chain that confirms it.
 */
@ApplicationScoped
public class AuditRetention {

  static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

  /** The floor: audit rows are kept at least this long whatever the configuration says. */
  public static final int MINIMUM_DAYS = 180;

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;

  @Inject
  @ConfigProperty(name = "platform.audit.retention-days", defaultValue = "365")
  int configuredDays;

  private final Clock clock = Clock.systemUTC();

  /** What one purge did. */
  public record Purge(Instant cutoff, long deletedRows, Long purgedThroughId, int retentionDays) {}

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

  @Transactional
  public Purge purge() {
    int days = retentionDays();
    Instant cutoff = clock.instant().minus(Duration.ofDays(days));
    em.createNativeQuery("select pg_advisory_xact_lock(" + AuditTrail.CHAIN_LOCK + ")").getSingleResult();
    // only a prefix of the chain may go: up to (not including) the first row that is still young enough
    @SuppressWarnings("unchecked")
    List<Object> bound = em.createNativeQuery("""
            select coalesce((select min(id) - 1 from audit_event where occurred_at >= ?1),
                            (select max(id) from audit_event))""")
        .setParameter(1, java.sql.Timestamp.from(cutoff)).getResultList();
    Long through = bound.isEmpty() || bound.get(0) == null ? null : ((Number) bound.get(0)).longValue();
    if (through == null) {
      return new Purge(cutoff, 0, null, days);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> last = em.createNativeQuery("select hash, (select count(*) from audit_event where id <= ?1) from audit_event where id = ?1")
        .setParameter(1, through).getResultList();
    if (last.isEmpty() || ((Number) last.get(0)[1]).longValue() == 0) {
      return new Purge(cutoff, 0, null, days);
    }
    String lastHash = (String) last.get(0)[0];
    long count = ((Number) last.get(0)[1]).longValue();
    Instant now = clock.instant();
    // the confirmation row first (it links to the newest row), then the prefix goes
    audit.record(null, "system", "system", "audit.purge", "audit_event", Long.toString(through), lastHash);
    em.createNativeQuery("""
            insert into audit_checkpoint (purged_through_id, last_hash, purged_rows, cutoff, created_at)
            values (?1, ?2, ?3, ?4, ?5)""")
        .setParameter(1, through).setParameter(2, lastHash).setParameter(3, count)
        .setParameter(4, java.sql.Timestamp.from(cutoff)).setParameter(5, java.sql.Timestamp.from(now))
        .executeUpdate();
    int deleted = em.createNativeQuery("delete from audit_event where id <= ?1").setParameter(1, through).executeUpdate();
    LOG.info("audit retention: deleted " + deleted + " rows older than " + cutoff + " (through id " + through + ")");
    return new Purge(cutoff, deleted, through, days);
  }
}
