package org.civicplatform.siming.rules;

import org.civicplatform.spi.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.civicplatform.spi.rules.ApplicationRules;
import org.civicplatform.spi.rules.Eligibility;
import org.civicplatform.spi.rules.FieldError;
import org.civicplatform.spi.rules.checks.Spaces;

/**
 * Siming's rules (siming-rules.md). Certificate numbers are stored upper case with any {@code -1}/{@code
 * -2} suffix dropped (seed 002 §(3)).
 */
public class SimingRules implements ApplicationRules {

  static final org.civicplatform.spi.rules.BilingualMessages MESSAGES =
      new org.civicplatform.spi.rules.BilingualMessages(
          "org.civicplatform.siming.rules.messages", SimingRules.class.getClassLoader());

  /** A certificate or filed contract gives one family its housing: reviewers are warned about a second. */
  /** Reviewers find a registration by a guardian's ID number or phone (guardian one receives the SMS). */
  @Override
  public List<String> searchableAnswers() {
    return List.of("guardians.guardian1.idNumber", "guardians.guardian2.idNumber", "guardians.guardian1.phone",
        "guardians.guardian1.name", "guardians.guardian2.name", "students.student[].idNumber", "students.student[].name");
  }

  /** Every child of a multiple birth is a child: registered once, whichever account or registration. */
  @Override
  public List<String> childIdNumberAnswers() {
    return List.of("students.student[].idNumber");
  }

  @Override
  public org.civicplatform.spi.LocalizedText childAlreadyRegistered() {
    return org.civicplatform.spi.LocalizedText.of("该学生已在思明区入学登记中登记（本账号或其他账号），一名学生只能登记一次。",
        "This child is already in a Siming registration (this or another account): a child registers once.");
  }

  @Override
  public List<String> valuesUniqueToAFamily() {
    return List.of("housing.housing.certificateNumber", "housing.housing.contractNumber");
  }

  /**
   * Born on or before 31 August six years before the school year; otherwise the seed's message
   * ("您注册的学生***不符合户籍资格，请重新填写").
   */
  @Override
  public List<FieldError> checkChild(String stage, String name, String idType, String idNumber, int schoolYear) {
    if (!"MAINLAND_ID".equals(idType)) {
      return List.of();
    }
    return org.civicplatform.spi.rules.checks.IdNumbers.birthDate(idNumber)
        .filter(birth -> !org.civicplatform.spi.rules.checks.SchoolAge.eligibleForPrimary(birth, schoolYear))
        .map(birth -> List.of(MESSAGES.error("idNumber", "child.too-young", name,
            org.civicplatform.spi.rules.checks.SchoolAge.latestBirthDateForPrimary(schoolYear).toString())))
        .orElse(List.of());
  }

  @Override
  public JsonObject validateStep(
      String stepId, JsonObject stepAnswers, JsonObject application, LocalDate today) {
    if ("students".equals(stepId)) {
      List<FieldError> errors = SimingStudents.check(stepAnswers, schoolYear(application, today));
      if (!errors.isEmpty()) {
        throw new org.civicplatform.spi.rules.RuleViolation(errors);
      }
      return stepAnswers;
    }
    if ("guardians".equals(stepId)) {
      List<String> children = new ArrayList<>();
      if (application.get("students") instanceof JsonObject students
          && students.get("student") instanceof jakarta.json.JsonArray entries) {
        for (JsonValue entry : entries) {
          if (entry instanceof JsonObject child && child.get("idNumber") instanceof JsonString id) {
            children.add(id.getString());
          }
        }
      }
      List<FieldError> errors = org.civicplatform.spi.rules.checks.Guardians.check("guardians",
          stepAnswers.get("guardian1") instanceof JsonObject g1 ? g1 : null,
          stepAnswers.get("guardian2") instanceof JsonObject g2 ? g2 : null, children);
      if (!errors.isEmpty()) {
        throw new org.civicplatform.spi.rules.RuleViolation(errors);
      }
      return stepAnswers;
    }
    if (!"housing".equals(stepId) || !(stepAnswers.get("housing") instanceof JsonObject housing)) {
      return stepAnswers;
    }
    String type = housing.get("type") instanceof JsonString t ? t.getString() : "";
    if (("PARENTS_PURCHASE".equals(type) || "GRANDPARENTS_PURCHASE".equals(type))
        && blank(housing, "certificateNumber") && blank(housing, "contractNumber")) {
      throw new org.civicplatform.spi.rules.RuleViolation(FieldError.of("housing.housing.certificateNumber",
          "property.number-required", "请填写产权证编号；尚未取得产权证的，填写在国土房管局备案的购房合同号。",
          "Give the title certificate number or, without a certificate yet, the filed purchase-contract number."));
    }
    var normalised = Jsons.createObjectBuilder(housing);
    if (housing.get("certificateNumber") instanceof JsonString cert) {
      normalised.add("certificateNumber", certificateNumber(cert.getString()));
    }
    if (housing.get("contractNumber") instanceof JsonString contract) {
      normalised.add("contractNumber", contractNumber(contract.getString()));
    }
    return Jsons.createObjectBuilder(stepAnswers).add("housing", normalised).build();
  }

