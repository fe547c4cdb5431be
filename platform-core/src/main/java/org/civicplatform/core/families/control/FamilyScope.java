package org.civicplatform.core.families.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.civicplatform.core.families.entity.Child;
import org.civicplatform.core.families.entity.Family;
import org.civicplatform.core.identity.control.Caller;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.core.tenancy.control.Tenants;

/**
 * The one place a parent's family and children are looked up: always through the caller's token
 * (tenant + subject), so another family's child answers 404 whatever id is guessed.
 */
@RequestScoped
public class FamilyScope {

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Tenants tenants;

  private final Clock clock = Clock.systemUTC();

  /** The caller's family in the tenant; created on first use when {@code create}. */
  public Optional<Family> family(String tenant, boolean create) {
    tenants.require(tenant);
    if (caller.userId() == null || !caller.belongsTo(tenant)) {
      throw ProblemException.notFound("tenant", tenant);
    }
    var found = em.createNamedQuery(Family.BY_OWNER, Family.class)
        .setParameter("tenant", tenant).setParameter("owner", caller.userId()).getResultList();
    if (!found.isEmpty() || !create) {
      return found.stream().findFirst();
    }
    // A parent's first two requests may arrive at once (two tabs, a retried request): the second insert
    // waits for the first transaction and then does nothing, instead of failing on the unique key.
    em.createNativeQuery("insert into family (id, tenant_id, owner_subject, registration_number, created_at, version)"
            + " values (cast(?1 as uuid), ?2, ?3, cast(?4 as varchar), ?5, 1) on conflict (tenant_id, owner_subject) do nothing")
        .setParameter(1, UUID.randomUUID().toString()).setParameter(2, tenant).setParameter(3, caller.userId())
        .setParameter(4, caller.registrationNumber()).setParameter(5, java.sql.Timestamp.from(clock.instant()))
        .executeUpdate();
    return em.createNamedQuery(Family.BY_OWNER, Family.class)
        .setParameter("tenant", tenant).setParameter("owner", caller.userId()).getResultList().stream().findFirst();
  }

  /** One of the caller's children, or 404 (also for a child of another family). */
  public Child child(String tenant, UUID childId) {
    Family family = family(tenant, false).orElseThrow(() -> ProblemException.notFound("child", String.valueOf(childId)));
    Child child = childId == null ? null : em.find(Child.class, childId);
    if (child == null || !child.familyId().equals(family.id())) {
      throw ProblemException.notFound("child", String.valueOf(childId));
    }
    return child;
  }
}
