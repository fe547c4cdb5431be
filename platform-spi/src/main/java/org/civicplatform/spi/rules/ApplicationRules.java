package org.civicplatform.spi.rules;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The rules a tenant applies to an application's answers. */
public interface ApplicationRules {

  /**
   * Normalises and validates the answers of one step before they are stored as a draft.
   *
   * @param stepId the step being saved
   * @param stepAnswers the answers the parent sent for that step
   * @param application every stored step of the application (other steps may be referenced)
   * @param today the date the rules apply on (tests pass a fixed one)
   * @return the answers to store (e.g. spaces removed inside names and numbers)
   * @throws RuleViolation naming every invalid field; nothing is stored then
   */
  JsonObject validateStep(String stepId, JsonObject stepAnswers, JsonObject application, LocalDate today);

  /** Whether the child may apply at all, and the category, from the full application. */
  Eligibility eligibility(JsonObject application, LocalDate today);

  /** Checks a whole application before submission (every step present, cross-step rules). */
  List<FieldError> validateForSubmission(JsonObject application, LocalDate today);

  /**
   * Checks a child being registered for a stage (e.g. the age window of the stage), before any form is
   * filled in. Field paths are those of the registration: {@code stage}, {@code name}, {@code idType},
   * {@code idNumber}.
   */
  default List<FieldError> checkChild(String stage, String name, String idType, String idNumber, int schoolYear) {
    return List.of();
  }

  /**
   * The district (区镇 / 街道) whose reviewers and ranking an application belongs to, read from its
   * answers; empty while not yet known.
   */
  default Optional<String> district(JsonObject application) {
    return Optional.empty();
  }

  /**
   * The mobile number that receives this application's notices (e.g. guardian one's phone), read from
   * its answers; empty while not yet known.
   */
  default Optional<String> contactPhone(JsonObject application) {
    return Optional.empty();
  }

  /**
   * The points estimate (what-if simulator) if this tenant ranks by points; empty otherwise. The
   * request and response are the tenant's documented JSON contract.
   */
  default Optional<PointsEstimator> pointsEstimator() {
    return Optional.empty();
  }

  /**
   * The automatic checks of a submitted application against the government registries (the items of
   * the tenant's AUTOMATIC review stage). The core runs them after submission and stores the results;
   * all passed (or awaiting manual review) approves the automatic stage, any anomaly returns the
   * application to the parent. Default: nothing to check.
   *
   * @throws org.civicplatform.spi.registry.RegistryUnavailable when a registry cannot answer: the core
   *     keeps the stage open and tries again later
   */
  default List<CheckResult> verify(JsonObject application, org.civicplatform.spi.registry.Registries registries) {
    return List.of();
  }

  /**
   * Sections shared by the children of one family ({@code step.section}, e.g. {@code family.guardian1}):
   * once a sibling's application has been submitted, these sections of every other child's application
   * are prefilled from it and locked (seed 000 §3.3.2: 若已有子女报名，待填写第二子女信息时，监护人信息不可更改).
   * Default: none.
   */
  default List<String> familySharedSections() {
    return List.of();
  }

  /**
   * Answers ({@code step.section.field}) a reviewer may find an application by, typed in full in the queue's
   * search (seed 000 问5: the window finds it by the points subject's ID number); {@code section[]} marks a
   * repeatable section, any entry of which may hold the value ({@code students.student[].idNumber}). The child's
   * registered ID number and name are always searchable. Default: none.
   */
  default List<String> searchableAnswers() {
    return List.of();
  }

  /**
   * Sections ({@code step.section}) a parent may not change in an application the reviewers returned for
   * changes (退回): they keep what was submitted (seed 000: 退回后，所填报的志愿依然无法修改). Default: none.
   */
  default List<String> keptWhenReturned() {
    return List.of();
  }

  /**
   * Points from confirmed values if this tenant ranks by points; empty otherwise.
   */
  default Optional<PointsRules> pointsRules() {
    return Optional.empty();
  }

