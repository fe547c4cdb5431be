package org.civicplatform.core.audit.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.civicplatform.core.audit.entity.AuditEvent;
import org.civicplatform.core.identity.control.Caller;

/**
 * Appends who did what to which record, in the caller's transaction: one INSERT, no lock, no hash. The
 * {@link AuditSealer} chains committed rows (SHA-256 links, one order across nodes) within about a second;
 * the application's database role may insert audit rows but never change or delete them.
 */
@RequestScoped
@Transactional // joins the caller's transaction, or makes one for callers without (e.g. registration)
public class AuditTrail {

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
    // PostgreSQL keeps microseconds: the sealer hashes what it reads back.
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    AuditEvent event = new AuditEvent(tenant, actor, role, action, targetType, targetId, requestId, at, digest);
    em.persist(event);
    em.flush();
  }
}
