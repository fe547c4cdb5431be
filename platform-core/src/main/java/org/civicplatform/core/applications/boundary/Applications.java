package org.civicplatform.core.applications.boundary;

import org.civicplatform.spi.json.Jsons;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.civicplatform.core.applications.control.ReferenceFields;
import org.civicplatform.core.applications.control.FormValidator;
import org.civicplatform.core.applications.entity.Application;
import org.civicplatform.core.applications.entity.SubmittedVersion;
import org.civicplatform.core.audit.control.AuditTrail;
import org.civicplatform.core.families.control.FamilyScope;
import org.civicplatform.core.families.entity.Child;
import org.civicplatform.core.identity.control.Caller;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.core.review.control.ReviewWorkflow;
import org.civicplatform.spi.rules.checks.IdNumbers;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.form.FormStep;
import org.civicplatform.spi.rules.Eligibility;
import org.civicplatform.spi.rules.FieldError;
import org.civicplatform.spi.rules.RuleViolation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The parent's use cases on a child's application: read, save a step, submit, withdraw. */
@RequestScoped
public class Applications {

  @PersistenceContext EntityManager em;
  @Inject FamilyScope families;
  @Inject Tenants tenants;
  @Inject Caller caller;
  @Inject AuditTrail audit;
  @Inject ReviewWorkflow workflow;
  @Inject org.civicplatform.core.notifications.ApplicationNotices notices;
  @Inject org.civicplatform.core.applications.control.FamilySharedSections shared;
  @Inject org.civicplatform.core.registration.control.SmsCodes codes;
  @Inject org.civicplatform.core.identity.control.ClientAddress clientAddress;
  @Inject Prefills prefills;
  @Inject org.civicplatform.core.documents.boundary.Documents documents;
  @Inject org.civicplatform.core.registry.control.CoreRegistries registries;
  @Inject org.civicplatform.core.applications.control.ApplicationPhase phase;
  @Inject org.civicplatform.core.schools.control.SchoolCatalog catalog;
  @Inject org.civicplatform.core.families.control.ChildRegistrations registrations;

  @Inject
  @ConfigProperty(name = "platform.school-year", defaultValue = "2024")
  int schoolYear;

  private final Clock clock = Clock.systemUTC();

  /** Now, at the precision PostgreSQL stores, so what is answered equals what is read back later. */
  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  /**
   * An application as its family sees it. {@code version} is what a save must send back; {@code review}
   * shows each review stage of the latest submission with a reviewer's reason or the fields to fix.
   */
  public record ApplicationView(
      UUID id, UUID childId, String tenant, int schoolYear, String stage, String status, long version,
      JsonObject answers, Instant submittedAt, int submissions, Instant updatedAt, List<StageProgress> review) {

    static ApplicationView of(Application a) {
      return of(a, List.of());
    }

    static ApplicationView of(Application a, List<StageProgress> review) {
      return new ApplicationView(a.id(), a.childId(), a.tenantId(), a.schoolYear(), a.stage(), a.status().name(),
          a.version(), a.answers(), a.submittedAt(), a.submissions(), a.updatedAt(), review);
    }
  }

  /** One review stage as the parent sees it: where it stands, and why when it was refused or returned. */
  public record StageProgress(
      String stage, org.civicplatform.spi.LocalizedText name, String status, String reasonText,
      List<String> returnFields, Instant decidedAt, String reasonCode, org.civicplatform.spi.LocalizedText reason) {}

