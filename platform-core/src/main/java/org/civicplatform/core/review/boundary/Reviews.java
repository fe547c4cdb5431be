package org.civicplatform.core.review.boundary;

import org.civicplatform.spi.json.Jsons;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicplatform.core.applications.entity.Application;
import org.civicplatform.core.audit.control.AuditTrail;
import org.civicplatform.core.identity.control.Caller;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.spi.review.DecisionReason;
import org.civicplatform.core.review.control.IdNumberAnswers;
import org.civicplatform.core.review.control.ReviewWorkflow;
import org.civicplatform.core.review.entity.ReviewTask;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.review.ReviewStage;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.rules.ConfirmedValues;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The reviewer's use cases: one queue over all their scopes, claim, release, decide. */
@RequestScoped
public class Reviews {

  static final int MAX_PAGE = 100;

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Tenants tenants;
  @Inject ReviewWorkflow workflow;
  @Inject AuditTrail audit;
  @Inject org.civicplatform.core.verification.control.VerificationResults verification;
  @Inject org.civicplatform.core.notifications.ApplicationNotices notices;
  @Inject org.civicplatform.core.documents.boundary.Documents documents;
  @Inject org.civicplatform.core.rules.control.Scores scores;

  @Inject
  @ConfigProperty(name = "platform.review.claim-minutes", defaultValue = "30")
  int claimMinutes;

  private final Clock clock = Clock.systemUTC();

  /** Now, at the precision PostgreSQL stores, so what is answered equals what is read back later. */
  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  /** Queue filters; all optional. */
  public record Filter(
      String tenant, String district, String stage, String status, Instant submittedFrom, Instant submittedTo,
      String query, int page, int size) {}

  /** A task as a reviewer sees it in the queue. */
  public record TaskView(
      UUID id, String tenant, UUID applicationId, int submission, String stage, LocalizedText stageName,
      String scopeKind, String scopeValue, String status, String district, String registrationNumber,
      String childIdMasked, Instant submittedAt, String claimedBy, Instant claimExpiresAt, String decision,
      String decidedBy, Instant decidedAt, String reasonCode, String reasonText, List<String> returnFields,
      long version, List<String> items, JsonObject confirmedValues, List<String> overrides,
      PendingOverride pendingOverride) {}

  /**
   * Values overriding an automatic registry result, waiting for a second reviewer of the same scope.
   *
   * @param proposedBy the first reviewer
   * @param values every value they confirmed or corrected
   * @param overrides the items that differ from the registry result
   */
  public record PendingOverride(String proposedBy, Instant proposedAt, JsonObject values, List<String> overrides) {}

  /** One page of the queue. */
  public record Page(List<TaskView> items, long total, int page, int size) {}

  /** A task with the application it reviews (a read of personal data: audited). */
  public record TaskDetail(
      TaskView task, JsonObject answers, List<String> changedSteps, String applicationStatus,
      List<org.civicplatform.core.verification.control.VerificationResults.ItemResult> verification,
      JsonObject points, jakarta.json.JsonArray corrections,
      List<org.civicplatform.core.documents.boundary.Documents.DocumentView> documents,
      List<SharedValue> sharedWithOtherFamilies) {}

  /** An answer another family of the tenant also gave (e.g. the same property certificate number). */
  public record SharedValue(String field, String value, long otherFamilies) {}

  /**
   * A decision: APPROVE, REJECT (with a reason) or RETURN (naming what to fix). With APPROVE a
   * department reviewer may send {@code values}: the confirmed or corrected value of each of the stage's
   * items (e.g. {@code {"property": "2003-08-15"}}); values overriding an automatic registry result wait
   * for a second reviewer.
   */
  public record DecisionRequest(
      String decision, String reasonCode, String reasonText, List<String> fields, JsonObject values) {}

  /** The outcome of a decision: {@code pending} when it waits for a second reviewer (4-eyes). */
  public record Decided(TaskView task, boolean pending) {}

