package org.civicplatform.core.audit.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.civicplatform.core.audit.entity.AuditEvent;
import org.civicplatform.core.identity.control.Caller;

/**
 * Appends who did what to which record, in the caller's transaction, as the next link of a hash chain:
 * each row's hash covers its content and the previous row's hash. Appends are serialised by a
 * transaction-scoped PostgreSQL advisory lock, so the chain has one order whichever node writes.
 */
@RequestScoped
@Transactional // joins the caller's transaction, or makes one for callers without (e.g. registration)
public class AuditTrail {

  /** Advisory lock key of the audit chain. */
  static final long CHAIN_LOCK = 0x61756469744cL;

  @PersistenceContext EntityManager em;
  @Inject Caller caller;

  private final Clock clock = Clock.systemUTC();
  private final String requestId = UUID.randomUUID().toString();

  public void record(String tenant, String action, String targetType, Object targetId) {
    record(tenant, caller.userId() == null ? "anonymous" : caller.userId(),
        caller.roles().stream().sorted().findFirst().orElse(null), action, targetType, String.valueOf(targetId), null);
  }

  /** Records an action with a digest of what changed (e.g. SHA-256 of before/after), or null. */
  public void record(
      String tenant, String actor, String role, String action, String targetType, String targetId, String digest) {
    em.createNativeQuery("select pg_advisory_xact_lock(" + CHAIN_LOCK + ")").getSingleResult();
    @SuppressWarnings("unchecked")
    List<Object> last = em.createNativeQuery("select hash from audit_event order by id desc limit 1").getResultList();
    String previous = last.isEmpty() || last.get(0) == null ? AuditChain.GENESIS : last.get(0).toString();
    // PostgreSQL keeps microseconds: hash what will be read back.
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    AuditEvent event = new AuditEvent(tenant, actor, role, action, targetType, targetId, requestId, at, digest);
    event.chain(previous, AuditChain.hash(previous, event));
    em.persist(event);
    em.flush();
  }
}
