package org.civicplatform.core.applications.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.civicplatform.core.applications.entity.Application;
import org.civicplatform.core.audit.control.AuditTrail;
import org.civicplatform.core.identity.control.Caller;
import org.civicplatform.core.rules.control.Digests;
import org.civicplatform.core.rules.control.Scores;

/**
 * The confirmed points of an application (积分确认): the tenant's breakdown computed once when the review
 * completes (审核完成) and stored with the application, stamped with its rule-set version. A later review
 * decision that changes the breakdown stores it again; one that takes the application out of 审核完成
 * drops it. Every change is audited ({@code application.points.confirm} / {@code .clear}, digest of the
 * breakdown). The parent's points page and the allocation both read this stored breakdown.
 */
@RequestScoped
public class ConfirmedPoints {

  /** Audit actions. */
  public static final String CONFIRM = "application.points.confirm";

  public static final String CLEAR = "application.points.clear";

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject Scores scores;
  @Inject org.civicplatform.core.tenancy.control.Tenants tenants;

  /**
   * After a review decision (in its transaction), with the breakdown just computed: stores it when the
   * application is 审核完成 and it differs from the stored one; drops a stored one otherwise.
   *
   * @return whether anything changed
   */
  public boolean afterDecision(Application application, Optional<JsonObject> breakdown) {
    if (application.status() == Application.Status.REVIEWED && breakdown.isPresent()) {
      JsonObject points = breakdown.get();
      if (application.confirmedPoints().filter(points::equals).isPresent()) {
        return false;
      }
      application.confirmPoints(points, points.getString("ruleSet", "unknown"), now());
      record(application, CONFIRM, Digests.sha256(points.toString()));
      return true;
    }
    if (application.status() != Application.Status.REVIEWED && application.confirmedPoints().isPresent()) {
      application.clearConfirmedPoints();
      record(application, CLEAR, null);
      return true;
    }
    return false;
  }

  /**
   * Computes and stores the breakdown of the tenant's 审核完成 applications of a year and stage that have
   * none (reviewed before breakdowns were stored), the same way a review decision does: an allocation
   * run calls it first, so that no reviewed applicant is ranked without its confirmed points.
   *
   * @return how many were filled
   */
  public int fillMissing(String tenant, int schoolYear, String stage) {
    if (tenants.find(tenant).flatMap(m -> m.rules().pointsRules()).isEmpty()) {
      return 0; // the tenant does not rank by points
    }
    List<Application> missing = em.createQuery("select a from Application a where a.tenantId = :tenant"
            + " and a.schoolYear = :year and a.stage = :stage and a.status = :status and a.confirmedPoints is null",
            Application.class)
        .setParameter("tenant", tenant).setParameter("year", schoolYear).setParameter("stage", stage)
        .setParameter("status", Application.Status.REVIEWED.name())
        .getResultList();
    int filled = 0;
    for (Application application : missing) {
      if (afterDecision(application, scores.compute(application))) {
        filled++;
      }
    }
    if (filled > 0) {
      em.flush();
    }
    return filled;
  }

  private void record(Application application, String action, String digest) {
    String actor = caller.userId() == null ? "system" : caller.userId();
    String role = caller.userId() == null ? "system" : caller.roles().stream().sorted().findFirst().orElse(null);
    audit.record(application.tenantId(), actor, role, action, "application", application.id().toString(), digest);
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
