package org.civicplatform.core.audit.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.UUID;
import org.civicplatform.core.audit.entity.AuditEvent;
import org.civicplatform.core.identity.control.Caller;

/** Appends who did what to which record, in the caller's transaction. */
@RequestScoped
public class AuditTrail {

  @PersistenceContext EntityManager em;
  @Inject Caller caller;

  private final Clock clock = Clock.systemUTC();
  private final String requestId = UUID.randomUUID().toString();

  public void record(String tenant, String action, String targetType, Object targetId) {
    String role = caller.roles().stream().sorted().findFirst().orElse(null);
    em.persist(new AuditEvent(tenant, caller.userId() == null ? "anonymous" : caller.userId(), role, action,
        targetType, String.valueOf(targetId), requestId, clock.instant(), null));
  }
}
