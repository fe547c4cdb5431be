package org.civicplatform.core.review.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicplatform.core.applications.control.FormValidator;
import org.civicplatform.core.applications.entity.Application;
import org.civicplatform.core.review.entity.ReviewTask;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.review.ReviewStage;
import org.civicplatform.spi.review.ScopeKind;

/** Turns a tenant's declared stages into tasks and moves an application through them. */
@RequestScoped
public class ReviewWorkflow {

  @PersistenceContext EntityManager em;
  @jakarta.inject.Inject org.civicplatform.core.tenancy.control.Tenants tenants;

  /** Creates the tasks of a new submission: one per applicable stage, those without predecessors open. */
  public List<ReviewTask> open(TenantModule tenant, Application application, JsonObject context, Instant now) {
    List<ReviewStage> applicable =
        tenant.reviewStages().stream().filter(s -> s.appliesWhen().test(path -> plain(context, path))).toList();
    List<String> present = applicable.stream().map(ReviewStage::id).toList();
    List<ReviewTask> tasks = applicable.stream()
        .map(stage -> new ReviewTask(tenant.id(), application.id(), application.submissions(), stage.id(),
            stage.scope().name(), scopeValue(stage, application, context),
            stage.after().stream().filter(present::contains).toList(),
            application.districtCode(), application.registrationNumber(), application.childIdMasked(),
            application.submittedAt(), now))
        .toList();
    tasks.forEach(em::persist);
    return tasks;
  }

  static String scopeValue(ReviewStage stage, Application application, JsonObject context) {
    return switch (stage.scope()) {
      case DISTRICT -> application.districtCode();
      case DEPARTMENT -> stage.scopeValue();
      case SCHOOL -> {
        Object school = stage.scopeValue() == null ? null : plain(context, stage.scopeValue());
        yield school == null ? null : school.toString();
      }
      case TENANT, AUTOMATIC -> null;
    };
  }

  /** After a decision: open the next stages, or end the review (approved, rejected or returned). */
  public void decided(ReviewTask task, Application application, Instant now) {
    List<ReviewTask> all = tasks(application.id(), task.submission());
    switch (task.status()) {
      case APPROVED -> {
        Map<String, ReviewTask.Status> byStage = new HashMap<>();
        all.forEach(t -> byStage.put(t.stageId(), t.status()));
        all.forEach(t -> t.openIfReady(byStage));
        if (all.stream().allMatch(t -> t.status() == ReviewTask.Status.APPROVED)) {
          application.completeReview(now);
        } else if (!advisory(task)) {
          // an advisory automatic check (仅供参考) is not a review record: the parent may still withdraw
          application.reviewStarted(now);
        }
      }
      case REJECTED -> {
        all.forEach(ReviewTask::cancel);
        application.reject(now);
      }
      case RETURNED -> {
        all.forEach(ReviewTask::cancel);
        application.returnForChanges(now);
      }
      default -> throw new IllegalStateException("not a decision: " + task.status());
    }
  }

  /** Whether a task belongs to an advisory automatic stage of its tenant. */
  boolean advisory(ReviewTask task) {
    return ScopeKind.AUTOMATIC.name().equals(task.scopeKind())
        && tenants.find(task.tenantId()).stream().flatMap(m -> m.reviewStages().stream())
            .anyMatch(s -> s.id().equals(task.stageId()) && s.advisory());
  }

  /** The parent withdrew before any review record: the submission's tasks go. */
  public void withdrawn(Application application) {
    tasks(application.id(), application.submissions()).forEach(em::remove);
  }

  public List<ReviewTask> tasks(java.util.UUID application, int submission) {
    return em.createNamedQuery(ReviewTask.OF_SUBMISSION, ReviewTask.class)
        .setParameter("application", application).setParameter("submission", submission).getResultList();
  }

  /** The plain value at {@code step.section.field} (null when absent). */
  static Object plain(JsonObject context, String path) {
    JsonValue current = context;
    for (String part : path.split("\\.")) {
      if (!(current instanceof JsonObject object)) {
        return null;
      }
      current = object.get(part);
    }
    return FormValidator.plain(current);
  }

  /** Whether a reviewer's scopes cover a task. */
  public static boolean covers(org.civicplatform.core.identity.control.Caller caller, ReviewTask task) {
    if (!caller.belongsTo(task.tenantId())) {
      return false;
    }
    if (caller.hasRole("tenant-admin")) {
      return true;
    }
    ScopeKind kind = ScopeKind.valueOf(task.scopeKind());
    return switch (kind) {
      case DISTRICT -> caller.scopeValues(task.tenantId(), "district").contains(task.scopeValue());
      case DEPARTMENT -> caller.scopeValues(task.tenantId(), "department").contains(task.scopeValue());
      case SCHOOL -> caller.scopeValues(task.tenantId(), "school").contains(task.scopeValue());
      case TENANT -> caller.hasRole("reviewer");
      case AUTOMATIC -> false;
    };
  }
}
