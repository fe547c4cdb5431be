package org.civicplatform.core.rules.control;

import org.civicplatform.spi.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.civicplatform.core.applications.entity.Application;
import org.civicplatform.core.review.entity.ReviewTask;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.core.verification.control.VerificationResults;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.review.ReviewStage;
import org.civicplatform.spi.rules.PointsRules;

/**
 * The points of an application's latest submission from what is confirmed so far: the automatic
 * registry results and the approved stages' confirmed values, under the year's rule parameters. Stored
 * in {@code application_score} stamped with the rule-set version, recomputed after every check and
 * decision (in the caller's transaction).
 */
@ApplicationScoped
public class Scores {

  @PersistenceContext EntityManager em;
  @Inject Tenants tenants;
  @Inject RuleParameters parameters;
  @Inject VerificationResults verification;
  @Inject org.civicplatform.core.applications.control.ConfirmedPoints confirmed;

  /** The breakdown now, or empty when the tenant does not rank by points or has no rules for the year. */
  public Optional<JsonObject> compute(Application application) {
    Optional<TenantModule> module = tenants.find(application.tenantId());
    if (module.isEmpty() || module.get().rules().pointsRules().isEmpty() || application.submissions() == 0) {
      return Optional.empty();
    }
    Optional<PointsRules.Parameters> inForce = parameters.inForce(module.get(), application.schoolYear());
    if (inForce.isEmpty()) {
      return Optional.empty();
    }
    List<ReviewStage> stages = module.get().reviewStages();
    List<PointsRules.StageConfirmation> confirmations = em.createNamedQuery(ReviewTask.OF_SUBMISSION, ReviewTask.class)
        .setParameter("application", application.id()).setParameter("submission", application.submissions())
        .getResultList().stream()
        .map(t -> new PointsRules.StageConfirmation(t.stageId(),
            stages.stream().filter(s -> s.id().equals(t.stageId())).findFirst().map(ReviewStage::items).orElse(List.of()),
            t.status() == ReviewTask.Status.APPROVED, t.confirmedValues()))
        .toList();
    var automatic = verification.of(application.id(), application.submissions()).stream()
        .map(VerificationResults.ItemResult::asCheckResult).toList();
    JsonObject context = Jsons.createObjectBuilder(application.answers())
        .add("stage", application.stage()).add("schoolYear", application.schoolYear()).build();
    return Optional.of(module.get().rules().pointsRules().orElseThrow()
        .breakdown(new PointsRules.PointsInput(context, inForce.get(), automatic, confirmations)));
  }

  /**
   * After a check or a review decision: computes and stores the score of the latest submission (nothing
   * for tenants without points), and confirms it with the application once its review is complete
   * ({@link org.civicplatform.core.applications.control.ConfirmedPoints}).
   */
  public Optional<JsonObject> recompute(Application application) {
    Optional<JsonObject> breakdown = store(application);
    confirmed.afterDecision(application, breakdown);
    return breakdown;
  }

  /**
   * What the parent sees: the breakdown confirmed at 审核完成 (the one the allocation ranks by), else
   * the score as confirmed so far, computed and stored now.
   */
  public Optional<JsonObject> current(Application application) {
    if (application.status() == Application.Status.REVIEWED && application.confirmedPoints().isPresent()) {
      return application.confirmedPoints();
    }
    return store(application);
  }

  private Optional<JsonObject> store(Application application) {
    Optional<JsonObject> breakdown = compute(application);
    breakdown.ifPresent(b -> em.createNativeQuery("insert into application_score (application_id, submission, rule_set,"
            + " total, breakdown, computed_at) values (cast(?1 as uuid), ?2, ?3, ?4, cast(?5 as jsonb), now())"
            + " on conflict (application_id, submission) do update set rule_set = excluded.rule_set,"
            + " total = excluded.total, breakdown = excluded.breakdown, computed_at = excluded.computed_at")
        .setParameter(1, application.id().toString()).setParameter(2, application.submissions())
        .setParameter(3, b.getString("ruleSet", "unknown"))
        .setParameter(4, b.get("total") instanceof JsonNumber n ? n.bigDecimalValue() : null)
        .setParameter(5, b.toString())
        .executeUpdate());
    return breakdown;
  }
}