  private List<StageProgress> progress(TenantModule module, Application application) {
    if (application.submissions() == 0) {
      return List.of();
    }
    var order = module.reviewStages().stream().map(org.civicplatform.spi.review.ReviewStage::id).toList();
    // advisory look-ups (仅供参考) are shown on their own (…/application/verification), not in the progress
    var advisory = module.reviewStages().stream().filter(org.civicplatform.spi.review.ReviewStage::advisory)
        .map(org.civicplatform.spi.review.ReviewStage::id).toList();
    return workflow.tasks(application.id(), application.submissions()).stream()
        .filter(t -> !advisory.contains(t.stageId()))
        .sorted(java.util.Comparator.comparingInt(t -> order.indexOf(t.stageId())))
        .map(t -> new StageProgress(t.stageId(),
            module.reviewStages().stream().filter(s -> s.id().equals(t.stageId())).findFirst()
                .map(org.civicplatform.spi.review.ReviewStage::name).orElse(null),
            t.status().name(), t.reasonText(), t.returnFields(), t.decidedAt(), t.reasonCode(),
            org.civicplatform.spi.review.DecisionReason.explain(module.decisionReasons(), t.reasonCode(), t.reasonText())))
        .toList();
  }

  @Transactional
  public ApplicationView read(String tenant, UUID childId) {
    TenantModule module = tenants.require(tenant);
    Child child = families.child(tenant, childId);
    return existing(tenant, child).map(a -> ApplicationView.of(a, progress(module, a)))
        .orElseThrow(() -> ProblemException.notFound("application", String.valueOf(childId)));
  }

  /**
   * The sections shared with a sibling who has applied (step → section → answers), locked for this
   * child: a step sent without them is prefilled, with different values refused. Empty when none.
   */
  @Transactional
  public JsonObject shared(String tenant, UUID childId) {
    TenantModule module = tenants.require(tenant);
    Child child = families.child(tenant, childId);
    var result = Jsons.createObjectBuilder();
    for (FormStep step : module.form().steps()) {
      JsonObject locked = shared.locked(module, child, schoolYear, step.id());
      if (!locked.isEmpty()) {
        result.add(step.id(), locked);
      }
    }
    return result.build();
  }

  /**
   * Validates one step (form checks, then the tenant's rules) and stores it as the step's draft. Nothing
   * is stored when anything is invalid; a stale {@code expectedVersion} is a 409.
   */
  /**
   * The children this application lists besides its own (the tenant's {@code childIdNumberAnswers}: Siming's
   * twins) that are registered already — another account's child, or in another registration — one error each,
   * named at the field ({@code students.student[1].idNumber}) in the tenant's words.
   */
  List<FieldError> registeredElsewhere(TenantModule module, Child child, Application application, JsonObject answers) {
    List<FieldError> errors = new ArrayList<>();
    String own = child.idNumber() == null ? "" : child.idNumber().toUpperCase(java.util.Locale.ROOT);
    for (String path : module.rules().childIdNumberAnswers()) {
      for (var found : org.civicplatform.core.applications.control.AnswerPaths.values(answers, path)) {
        String id = found.value().strip().toUpperCase(java.util.Locale.ROOT);
        if (!id.equals(own) && registrations.registeredAlready(module, id, application.id())) {
          var text = module.rules().childAlreadyRegistered();
          errors.add(FieldError.of(found.field(), "child.already-registered", text.zh(), text.en()));
        }
      }
    }
    return errors;
  }

