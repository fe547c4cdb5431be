package org.civicplatform.core.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.civicplatform.core.audit.control.AccessActions;
import org.civicplatform.core.families.control.FamilyScope;
import org.civicplatform.core.families.entity.Child;
import org.civicplatform.core.identity.control.Caller;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.review.ReviewStage;

/**
 * 查阅记录: who (role + pseudonym, never the parent themselves) read, took up or decided on a child's
 * application, its review tasks and its documents, newest first — from the audit trail, so it is complete by
 * construction: every read of an application by staff writes an audit row in the same transaction.
 */
@RequestScoped
public class AccessLog {

  static final int LIMIT = 500;

  @PersistenceContext EntityManager em;
  @Inject FamilyScope families;
  @Inject Tenants tenants;
  @Inject Caller caller;

  /** One access: when, what, by whom (role and pseudonym), at which review stage if any. */
  public record Entry(
      Instant at, String action, LocalizedText actionName, String role, LocalizedText roleName, String actor,
      String stage, LocalizedText stageName) {}

  public record View(List<Entry> entries, boolean truncated) {}

  @Transactional
  public View of(String tenant, UUID childId) {
    TenantModule module = tenants.require(tenant);
    Child child = families.child(tenant, childId);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("""
            select e.occurred_at, e.action, e.actor_role, e.actor, t.stage_id
            from audit_event e
            left join review_task t on e.target_type = 'review_task' and e.target_id = t.id::text
            where e.tenant_id = ?1 and e.actor <> ?2 and (
                 (e.target_type = 'application' and e.target_id in (select a.id::text from application a where a.child_id = ?4))
              or (e.target_type = 'review_task' and t.application_id in (select a.id from application a where a.child_id = ?4))
              or (e.target_type = 'document' and e.target_id in (select d.id::text from document d where d.child_id = ?4))
              or (e.target_type = 'child' and e.target_id = ?5))
            order by e.id desc
            limit ?6""")
        .setParameter(1, tenant).setParameter(2, caller.userId())
        .setParameter(4, child.id())
        .setParameter(5, child.id().toString()).setParameter(6, LIMIT + 1)
        .getResultList();
    List<Entry> entries = new ArrayList<>();
    for (Object[] row : rows.subList(0, Math.min(rows.size(), LIMIT))) {
      String action = (String) row[1];
      String role = (String) row[2];
      String stage = (String) row[4];
      LocalizedText stageName = stage == null ? null : module.reviewStages().stream()
          .filter(s -> s.id().equals(stage)).map(ReviewStage::name).findFirst().orElse(null);
      entries.add(new Entry(instant(row[0]), action, AccessActions.action(action), role,
          AccessActions.role(role), "system".equals(role) ? null : AccessActions.pseudonym((String) row[3]),
          stage, stageName));
    }
    return new View(entries, rows.size() > LIMIT);
  }

  static Instant instant(Object value) {
    return value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant()
        : ((java.time.OffsetDateTime) value).toInstant();
  }
}
