package org.civicplatform.core.verification.control;

import org.civicplatform.spi.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.civicplatform.core.applications.entity.Application;
import org.civicplatform.core.audit.control.AuditTrail;
import org.civicplatform.core.notifications.ApplicationNotices;
import org.civicplatform.core.review.control.ReviewWorkflow;
import org.civicplatform.core.review.entity.ReviewTask;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.registry.Registries;
import org.civicplatform.spi.registry.RegistryUnavailable;
import org.civicplatform.spi.rules.CheckResult;

/**
 * Decides the OPEN tasks of AUTOMATIC review stages with the tenant's checks ({@code
 * ApplicationRules.verify}). One task per transaction, locked {@code FOR UPDATE SKIP LOCKED} so several
 * nodes share the work and a crash only rolls back (the task stays OPEN and is picked up again). All
 * items passed or awaiting manual review → approved (the next stages open); any anomaly → returned to
 * the parent with the details (modify and resubmit); a registry that cannot answer → nothing is stored,
 * the task stays OPEN.
 */
@ApplicationScoped
public class AutomaticStageRunner {

  /** The actor written into the task and the audit trail. */
  public static final String SYSTEM = "system:auto-verification";

  static final Logger LOG = Logger.getLogger(AutomaticStageRunner.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Tenants tenants;
  @Inject Registries registries;
  @Inject VerificationResults results;
  @Inject ReviewWorkflow workflow;
  @Inject ApplicationNotices notices;
  @Inject AuditTrail audit;
  @Inject org.civicplatform.core.rules.control.Scores scores;

  /** Open automatic tasks, oldest submission first (not locked: {@link #check} locks each). */
  @Transactional
  public List<UUID> candidates(int limit) {
    @SuppressWarnings("unchecked")
    List<Object> ids = em.createNativeQuery("select cast(id as varchar) from review_task where scope_kind = 'AUTOMATIC'"
            + " and status = 'OPEN' order by submitted_at, id limit " + Math.max(1, limit))
        .getResultList();
    return ids.stream().map(id -> UUID.fromString(id.toString())).toList();
  }

  /**
   * Checks one task if it is still open and no other node holds it.
   *
   * @return true when the task was decided
   */
  @ActivateRequestContext
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean check(UUID taskId) {
    List<?> locked = em.createNativeQuery("select cast(id as varchar) from review_task where id = cast(?1 as uuid)"
            + " and status = 'OPEN' and scope_kind = 'AUTOMATIC' for update skip locked")
        .setParameter(1, taskId.toString()).getResultList();
    if (locked.isEmpty()) {
      return false;
    }
    ReviewTask task = em.find(ReviewTask.class, taskId);
    Application application = em.find(Application.class, task.applicationId());
    Optional<TenantModule> module = tenants.find(task.tenantId());
    if (application == null || module.isEmpty() || application.submissions() != task.submission()) {
      return false;
    }
    List<CheckResult> checked;
    try {
      checked = module.get().rules().verify(context(application), registries);
    } catch (RegistryUnavailable e) {
      LOG.info(() -> "automatic verification of task " + taskId + " postponed: " + e.getMessage());
      results.failed(taskId, e.getMessage());
      return false;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "automatic verification of task " + taskId + " failed; it stays open", e);
      results.failed(taskId, e.getClass().getSimpleName());
      return false;
    }
    // The registries answered; now take turns with reviewers' decisions and the parent's withdraw on this
    // application. Never wait for it while this task's row is locked: a withdraw holding the application and
    // deleting this task would deadlock with us. Busy → the next sweep tries again.
    List<?> row = em.createNativeQuery("select cast(id as varchar) from application"
            + " where id = cast(?1 as uuid) for update skip locked")
        .setParameter(1, task.applicationId().toString()).getResultList();
    if (row.isEmpty()) {
      return false;
    }
    em.refresh(application);
    if (application.submissions() != task.submission()) {
      return false; // resubmitted meanwhile: this submission's task is superseded
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    results.store(task, checked);
    List<CheckResult> anomalies =
        checked.stream().filter(r -> r.outcome() == CheckResult.Outcome.ANOMALY).toList();
    boolean advisory = module.get().reviewStages().stream()
        .anyMatch(s -> s.id().equals(task.stageId()) && s.advisory());
    if (anomalies.isEmpty() || advisory) {
      // an advisory stage's results are for information only (仅供参考): stored and shown, never a return
      task.decide(SYSTEM, ReviewTask.Decision.APPROVE, null, null, List.of(), now);
    } else {
      Set<String> fields = new LinkedHashSet<>();
      anomalies.forEach(r -> fields.addAll(r.fields().isEmpty() ? List.of(r.item()) : r.fields()));
      String reason = anomalies.stream()
          .map(r -> r.detail() == null ? r.item() : r.detail().zh()).collect(Collectors.joining("；"));
      task.decide(SYSTEM, ReviewTask.Decision.RETURN, "verification-anomaly",
          reason.length() > 1000 ? reason.substring(0, 1000) : reason, List.copyOf(fields), now);
    }
    workflow.decided(task, application, now);
    if (!advisory || application.status() == Application.Status.REVIEWED) {
      // an advisory check sends nothing of its own, but when it is the last step of the review, the
      // parent is told the review is complete (审核完成) just as after a reviewer's last decision
      notices.decided(module.get(), application, task);
    }
    scores.recompute(application);
    audit.record(task.tenantId(), SYSTEM, "system",
        task.status() == ReviewTask.Status.APPROVED ? "review.approve" : "review.return", "review_task",
        task.id().toString(), null);
    em.flush();
    return true;
  }

  /** What the tenant's checks see: the submitted answers plus the child's stage and the school year. */
  static JsonObject context(Application application) {
    return Jsons.createObjectBuilder(application.answers())
        .add("stage", application.stage())
        .add("schoolYear", application.schoolYear())
        .build();
  }
}