  @Transactional
  public ApplicationView saveStep(String tenant, UUID childId, String stepId, JsonObject answers, Long expectedVersion) {
    TenantModule module = tenants.require(tenant);
    FormStep step = module.form().step(stepId).orElseThrow(() -> ProblemException.notFound("step", stepId));
    Child child = families.child(tenant, childId);
    if (answers == null) {
      throw ProblemException.invalid(stepId, "required", "请填写本步骤。", "Send this step's answers.");
    }
    answers = shared.apply(module, child, schoolYear, stepId, answers); // siblings' locked sections
    Application application = existing(tenant, child).orElse(null);
    if (application == null) {
      application = new Application(tenant, child.id(), schoolYear, child.stage(), now());
      em.persist(application);
    } else if (expectedVersion != null && expectedVersion != application.version()) {
      throw staleVersion();
    }
    JsonObject context = context(application);
    FormValidator.Result checked = FormValidator.validate(step, answers, context, parentsToday());
    if (!checked.valid()) {
      throw new RuleViolation(checked.errors());
    }
    List<FieldError> referenceErrors = ReferenceFields.unknown(step, checked.answers(), reference(tenant, child));
    if (!referenceErrors.isEmpty()) {
      throw new RuleViolation(referenceErrors);
    }
    JsonObject normalised =
        module.rules().validateStep(stepId, checked.answers(),
            Jsons.createObjectBuilder(context).add(stepId, checked.answers()).build(), today());
    List<FieldError> twice = registeredElsewhere(module, child, application,
        Jsons.createObjectBuilder().add(stepId, normalised).build());
    if (!twice.isEmpty()) {
      throw new RuleViolation(twice);
    }
    if (application.status() == Application.Status.RETURNED) {
      keptAsSubmitted(module, stepId, normalised, application.answers());
      onlyWhatWasReturned(module, application, stepId, normalised);
    }
    application.saveStep(stepId, normalised, now());
    em.flush();
    return ApplicationView.of(application);
  }

  /**
   * Submits the application once per {@code idempotencyKey}: the same key again answers the same
   * result without a second submission.
   */
  @Transactional
  public ApplicationView submit(String tenant, UUID childId, String idempotencyKey) {
    return submit(tenant, childId, idempotencyKey, null);
  }