  /**
   * Checks the values a reviewer confirms or corrects for the items of a stage (e.g. housing → the
   * property's registration date) and names those that override an automatic registry result. Default:
   * a stage confirms no values.
   *
   * @param stage the reviewed stage
   * @param values item → value as the reviewer sent them
   * @param application the submitted answers (plus {@code stage} and {@code schoolYear})
   * @param automatic the stored automatic registry results of the submission
   * @throws RuleViolation naming each invalid value as {@code values.<item>}
   */
  default ConfirmedValues confirm(
      org.civicplatform.spi.review.ReviewStage stage, JsonObject values, JsonObject application,
      List<CheckResult> automatic) {
    if (values != null && !values.isEmpty()) {
      throw new RuleViolation(values.keySet().stream()
          .map(item -> FieldError.of("values." + item, "confirmation.not-an-item",
              "本审核环节不确认“" + item + "”。", "This stage does not confirm “" + item + "”."))
          .toList());
    }
    return new ConfirmedValues(values, List.of());
  }

  /**
   * The answers a registry can fill in while the parent types (e.g. the student's name, birth date and
   * household address, and the registered parents as guardians, from the household registry), for the
   * person with this ID number. Keys are field paths {@code step.section.field}; a path into a
   * repeatable section ({@code students.student.name}) fills the entry whose ID number was asked for.
   * Empty when the registry has nothing this tenant may fill in (e.g. a household outside the city).
   * The core records what was filled in, and every value the parent then changes is shown to the
   * reviewers as a correction.
   *
   * @throws org.civicplatform.spi.registry.RegistryUnavailable when a registry cannot answer
   */
  default Optional<Prefill> prefill(String idNumber, org.civicplatform.spi.registry.Registries registries) {
    return Optional.empty();
  }

  /**
   * Registry checks a submission must pass before it is accepted (seed 002: "未通过认证的学生将无法在线注册" —
   * a student whose identity check fails cannot register online). Only a definite answer blocks: a
   * registry that cannot answer ({@link org.civicplatform.spi.registry.RegistryUnavailable}) blocks
   * nothing, and the automatic verification after submission retries it. Default: none.
   */
  default List<FieldError> checkBeforeSubmission(
      JsonObject application, org.civicplatform.spi.registry.Registries registries) {
    return List.of();
  }

  /**
   * Whether a submission must be confirmed with an SMS code sent to {@link #contactPhone} (e.g. guardian
   * one's phone, not the account's). Default: no confirmation.
   */
  default boolean submissionConfirmation() {
    return false;
  }

  /**
   * What a registry filled in for one ID number.
   *
   * @param values field path ({@code step.section.field}) → value
   * @param note why nothing or only part was filled in, or null
   */
  record Prefill(java.util.Map<String, String> values, org.civicplatform.spi.LocalizedText note) {
    public Prefill {
      values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
  }

  /**
   * Answer paths holding the ID numbers of the children an application is for besides its registered child
   * ({@code section[]} for a list: Siming's twins, {@code students.student[].idNumber}). A child is registered
   * once per tenant and school year — as an account's child or inside another registration — and the core
   * refuses a second time with {@link #childAlreadyRegistered()}. Default: none.
   */
  default List<String> childIdNumberAnswers() {
    return List.of();
  }

  /** The refusal of a child registered already, in the tenant's own words. */
  default org.civicplatform.spi.LocalizedText childAlreadyRegistered() {
    return org.civicplatform.spi.LocalizedText.of("该学生已登记报名（本账号或其他账号），不能重复登记。",
        "This child is already registered (by this or another account): a child registers once.");
  }

  /**
   * Answer paths ({@code step.section.field}) whose value should belong to one family only, such as a
   * property certificate number: when another family of the tenant submitted the same value (spaces
   * ignored), reviewers see a warning on the task. Default: none.
   */
  default List<String> valuesUniqueToAFamily() {
    return List.of();
  }

  /** Computes a points breakdown from a profile without storing anything. */
  @FunctionalInterface
  interface PointsEstimator {
    /** @throws RuleViolation for out-of-range input, naming the field */
    JsonObject estimate(JsonObject request);

    /**
     * As {@link #estimate(JsonObject)}, with the rule parameters the tenant admin stored for a year
     * ({@code inForce}: year → parameters, empty when none are stored) instead of the shipped ones.
     */
    default JsonObject estimate(
        JsonObject request, java.util.function.IntFunction<Optional<PointsRules.Parameters>> inForce) {
      return estimate(request);
    }
  }
}