  @Transactional
  public Page queue(Filter filter) {
    int size = Math.max(1, Math.min(filter.size() <= 0 ? 20 : filter.size(), MAX_PAGE));
    int page = Math.max(0, filter.page());
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params);
    TypedQuery<ReviewTask> select = em.createQuery(
        "select t from ReviewTask t where " + where + " order by t.submittedAt, t.id", ReviewTask.class);
    TypedQuery<Long> count = em.createQuery("select count(t) from ReviewTask t where " + where, Long.class);
    params.forEach((k, v) -> {
      select.setParameter(k, v);
      count.setParameter(k, v);
    });
    List<TaskView> items = select.setFirstResult(page * size).setMaxResults(size).getResultList()
        .stream().map(this::view).toList();
    return new Page(items, count.getSingleResult(), page, size);
  }

  /** The scope clause: the tasks of every district, department and school the caller holds. */
  String where(Filter filter, Map<String, Object> params) {
    List<String> clauses = new ArrayList<>();
    clauses.add("t.status = :status");
    params.put("status", filter.status() == null || filter.status().isBlank() ? "OPEN" : status(filter.status()));
    List<String> tenantIds = tenants.enabled().stream().map(t -> t.id())
        .filter(caller::belongsTo)
        .filter(id -> filter.tenant() == null || filter.tenant().equals(id)).toList();
    if (tenantIds.isEmpty()) {
      return "1 = 0";
    }
    List<String> scopes = new ArrayList<>();
    for (int i = 0; i < tenantIds.size(); i++) {
      String tenant = tenantIds.get(i);
      params.put("t" + i, tenant);
      if (caller.hasRole("tenant-admin")) {
        scopes.add("t.tenantId = :t" + i);
        continue;
      }
      List<String> kinds = new ArrayList<>();
      for (String[] kind : new String[][] {{"DISTRICT", "district"}, {"DEPARTMENT", "department"}, {"SCHOOL", "school"}}) {
        List<String> values = caller.scopeValues(tenant, kind[1]);
        if (!values.isEmpty()) {
          String name = kind[1] + i;
          params.put(name, values);
          kinds.add("(t.scopeKind = '" + kind[0] + "' and t.scopeValue in :" + name + ")");
        }
      }
      if (caller.hasRole("reviewer")) {
        kinds.add("t.scopeKind = 'TENANT'");
      }
      if (!kinds.isEmpty()) {
        scopes.add("(t.tenantId = :t" + i + " and (" + String.join(" or ", kinds) + "))");
      }
    }
    if (scopes.isEmpty()) {
      return "1 = 0";
    }
    clauses.add("(" + String.join(" or ", scopes) + ")");
    if (filter.district() != null && !filter.district().isBlank()) {
      clauses.add("t.districtCode = :district");
      params.put("district", filter.district());
    }
    if (filter.stage() != null && !filter.stage().isBlank()) {
      clauses.add("t.stageId = :stage");
      params.put("stage", filter.stage());
    }
    if (filter.submittedFrom() != null) {
      clauses.add("t.submittedAt >= :from");
      params.put("from", filter.submittedFrom());
    }
    if (filter.submittedTo() != null) {
      clauses.add("t.submittedAt < :to");
      params.put("to", filter.submittedTo());
    }
    if (filter.query() != null && !filter.query().isBlank()) {
      String q = filter.query().strip().toUpperCase();
      params.put("q", q);
      // also the family's account phone (注册报名的手机号) and the tenants' searchable answers (e.g. the
      // points subject's ID number), resolved to registration numbers and applications first
      params.put("qNumbers", accountNumbers(q));
      List<UUID> matching = new ArrayList<>(applicationsAnswering(tenantIds, q));
      matching.addAll(applicationsOfChild(tenantIds, q));
      params.put("qApplications", matching.isEmpty() ? List.of(new UUID(0, 0)) : matching); // "in ()" is no SQL
      clauses.add("(t.registrationNumber = :q or t.childIdMasked = :q or t.registrationNumber in :qNumbers"
          + " or t.applicationId in :qApplications)");
    }
    return String.join(" and ", clauses);
  }

  /** The registration numbers of the parent accounts with this phone (none, or one). */
  private List<String> accountNumbers(String q) {
    if (!q.matches("\\d{11}")) {
      return List.of("-");
    }
    @SuppressWarnings("unchecked")
    List<String> numbers = em.createNativeQuery("select registration_number from parent_account where phone = ?1")
        .setParameter(1, q).getResultList();
    return numbers.isEmpty() ? List.of("-") : numbers;
  }

  /**
   * The applications of these tenants one of whose searchable answers is {@code q}: a JSON containment
   * ({@code answers @> {"family": {"guardian1": {"idNumber": q}}}}) per path, answered by the GIN index on
   * {@code application.answers} (V130) rather than by reading every application's answers. The answers are
   * stored normalised (ID numbers upper case, no spaces), so {@code q} is tried as typed and upper-cased.
   */
  private List<UUID> applicationsAnswering(List<String> tenantIds, String q) {
    List<UUID> found = new ArrayList<>();
    for (String tenant : tenantIds) {
      List<String> paths = tenants.require(tenant).rules().searchableAnswers();
      if (paths.isEmpty()) {
        continue;
      }
      StringBuilder sql = new StringBuilder("select id from application where tenant_id = ?1 and (");
      List<String> documents = new ArrayList<>();
      for (String path : paths) {
        documents.add(org.civicplatform.core.applications.control.AnswerPaths.containing(path, q.replaceAll("\\s", "")));
      }
      for (int i = 0; i < documents.size(); i++) {
        sql.append(i > 0 ? " or " : "").append("answers @> cast(?").append(i + 2).append(" as jsonb)");
      }
      var query = em.createNativeQuery(sql.append(")").toString()).setParameter(1, tenant);
      for (int i = 0; i < documents.size(); i++) {
        query.setParameter(i + 2, documents.get(i));
      }
      for (Object id : query.getResultList()) {
        found.add(id instanceof UUID u ? u : UUID.fromString(id.toString()));
      }
    }
    return found;
  }


  /** The applications whose child has this full ID number (any case) or this name (as registered). */
  private List<UUID> applicationsOfChild(List<String> tenantIds, String q) {
    List<UUID> found = new ArrayList<>();
    for (String tenant : tenantIds) {
      @SuppressWarnings("unchecked")
      List<Object> ids = em.createNativeQuery("select a.id from application a join child c on c.id = a.child_id"
              + " where a.tenant_id = ?1 and c.tenant_id = ?1 and (upper(c.id_number) = ?2 or c.name = ?3)")
          .setParameter(1, tenant).setParameter(2, q.replaceAll("\\s", "")).setParameter(3, q.replaceAll("\\s", ""))
          .getResultList();
      ids.forEach(id -> found.add(id instanceof UUID u ? u : UUID.fromString(id.toString())));
    }
    return found;
  }

  static String status(String text) {
    try {
      return ReviewTask.Status.valueOf(text.strip().toUpperCase()).name();
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("status", "status.unknown", "任务状态只能是 OPEN、WAITING、APPROVED、REJECTED、RETURNED 或 CANCELLED。",
          "status is one of OPEN, WAITING, APPROVED, REJECTED, RETURNED, CANCELLED.");
    }
  }

  @Transactional
  public TaskDetail detail(UUID id) {
    ReviewTask task = visible(id);
    Application application = em.find(Application.class, task.applicationId());
    audit.record(task.tenantId(), "application.read", "application", application.id());
    JsonObject points = task.submission() == application.submissions()
        ? scores.compute(application).orElse(null) : null;
    var form = tenants.require(task.tenantId()).form();
    // ID numbers masked on the server: the full values come only from the audited reveal
    return new TaskDetail(view(task), IdNumberAnswers.masked(form, application.answers()), changedSteps(application),
        application.status().name(), verification.of(application.id(), task.submission()), points,
        maskedCorrections(form, corrections(application.id(), task.submission())),
        documents.ofApplication(task.tenantId(), application.childId()),
        sharedValues(tenants.require(task.tenantId()), application));
  }

  /** The tenant's once-per-family answers of this application that other families' submissions also hold. */
  List<SharedValue> sharedValues(TenantModule module, Application application) {
    List<SharedValue> shared = new java.util.ArrayList<>();
    for (String path : module.rules().valuesUniqueToAFamily()) {
      jakarta.json.JsonValue value = application.answers();
      for (String key : path.split("\\.")) {
        value = value instanceof JsonObject o ? o.get(key) : null;
      }
      String text = value instanceof jakarta.json.JsonString s ? s.getString().replaceAll("\\s+", "") : "";
      if (text.isEmpty()) {
        continue;
      }
      Number others = (Number) em.createNativeQuery("""
              select count(distinct c.family_id) from application a join child c on c.id = a.child_id
              where a.tenant_id = ?1 and a.school_year = ?2 and a.status <> 'DRAFT'
                and c.family_id <> (select family_id from child where id = ?3)
                and regexp_replace(jsonb_extract_path_text(a.answers, variadic cast(?4 as text[])), '\\s', '', 'g') = ?5""")
          .setParameter(1, application.tenantId()).setParameter(2, application.schoolYear())
          .setParameter(3, application.childId()).setParameter(4, "{" + path.replace('.', ',') + "}")
          .setParameter(5, text).getSingleResult();
      if (others.longValue() > 0) {
        shared.add(new SharedValue(path, text, others.longValue()));
      }
    }
    return shared;
  }

  /** The registry-prefilled values the parent corrected before this submission (original vs corrected). */
  jakarta.json.JsonArray corrections(UUID applicationId, int submission) {
    return em.createQuery(
            "select v from SubmittedVersion v where v.applicationId = :a and v.versionNo = :n",
            org.civicplatform.core.applications.entity.SubmittedVersion.class)
        .setParameter("a", applicationId).setParameter("n", submission).getResultList().stream().findFirst()
        .map(org.civicplatform.core.applications.entity.SubmittedVersion::corrections)
        .orElse(jakarta.json.JsonValue.EMPTY_JSON_ARRAY);
  }

  /** Steps whose answers differ from the previous submission (empty for a first submission). */
  List<String> changedSteps(Application application) {
    if (application.submissions() < 2) {
      return List.of();
    }
    var versions = em.createQuery(
            "select v.answers from SubmittedVersion v where v.applicationId = :a and v.versionNo in (:n, :p) order by v.versionNo",
            String.class)
        .setParameter("a", application.id()).setParameter("n", application.submissions())
        .setParameter("p", application.submissions() - 1).getResultList();
    if (versions.size() < 2) {
      return List.of();
    }
    JsonObject before = Jsons.createReader(new java.io.StringReader(versions.get(0))).readObject();
    JsonObject after = Jsons.createReader(new java.io.StringReader(versions.get(1))).readObject();
    java.util.TreeSet<String> steps = new java.util.TreeSet<>(before.keySet());
    steps.addAll(after.keySet());
    return steps.stream().filter(s -> !java.util.Objects.equals(before.get(s), after.get(s))).toList();
  }

  /** The full ID numbers of a task's application, by answer path (see {@link IdNumberAnswers}). */
  public record Revealed(Map<String, String> idNumbers) {}

  /** The reviewer chose to see the application's ID numbers unmasked: recorded, and returned by path. */
  @Transactional
  public Revealed reveal(UUID id) {
    ReviewTask task = visible(id);
    Application application = em.find(Application.class, task.applicationId());
    audit.record(task.tenantId(), "application.reveal", "application", task.applicationId());
    return new Revealed(IdNumberAnswers.full(tenants.require(task.tenantId()).form(), application.answers()));
  }

  /** Prefill corrections with the values of ID-number fields masked, as the answers are. */
  static jakarta.json.JsonArray maskedCorrections(org.civicplatform.spi.form.FormDefinition form,
      jakarta.json.JsonArray corrections) {
    var out = Jsons.createArrayBuilder();
    for (jakarta.json.JsonValue value : corrections) {
      if (value instanceof JsonObject c && IdNumberAnswers.isIdNumber(form, c.getString("field", null))) {
        var masked = Jsons.createObjectBuilder(c);
        for (String key : List.of("original", "corrected")) {
          if (c.get(key) instanceof jakarta.json.JsonString text) {
            masked.add(key, org.civicplatform.spi.rules.checks.IdNumbers.mask(text.getString()));
          }
        }
        out.add(masked);
      } else {
        out.add(value);
      }
    }
    return out.build();
  }

  @Transactional
  public TaskView claim(UUID id) {
    ReviewTask task = visible(id);
    Instant now = now();
    task.claim(caller.userId(), now, Duration.ofMinutes(claimMinutes));
    lockedApplication(task).reviewStarted(now);
    audit.record(task.tenantId(), "review.claim", "review_task", task.id());
    em.flush();
    return view(task);
  }

  @Transactional
  public TaskView release(UUID id) {
    ReviewTask task = visible(id);
    task.release(caller.userId());
    audit.record(task.tenantId(), "review.release", "review_task", task.id());
    em.flush();
    return view(task);
  }

  /**
   * Decides a task once: concurrent deciders lose with 409 (optimistic lock at flush). An approval with
   * values overriding an automatic registry result is only proposed: the task stays open until another
   * reviewer of the same scope confirms it ({@link #confirmOverride}).
   */
  @Transactional
  public Decided decide(UUID id, DecisionRequest request) {
    ReviewTask task = visible(id); // scope first: a foreign task is 404 whatever the body says
    ReviewTask.Decision decision = decision(request, tenants.require(task.tenantId()).decisionReasons());
    Instant now = now();
    Application application = lockedApplication(task);
    JsonObject values = request.values() == null ? jakarta.json.JsonValue.EMPTY_JSON_OBJECT : request.values();
    if (decision != ReviewTask.Decision.APPROVE && !values.isEmpty()) {
      throw ProblemException.invalid("values", "values.approve-only", "只有审核通过时才能确认或更正积分项。",
          "Item values are confirmed with an approval only.");
    }
    ConfirmedValues checked = new ConfirmedValues(values, List.of());
    if (decision == ReviewTask.Decision.APPROVE && !values.isEmpty()) {
      TenantModule module = tenants.require(task.tenantId());
      checked = module.rules().confirm(stage(module, task), values, context(application),
          verification.of(application.id(), task.submission()).stream()
              .map(org.civicplatform.core.verification.control.VerificationResults.ItemResult::asCheckResult).toList());
      if (!checked.overrides().isEmpty()) {
        task.propose(caller.userId(), checked.values(), checked.overrides(), now);
        application.reviewStarted(now);
        audit.record(task.tenantId(), caller.userId(), role(), "review.override.propose", "review_task",
            task.id().toString(), org.civicplatform.core.rules.control.Digests.sha256(checked.values().toString()));
        em.flush();
        return new Decided(view(task), true);
      }
    }
    task.decide(caller.userId(), decision, request.reasonCode(), request.reasonText(), request.fields(), now);
    task.confirm(checked.values(), List.of());
    finish(task, application, now, "review." + decision.name().toLowerCase(),
        checked.values().isEmpty() ? null : org.civicplatform.core.rules.control.Digests.sha256(checked.values().toString()));
    return new Decided(view(task), false);
  }

  /**
   * The task's application, row-locked until commit: decisions on the application's tasks and the automatic
   * stage sweep take turns, so neither fails on the other's version and the last one sees every decision
   * (all stages approved → 审核完成 is never missed by two decisions committing at once).
   */
  private Application lockedApplication(ReviewTask task) {
    return em.find(Application.class, task.applicationId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
  }

  /** 4-eyes: a second reviewer of the same scope confirms a pending override; its proposer cannot. */
  @Transactional
  public TaskView confirmOverride(UUID id) {
    ReviewTask task = visible(id);
    Instant now = now();
    JsonObject values = task.proposedValues();
    task.confirmProposal(caller.userId(), now);
    Application application = lockedApplication(task);
    finish(task, application, now, "review.override.confirm",
        values == null ? null : org.civicplatform.core.rules.control.Digests.sha256(values.toString()));
    return view(task);
  }

  /** Withdraws a pending override (nothing is approved; the task stays open for a new decision). */
  @Transactional
  public TaskView discardOverride(UUID id) {
    ReviewTask task = visible(id);
    task.discardProposal();
    audit.record(task.tenantId(), "review.override.discard", "review_task", task.id());
    em.flush();
    return view(task);
  }

  private void finish(ReviewTask task, Application application, Instant now, String action, String digest) {
    workflow.decided(task, application, now);
    tenants.find(task.tenantId()).ifPresent(module -> notices.decided(module, application, task));
    scores.recompute(application);
    audit.record(task.tenantId(), caller.userId(), role(), action, "review_task", task.id().toString(), digest);
    em.flush();
  }

  private String role() {
    return caller.roles().stream().sorted().findFirst().orElse(null);
  }

  static ReviewStage stage(TenantModule module, ReviewTask task) {
    return module.reviewStages().stream().filter(s -> s.id().equals(task.stageId())).findFirst()
        .orElseThrow(() -> ProblemException.notFound("review stage", task.stageId()));
  }

  static JsonObject context(Application application) {
    return Jsons.createObjectBuilder(application.answers())
        .add("stage", application.stage()).add("schoolYear", application.schoolYear()).build();
  }

  static ReviewTask.Decision decision(DecisionRequest request, List<DecisionReason> reasons) {
    if (request == null || request.decision() == null) {
      throw ProblemException.invalid("decision", "required", "请选择审核结论。", "Choose a decision.");
    }
    ReviewTask.Decision decision;
    try {
      decision = ReviewTask.Decision.valueOf(request.decision().strip().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("decision", "decision.unknown", "审核结论只能是通过、不通过或退回。",
          "decision is APPROVE, REJECT or RETURN.");
    }
    boolean noReason = (request.reasonCode() == null || request.reasonCode().isBlank())
        && (request.reasonText() == null || request.reasonText().isBlank());
    if (decision == ReviewTask.Decision.REJECT && noReason) {
      throw ProblemException.invalid("reasonCode", "reason.required", "不通过时请选择或填写原因。", "Give a reason for a rejection.");
    }
    if (decision == ReviewTask.Decision.RETURN && (request.fields() == null || request.fields().isEmpty())) {
      throw ProblemException.invalid("fields", "fields.required", "退回时请指出需要修改的内容。", "Name the fields or documents to fix.");
    }
    if (request.reasonText() != null && request.reasonText().length() > 1000) {
      throw ProblemException.invalid("reasonText", "text.too-long", "原因最多 1000 字。", "The reason takes at most 1000 characters.");
    }
    checkReason(decision, request, reasons);
    return decision;
  }

  /** A reason code must come from the tenant's list and fit the decision; 其他 needs the reviewer's words. */
  static void checkReason(ReviewTask.Decision decision, DecisionRequest request, List<DecisionReason> reasons) {
    String code = request.reasonCode() == null ? "" : request.reasonCode().strip();
    if (code.isEmpty() || decision == ReviewTask.Decision.APPROVE) {
      return;
    }
    DecisionReason reason = reasons.stream().filter(r -> r.code().equals(code)).findFirst()
        .orElseThrow(() -> ProblemException.invalid("reasonCode", "reason.unknown", "请从列表中选择原因。",
            "Choose a reason from the list."));
    if (!reason.appliesTo(decision.name())) {
      throw ProblemException.invalid("reasonCode", "reason.not-for-decision", "该原因不适用于所选审核结论。",
          "This reason does not go with the chosen decision.");
    }
    if (reason.needsText() && (request.reasonText() == null || request.reasonText().isBlank())) {
      throw ProblemException.invalid("reasonText", "reason.text-required", "选择“其他”时请填写具体原因。",
          "Explain the reason when choosing Other.");
    }
  }

  /** The task if the caller's scopes cover it; 404 otherwise (no existence leak). */
  ReviewTask visible(UUID id) {
    ReviewTask task = id == null ? null : em.find(ReviewTask.class, id);
    if (task == null || !ReviewWorkflow.covers(caller, task)) {
      throw ProblemException.notFound("review task", String.valueOf(id));
    }
    return task;
  }

  TaskView view(ReviewTask t) {
    var declared = tenants.find(t.tenantId())
        .flatMap(m -> m.reviewStages().stream().filter(s -> s.id().equals(t.stageId())).findFirst());
    LocalizedText stageName = declared.map(ReviewStage::name).orElse(LocalizedText.of(t.stageId(), t.stageId()));
    PendingOverride pending = t.proposedBy() == null ? null
        : new PendingOverride(t.proposedBy(), t.proposedAt(), t.proposedValues(), t.proposedOverrides());
    return new TaskView(t.id(), t.tenantId(), t.applicationId(), t.submission(), t.stageId(), stageName,
        t.scopeKind(), t.scopeValue(), t.status().name(), t.districtCode(), t.registrationNumber(),
        t.childIdMasked(), t.submittedAt(), t.claimedBy(), t.claimExpiresAt(), t.decision(), t.decidedBy(),
        t.decidedAt(), t.reasonCode(), t.reasonText(), t.returnFields(), t.version(),
        declared.map(ReviewStage::items).orElse(List.of()), t.confirmedValues(), t.overrides(), pending);
  }
}