  private static boolean blank(JsonObject o, String key) {
    return !(o.get(key) instanceof JsonString s) || s.getString().isBlank();
  }

  private static int schoolYear(JsonObject application, LocalDate today) {
    return application.get("schoolYear") instanceof jakarta.json.JsonNumber n ? n.intValue() : today.getYear();
  }

  /** The household registry fills in the student and the registered parents (seed 002 §(1)①, §(2)①). */
  @Override
  public java.util.Optional<Prefill> prefill(String idNumber, org.civicplatform.spi.registry.Registries registries) {
    return java.util.Optional.of(SimingPrefill.of(idNumber, registries));
  }

  /** Seed 002 §(5): the pledge, then an SMS code to guardian one's phone, then 提交注册. */
  @Override
  public boolean submissionConfirmation() {
    return true;
  }

  /**
   * Upper case, no spaces ({@link Spaces}: the ideographic space too), without the {@code -1}/{@code -2}
   * suffix that numbers several certificates. Idempotent — the number is normalised when saved and again
   * when the registry is asked — so every trailing {@code -<digit>} goes, not only the last.
   */
  public static String certificateNumber(String raw) {
    return contractNumber(raw).replaceFirst("(?:-[0-9])+\\z", "");
  }

  /** A filed purchase-contract number: upper case, no spaces. */
  public static String contractNumber(String raw) {
    return Spaces.strip(raw).toUpperCase(java.util.Locale.ROOT);
  }

  /** Student identity, guardians and property against the registries ({@link SimingVerification}). */
  @Override
  public List<org.civicplatform.spi.rules.CheckResult> verify(
      JsonObject application, org.civicplatform.spi.registry.Registries registries) {
    return SimingVerification.verify(application, registries);
  }

  /** Each student's ID number must be known to the household registry (公安户籍) before submitting. */
  @Override
  public List<FieldError> checkBeforeSubmission(
      JsonObject application, org.civicplatform.spi.registry.Registries registries) {
    return SimingVerification.identityBeforeSubmission(application, registries);
  }

  /** Guardian one's phone: codes and every notice go there, not to the iXiamen account's (seed 002). */
  @Override
  public java.util.Optional<String> contactPhone(JsonObject application) {
    return application.get("guardians") instanceof JsonObject guardians
            && guardians.get("guardian1") instanceof JsonObject guardian
            && guardian.get("phone") instanceof JsonString phone
        ? java.util.Optional.of(phone.getString())
        : java.util.Optional.empty();
  }

  /** The street (街道) of the first child's household address. */
  @Override
  public java.util.Optional<String> district(JsonObject application) {
    if (application.get("students") instanceof JsonObject students
        && students.get("student") instanceof jakarta.json.JsonArray list
        && !list.isEmpty()
        && list.get(0) instanceof JsonObject first
        && first.get("street") instanceof JsonString street) {
      return java.util.Optional.of(street.getString());
    }
    return java.util.Optional.empty();
  }

  @Override
  public Eligibility eligibility(JsonObject application, LocalDate today) {
    return Eligibility.allowed(null);
  }

  @Override
  public List<FieldError> validateForSubmission(JsonObject application, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    JsonObject submit = application.getJsonObject("submit");
    JsonObject pledge = submit == null ? null : submit.getJsonObject("pledge");
    if (pledge == null || pledge.get("creditPledge") != JsonValue.TRUE) {
      errors.add(FieldError.of("submit.pledge.creditPledge", "pledge.required",
          "请勾选信用承诺。", "Tick the credit pledge."));
    }
    return errors;
  }
}