  /**
   * Submits as {@link #submit(String, UUID, String)}; a tenant that declares {@code
   * submissionConfirmation()} also needs the SMS code sent to its contact phone (checked after every
   * other check passed, so a form error does not use the code up).
   */
  @Transactional(dontRollbackOn = org.civicplatform.core.registration.control.SmsCodes.CodeRefused.class)
  public ApplicationView submit(String tenant, UUID childId, String idempotencyKey, String confirmationCode) {
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
      throw ProblemException.invalid("Idempotency-Key", "required",
          "提交请求缺少 Idempotency-Key（1–100 个字符）。", "Send an Idempotency-Key header (1–100 characters).");
    }
    TenantModule module = tenants.require(tenant);
    Child child = families.child(tenant, childId);
    // the child's row lock, as document uploads and deletions take it: the documents checked below are
    // the documents submitted (DocumentFreeze refuses changes once this commits)
    em.find(Child.class, child.id(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    Application application = existing(tenant, child)
        .orElseThrow(() -> ProblemException.notFound("application", String.valueOf(childId)));
    if (submittedWith(application, idempotencyKey).isPresent()) {
      return ApplicationView.of(application, progress(module, application));
    }
    if (application.status() != Application.Status.RETURNED) {
      phase.requireOpenForSubmission(tenant); // a correction the reviewers asked for is taken at any time
    }
    JsonObject context = context(application);
    List<FieldError> errors = new ArrayList<>();
    ReferenceFields.Reference reference = reference(tenant, child);
    for (FormStep step : module.form().steps()) {
      if (!(context.get(step.id()) instanceof JsonObject saved)) {
        errors.add(FieldError.of(step.id(), "step.missing", "请先填写并保存“" + step.title().zh() + "”。",
            "Fill in and save “" + step.title().en() + "” first."));
        continue;
      }
      List<FieldError> stepErrors = new ArrayList<>(FormValidator.validate(step, saved, context, parentsToday()).errors());
      stepErrors.addAll(ReferenceFields.unknown(step, saved, reference));
      if (stepErrors.isEmpty()) {
        try {
          // the tenant's step rules again, over the whole application as it is now: a later step's change
          // (another child's ID number, guardian two removed) can break what an earlier save passed
          module.rules().validateStep(step.id(), saved, context, today());
        } catch (RuleViolation e) {
          stepErrors.addAll(e.errors());
        }
      }
      errors.addAll(stepErrors);
    }
    if (errors.isEmpty()) {
      errors.addAll(registeredElsewhere(module, child, application, context)); // a twin registered meanwhile
    }
    if (errors.isEmpty()) {
      errors.addAll(org.civicplatform.core.applications.control.RequiredDocuments.missing(module.form().steps(), context,
          () -> documents.filesPerSlot(tenant, child))); // read only when a required slot applies
    }
    if (errors.isEmpty()) {
      errors.addAll(module.rules().validateForSubmission(context, today()));
    }
    if (errors.isEmpty()) {
      errors.addAll(module.rules().checkBeforeSubmission(context, registries)); // e.g. Siming's identity check
    }
    if (!errors.isEmpty()) {
      throw new RuleViolation(errors);
    }
    Eligibility eligibility = module.rules().eligibility(context, today());
    if (!eligibility.allowed()) {
      throw new ProblemException("not-eligible", 422,
          org.civicplatform.spi.LocalizedText.of("不符合报名条件", "Not eligible"),
          eligibility.reasons().isEmpty()
              ? org.civicplatform.spi.LocalizedText.of("不符合报名条件。", "Not eligible.")
              : eligibility.reasons().get(0));
    }
    if (module.rules().submissionConfirmation()) {
      String phone = module.rules().contactPhone(context).orElseThrow(Applications::noContactPhone);
      if (confirmationCode == null || confirmationCode.isBlank()) {
        throw ProblemException.invalid("confirmationCode", "code.required",
            "请输入发送到" + org.civicplatform.spi.rules.checks.MobileNumbers.mask(phone) + "的短信验证码。",
            "Enter the SMS code sent to " + org.civicplatform.spi.rules.checks.MobileNumbers.mask(phone) + ".");
      }
      codes.checkInTransaction(phone, org.civicplatform.core.registration.control.SmsPurpose.SUBMIT,
          confirmationCode.strip(), "confirmationCode"); // its refusal commits the counted try: nothing is written yet
    }
    Instant now = now();
    SubmittedVersion version = application.submit(caller.userId(), idempotencyKey,
        module.rules().district(context).orElse(null), registrationNumber(tenant, child),
        IdNumbers.mask(child.idNumber()), now);
    version.corrections(org.civicplatform.core.applications.control.PrefillCorrections.of(
        module.form(), prefills.recorded(child.id()), application.answers()));
    em.persist(version);
    em.flush();
    workflow.open(module, application, context, now);
    notices.submitted(module, application);
    audit.record(tenant, "application.submit", "application", application.id());
    em.flush();
    return ApplicationView.of(application, progress(module, application));
  }

  /** Where the tenant sends the submission code: its contact phone, masked for the answer. */
  public record CodeSent(String sentTo, int validSeconds) {}

  /**
   * Sends the submission confirmation code to the application's contact phone (e.g. guardian one's,
   * not the account's). 429 with Retry-After when that number, or the client's address, reached a limit.
   *
   * <p>Runs without a transaction of its own (the reads need none, the audit record makes its own): the
   * code is sent and counted in {@link org.civicplatform.core.registration.control.SmsCodes#send}'s own
   * transaction, which would otherwise take a second pooled connection while this one held the first —
   * as many concurrent requests as the pool has connections would then wait for each other.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public CodeSent sendConfirmationCode(String tenant, UUID childId) {
    TenantModule module = tenants.require(tenant);
    if (!module.rules().submissionConfirmation()) {
      throw ProblemException.notFound("resource", "confirmation-code");
    }
    Child child = families.child(tenant, childId);
    Application application = existing(tenant, child)
        .orElseThrow(() -> ProblemException.notFound("application", String.valueOf(childId)));
    if (!application.editable()) {
      throw ProblemException.conflict("already-submitted", "报名已提交，无需重复提交。", "The application has already been submitted.");
    }
    if (application.status() != Application.Status.RETURNED) {
      phase.requireOpenForSubmission(tenant); // no SMS for a submission that would be refused
    }
    String phone = module.rules().contactPhone(context(application)).orElseThrow(Applications::noContactPhone);
    codes.send(tenant, module.name(), phone, org.civicplatform.core.registration.control.SmsPurpose.SUBMIT, true,
        clientAddress.forLimits());
    audit.record(tenant, "application.confirmation-code", "application", application.id());
    return new CodeSent(org.civicplatform.spi.rules.checks.MobileNumbers.mask(phone),
        (int) org.civicplatform.core.registration.control.SmsCodePolicy.STANDARD.validity().toSeconds());
  }

  private static ProblemException noContactPhone() {
    return ProblemException.invalid("contactPhone", "contact-phone.missing",
        "请先填写并保存接收短信的手机号码（如监护人一的手机）。",
        "Fill in and save the phone that receives the code (e.g. guardian one's) first.");
  }

  /** The result of an earlier submission with this key, if there was one (for a retried request). */
  @Transactional
  public Optional<ApplicationView> submittedEarlier(String tenant, UUID childId, String idempotencyKey) {
    Child child = families.child(tenant, childId);
    return existing(tenant, child)
        .filter(a -> idempotencyKey != null && submittedWith(a, idempotencyKey).isPresent())
        .map(ApplicationView::of);
  }

  /** 撤销提交: back to draft while no review record exists. */
  @Transactional
  public ApplicationView withdraw(String tenant, UUID childId) {
    Child child = families.child(tenant, childId);
    Application application = existing(tenant, child)
        .orElseThrow(() -> ProblemException.notFound("application", String.valueOf(childId)));
    // the row first (as reviewers' decisions and the look-up sweep take it), then its review tasks
    em.refresh(application, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (application.status() == Application.Status.SUBMITTED) {
      phase.requireOpenForWithdrawal(tenant);
    }
    application.withdraw(now());
    workflow.withdrawn(application);
    audit.record(tenant, "application.withdraw", "application", application.id());
    em.flush();
    return ApplicationView.of(application);
  }

  /** The family's registration number (报名号), if the tenant issues them. */
  private String registrationNumber(String tenant, Child child) {
    return families.family(tenant, false).map(f -> f.registrationNumber()).orElse(caller.registrationNumber());
  }

  private Optional<Application> existing(String tenant, Child child) {
    return em.createNamedQuery(Application.OF_CHILD, Application.class)
        .setParameter("tenant", tenant).setParameter("child", child.id()).setParameter("year", schoolYear)
        .getResultList().stream().findFirst();
  }

  private Optional<SubmittedVersion> submittedWith(Application application, String key) {
    return em.createNamedQuery(SubmittedVersion.BY_KEY, SubmittedVersion.class)
        .setParameter("application", application.id()).setParameter("key", key)
        .getResultList().stream().findFirst();
  }

  /** What the tenant's rules see: every stored step plus the child's stage and the school year. */
  private static JsonObject context(Application application) {
    return Jsons.createObjectBuilder(application.answers())
        .add("stage", application.stage())
        .add("schoolYear", application.schoolYear())
        .build();
  }

  /**
   * Refuses (409) a change to a section the tenant keeps as submitted in a returned application ({@code
   * ApplicationRules.keptWhenReturned}); the stored answers of a returned application are the submitted ones,
   * since every change to such a section is refused.
   */
  private static void keptAsSubmitted(TenantModule module, String stepId, JsonObject step, JsonObject stored) {
    for (String kept : module.rules().keptWhenReturned()) {
      String[] path = kept.split("\\.", 2);
      if (!path[0].equals(stepId) || path.length < 2) {
        continue;
      }
      JsonValue before = stored.get(stepId) instanceof JsonObject o ? o.get(path[1]) : null;
      if (!java.util.Objects.equals(before, step.get(path[1]))) {
        throw ProblemException.conflict("kept-when-returned",
            "报名被退回后，“" + title(module, kept).zh() + "”不能修改，只能修改退回原因所指的内容。",
            "In a returned application “" + title(module, kept).en() + "” cannot change: correct only what the"
                + " reviewers asked for.");
      }
    }
  }

  /**
   * A returned application changes only what the reviewers (or the automatic checks) returned: the sections of
   * the returned fields ({@code honours.honour.hasHonour} → the 先进典型 section; a whole step when a step is
   * named; list indexes ignored). Any other section of the step must stay as submitted: 409 naming what may change.
   */
  private void onlyWhatWasReturned(TenantModule module, Application application, String stepId, JsonObject step) {
    java.util.Set<String> open = new java.util.LinkedHashSet<>();
    workflow.tasks(application.id(), application.submissions()).stream()
        .filter(t -> t.status() == org.civicplatform.core.review.entity.ReviewTask.Status.RETURNED)
        .flatMap(t -> t.returnFields().stream())
        .forEach(f -> {
          String[] parts = f.replaceAll("\\[\\d+\\]", "").split("\\.");
          open.add(parts.length == 1 ? parts[0] : parts[0] + "." + parts[1]);
        });
    if (open.isEmpty() || open.contains(stepId)) {
      return; // nothing named (nothing to hold against), or the whole step was returned
    }
    JsonObject before = application.answers().get(stepId) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    java.util.Set<String> sections = new java.util.LinkedHashSet<>(before.keySet());
    sections.addAll(step.keySet());
    for (String section : sections) {
      if (!open.contains(stepId + "." + section) && !java.util.Objects.equals(before.get(section), step.get(section))) {
        List<org.civicplatform.spi.LocalizedText> names = open.stream().map(s -> s.contains(".") ? title(module, s)
            : module.form().step(s).map(FormStep::title).orElse(org.civicplatform.spi.LocalizedText.of(s, s))).toList();
        List<String> zh = names.stream().map(org.civicplatform.spi.LocalizedText::zh).toList();
        List<String> en = names.stream().map(org.civicplatform.spi.LocalizedText::en).toList();
        throw ProblemException.conflict("returned-fields-only",
            "报名被退回后只能修改退回原因所指的内容（" + String.join("、", zh) + "）；“" + title(module, stepId + "." + section).zh()
                + "”须保持提交时的填写。",
            "A returned application changes only what was returned (" + String.join(", ", en) + "); “"
                + title(module, stepId + "." + section).en() + "” stays as submitted.");
      }
    }
  }

  private static org.civicplatform.spi.LocalizedText title(TenantModule module, String stepSection) {
    String[] path = stepSection.split("\\.", 2);
    return module.form().step(path[0]).flatMap(st -> st.sections().stream()
            .filter(sec -> sec.id().equals(path[1])).findFirst())
        .map(sec -> sec.title()).orElse(org.civicplatform.spi.LocalizedText.of(stepSection, stepSection));
  }

  /** The tenant's districts and schools and the child's stage, for its DISTRICT and SCHOOL answers. */
  private ReferenceFields.Reference reference(String tenant, Child child) {
    return new ReferenceFields.Reference(
        catalog.districts(tenant).stream().map(d -> d.code()).collect(java.util.stream.Collectors.toSet()),
        catalog.schoolList(tenant).stream().collect(java.util.stream.Collectors.toMap(s -> s.code(), s -> s)),
        child.stage());
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * The calendar day of the parents typing dates (China Standard Time): from 00:00 to 08:00 there the
   * UTC day is still yesterday, and today's date would be refused as a future one.
   */
  private LocalDate parentsToday() {
    return LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
  }

  static ProblemException staleVersion() {
    return ProblemException.conflict("stale-version",
        "该报名已在别处（另一个窗口或设备）被修改，请刷新后再保存。",
        "This application was changed elsewhere (another tab or device): reload, then save again.");
  }
}
