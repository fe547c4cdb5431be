package org.civicplatform.core.notifications;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.civicplatform.core.applications.entity.Application;
import org.civicplatform.core.families.entity.Child;
import org.civicplatform.core.review.entity.ReviewTask;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.rules.BilingualMessages;

/**
 * The notices a family receives about an application (zh-CN SMS naming the tenant, the child and the
 * application number): on submission, rejection, return for changes and review completed. They go
 * through the {@link NotificationGateway} in the same transaction as the action, so a notice is never
 * lost and never sent for an action that did not happen; delivering (and retrying) is the gateway's
 * job, which never blocks the action.
 */
@RequestScoped
public class ApplicationNotices {

  static final BilingualMessages TEXTS =
      new BilingualMessages("org.civicplatform.core.notifications.notices", ApplicationNotices.class.getClassLoader());

  @PersistenceContext EntityManager em;
  @Inject NotificationGateway gateway;

  public void submitted(TenantModule tenant, Application application) {
    send(tenant, application, "submitted", "", "");
  }

  /** After a decision: a notice when the round ended (rejected, returned) or the review completed. */
  public void decided(TenantModule tenant, Application application, ReviewTask task) {
    String stage = tenant.reviewStages().stream().filter(s -> s.id().equals(task.stageId())).findFirst()
        .map(s -> s.name().zh()).orElse(task.stageId());
    var explained = org.civicplatform.spi.review.DecisionReason.explain(
        tenant.decisionReasons(), task.reasonCode(), task.reasonText());
    String reason = explained == null ? "请登录系统查看详情" : explained.zh();
    switch (application.status()) {
      case REJECTED -> send(tenant, application, "rejected", stage, reason);
      case RETURNED -> send(tenant, application, "returned", stage, reason);
      case REVIEWED -> send(tenant, application, "reviewed", stage, reason);
      default -> {
        // an intermediate stage: no message
      }
    }
  }

  private void send(TenantModule tenant, Application application, String kind, String stage, String reason) {
    Optional<String> phone = tenant.rules().contactPhone(application.answers());
    if (phone.isEmpty()) {
      return;
    }
    Child child = em.find(Child.class, application.childId());
    String number = application.registrationNumber() != null
        ? application.registrationNumber() : application.id().toString().substring(0, 8).toUpperCase();
    String text = TEXTS.text(kind, tenant.name().zh(), child == null ? "" : child.name(), number, stage, reason).zh();
    gateway.send(new SmsMessage(tenant.id(), phone.get(), "application." + kind, text));
  }
}
