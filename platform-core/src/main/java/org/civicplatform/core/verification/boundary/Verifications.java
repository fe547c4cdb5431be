package org.civicplatform.core.verification.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.civicplatform.core.applications.entity.Application;
import org.civicplatform.core.families.control.FamilyScope;
import org.civicplatform.core.families.entity.Child;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.core.review.control.ReviewWorkflow;
import org.civicplatform.core.review.entity.ReviewTask;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.core.verification.control.VerificationResults;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The parent's view of the automatic verification of their latest submission. */
@RequestScoped
public class Verifications {

  @PersistenceContext EntityManager em;
  @Inject FamilyScope families;
  @Inject Tenants tenants;
  @Inject ReviewWorkflow workflow;
  @Inject VerificationResults results;

  @Inject
  @ConfigProperty(name = "platform.school-year", defaultValue = "2024")
  int schoolYear;

  /**
   * Where verification stands: {@code status} is VERIFYING while an automatic task is open (also while
   * a registry is unavailable), then DONE; {@code items} are the results (通过 / 异常 / 待审核).
   */
  public record VerificationView(int submission, String status, List<VerificationResults.ItemResult> items) {}

  @Transactional
  public VerificationView of(String tenant, UUID childId) {
    tenants.require(tenant);
    Child child = families.child(tenant, childId);
    Application application = em.createNamedQuery(Application.OF_CHILD, Application.class)
        .setParameter("tenant", tenant).setParameter("child", child.id()).setParameter("year", schoolYear)
        .getResultList().stream().findFirst()
        .orElseThrow(() -> ProblemException.notFound("application", String.valueOf(childId)));
    if (application.submissions() == 0) {
      return new VerificationView(0, "NOT_SUBMITTED", List.of());
    }
    List<ReviewTask> automatic = workflow.tasks(application.id(), application.submissions()).stream()
        .filter(t -> "AUTOMATIC".equals(t.scopeKind())).toList();
    String status = automatic.isEmpty() ? "NONE"
        : automatic.stream().anyMatch(t -> t.status() == ReviewTask.Status.OPEN
            || t.status() == ReviewTask.Status.WAITING) ? "VERIFYING" : "DONE";
    return new VerificationView(application.submissions(), status,
        results.of(application.id(), application.submissions()));
  }
}
