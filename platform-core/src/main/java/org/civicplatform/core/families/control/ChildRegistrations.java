package org.civicplatform.core.families.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import org.civicplatform.core.families.entity.Child;

/** A child registers once per tenant: as an account's child or inside one registration (twins). */
@ApplicationScoped
public class ChildRegistrations {

  @PersistenceContext EntityManager em;

  /**
   * Whether a child's ID number is registered in the tenant already: as an account's child, or inside an
   * application other than {@code exceptApplication} at one of the tenant's {@code childIdNumberAnswers} (a
   * twin in another registration; the GIN index of the answers answers it).
   */
  public boolean registeredAlready(org.civicplatform.spi.TenantModule module, String idNumber, UUID exceptApplication) {
    if (!em.createNamedQuery(Child.BY_ID_NUMBER, Child.class).setParameter("tenant", module.id())
        .setParameter("idNumber", idNumber).getResultList().isEmpty()) {
      return true;
    }
    for (String path : module.rules().childIdNumberAnswers()) {
      @SuppressWarnings("unchecked")
      List<Object> ids = em.createNativeQuery("select id from application where tenant_id = ?1"
              + " and answers @> cast(?2 as jsonb) limit 2")
          .setParameter(1, module.id())
          .setParameter(2, org.civicplatform.core.applications.control.AnswerPaths.containing(path, idNumber))
          .getResultList();
      if (ids.stream().anyMatch(id -> exceptApplication == null || !exceptApplication.toString().equals(id.toString()))) {
        return true;
      }
    }
    return false;
  }

}
