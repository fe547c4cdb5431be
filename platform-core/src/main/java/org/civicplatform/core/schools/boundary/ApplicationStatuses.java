package org.civicplatform.core.schools.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicplatform.core.applications.entity.Application;
import org.civicplatform.core.review.control.ReviewWorkflow;
import org.civicplatform.core.review.entity.ReviewTask;
import org.civicplatform.core.schools.control.ChildApplication;
import org.civicplatform.core.schools.control.PublishedOutcomes;
import org.civicplatform.core.schools.control.SchoolCatalog;
import org.civicplatform.core.schools.control.StatusDerivation;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.status.Batch;
import org.civicplatform.spi.status.BatchState;
import org.civicplatform.spi.status.ProgressStep;

/**
 * Where a child's application stands for its family: each batch's status (当前进展) with the tenant's
 * label, the chosen and admitted schools with their names, the progress chain, and what the parent may
 * do now (撤销提交, 删除该子女, 打印报名表).
 */
@RequestScoped
public class ApplicationStatuses {

  @Inject Tenants tenants;
  @Inject ChildApplication children;
  @Inject ReviewWorkflow workflow;
  @Inject SchoolCatalog catalog;
  @Inject org.civicplatform.core.applications.control.ApplicationPhase applicationPhase;
  @Inject Instance<PublishedOutcomes> outcomes;

  /** A code with its name. */
  public record Named(String code, LocalizedText name) {}

  /** A status label with its meaning. */
  public record Label(String code, LocalizedText label, LocalizedText meaning) {}

  public record BatchView(String id, LocalizedText name, List<Named> schools, Label status, Named admittedSchool) {}

  public record StageView(String stage, LocalizedText name, String status) {}

  public record Actions(boolean withdraw, boolean deleteChild, boolean print, boolean edit) {}

  public record StatusView(
      UUID childId, String application, String stage, Named district, Instant submittedAt, int submissions,
      List<BatchView> batches, List<ProgressStep> progress, List<StageView> review, Actions actions) {}

  @Transactional
  public StatusView of(String tenant, UUID childId) {
    TenantModule module = tenants.require(tenant);
    ChildApplication.Found found = children.of(tenant, childId);
    Application application = found.application().orElse(null);
    BatchState.ApplicationPhase phase = application == null ? BatchState.ApplicationPhase.NONE
        : BatchState.ApplicationPhase.valueOf(application.status().name());
    Map<String, BatchState.StageState> stages = new HashMap<>();
    List<StageView> review = List.of();
    if (application != null && application.submissions() > 0) {
      List<ReviewTask> tasks = workflow.tasks(application.id(), application.submissions());
      tasks.forEach(t -> stages.put(t.stageId(), BatchState.StageState.valueOf(t.status().name())));
      List<String> order = module.reviewStages().stream().map(s -> s.id()).toList();
      review = tasks.stream().sorted(java.util.Comparator.comparingInt(t -> order.indexOf(t.stageId())))
          .map(t -> new StageView(t.stageId(), module.reviewStages().stream().filter(s -> s.id().equals(t.stageId()))
              .findFirst().map(s -> s.name()).orElse(LocalizedText.of(t.stageId(), t.stageId())), t.status().name()))
          .toList();
    }
    PublishedOutcomes.Published published = application == null || outcomes.isUnsatisfied() || outcomes.isAmbiguous()
        ? PublishedOutcomes.Published.NONE : outcomes.get().of(tenant, application.id());
    JsonObject answers = application == null ? JsonObject.EMPTY_JSON_OBJECT : application.answers();
    Map<String, List<String>> chosen = new HashMap<>(published.choices());
    for (Batch b : module.batches()) {
      if (b.choiceField() != null) {
        chosen.put(b.id(), ChildApplication.codes(answers, b.choiceField()));
      }
    }
    // second-round choices (二次志愿) live outside the form, at the procedure's path
    module.allocation().secondRound().filter(r -> !chosen.containsKey(r.phase()))
        .ifPresent(r -> chosen.put(r.phase(), ChildApplication.codes(answers, r.answersPath())));
    Map<String, LocalizedText> schoolNames = new HashMap<>();
    catalog.schoolList(tenant).forEach(s -> schoolNames.put(s.code(), s.name()));
    List<BatchView> batches = StatusDerivation.batches(module.batches(), phase, stages, chosen, published).stream()
        .map(d -> new BatchView(d.batch().id(), d.batch().name(),
            d.chosen().stream().map(c -> named(c, schoolNames)).toList(),
            d.status().map(s -> new Label(s.code(), s.label(), s.meaning())).orElse(null),
            d.admittedSchool().map(c -> named(c, schoolNames)).orElse(null)))
        .toList();
    List<ProgressStep> progress = StatusDerivation.progress(module.batches(), phase, stages, chosen, published);
    String districtCode = application == null ? null
        : application.districtCode() != null ? application.districtCode()
        : module.rules().district(answers).orElse(null);
    Named district = districtCode == null ? null
        : new Named(districtCode, catalog.district(tenant, districtCode).map(d -> d.name())
            .orElse(LocalizedText.of(districtCode, districtCode)));
    boolean editable = application == null || application.editable();
    Actions actions = new Actions(
        application != null && application.status() == Application.Status.SUBMITTED && applicationPhase.shut(tenant).isEmpty(),
        application == null || application.status() == Application.Status.DRAFT,
        application != null && application.submissions() > 0,
        editable);
    return new StatusView(found.child().id(), phase.name(), found.child().stage(), district,
        application == null ? null : application.submittedAt(), application == null ? 0 : application.submissions(),
        batches, progress, review, actions);
  }

  static Named named(String code, Map<String, LocalizedText> names) {
    return new Named(code, names.getOrDefault(code, LocalizedText.of(code, code)));
  }
}
