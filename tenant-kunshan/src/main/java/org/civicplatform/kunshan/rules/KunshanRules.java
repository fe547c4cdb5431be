package org.civicplatform.kunshan.rules;

import org.civicplatform.spi.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civicplatform.kunshan.points.KunshanPointsEstimator;
import org.civicplatform.spi.rules.checks.Spaces;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.rules.ApplicationRules;
import org.civicplatform.spi.rules.Eligibility;
import org.civicplatform.spi.rules.FieldError;
import org.civicplatform.spi.rules.RuleViolation;

/**
 * Kunshan's rules over the stored answers. Spaces inside names and numbers are removed rather than
 * refused (seed 000 §3.3.1); a primary applicant who already has a school record is refused.
 */
public class KunshanRules implements ApplicationRules {

  private final KunshanPointsEstimator estimator = new KunshanPointsEstimator();
  private final org.civicplatform.kunshan.points.KunshanPointsRules points =
      new org.civicplatform.kunshan.points.KunshanPointsRules();
  private final org.civicplatform.kunshan.review.KunshanConfirmations confirmations =
      new org.civicplatform.kunshan.review.KunshanConfirmations(points);

  /** One property certificate, one family: reviewers are warned when another family gave the same number. */
  @Override
  public List<String> valuesUniqueToAFamily() {
    return List.of("housing.property.certificateNumber");
  }

  /** Seed 000 §3.2: the message of a child registered already. */
  @Override
  public org.civicplatform.spi.LocalizedText childAlreadyRegistered() {
    return org.civicplatform.spi.LocalizedText.of("该学生已通过户籍生（新市民）系统注册报名！",
        "This child is already registered (by another account or channel).");
  }

  /** 监护人信息 is shared by siblings and locked once one of them has applied (seed 000 §3.3.2). */
  @Override
  public List<String> familySharedSections() {
    return List.of("family.guardian1", "family.guardian2");
  }

  /** Points from the registry look-ups and the departments' confirmations (kunshan-rules.md). */
  @Override
  public Optional<org.civicplatform.spi.rules.PointsRules> pointsRules() {
    return Optional.of(points);
  }

  /** Seed 000 §4.1: 社保对接结果 and 房产对接结果 after submission (仅供参考). */
  @Override
  public List<org.civicplatform.spi.rules.CheckResult> verify(
      JsonObject application, org.civicplatform.spi.registry.Registries registries) {
    return org.civicplatform.kunshan.verification.KunshanRegistryChecks.verify(application, registries);
  }

  /** A department's confirmed or corrected values for its items (see {@code KunshanConfirmations}). */
  @Override
  public org.civicplatform.spi.rules.ConfirmedValues confirm(
      org.civicplatform.spi.review.ReviewStage stage, JsonObject values, JsonObject application,
      List<org.civicplatform.spi.rules.CheckResult> automatic) {
    return confirmations.confirm(stage, values, application, automatic);
  }

  /** The what-if simulator of kunshan-rules.md ("Points estimate"). */
  @Override
  public Optional<PointsEstimator> pointsEstimator() {
    return Optional.of(estimator);
  }

  /** Answer keys whose values never legitimately contain spaces. */
  static final Set<String> SPACE_FREE =
      Set.of("name", "idNumber", "phone", "certificateNumber", "ownerIdNumber");

  @Override
  public JsonObject validateStep(
      String stepId, JsonObject stepAnswers, JsonObject application, LocalDate today) {
    JsonObject normalised = stripSpaces(stepAnswers);
    List<FieldError> errors = new ArrayList<>();
    if ("family".equals(stepId)) {
      JsonObject student = normalised.getJsonObject("student");
      if (student != null && "MAINLAND_ID".equals(student.getString("idType", "MAINLAND_ID"))
          && student.get("idNumber") instanceof JsonString id) {
        errors.addAll(org.civicplatform.spi.rules.checks.IdNumbers.contradictions("family.student.", id.getString(),
            student.get("birthDate") instanceof JsonString b ? b.getString() : null));
      }
      errors.addAll(org.civicplatform.spi.rules.checks.Guardians.check("family", object(normalised, "guardian1"),
          object(normalised, "guardian2"), student != null && student.get("idNumber") instanceof JsonString id
              ? List.of(id.getString()) : List.of()));
      if (student != null && student.containsKey("hasSchoolRecord")
          && student.get("hasSchoolRecord") == JsonValue.TRUE
          && "PRIMARY".equals(stage(application))) {
        errors.add(FieldError.of("family.student.hasSchoolRecord", "school-record.primary",
            "小学新生须是未取得义务教育学籍的才能参与报名，已取得学籍的不可网报。",
            "A primary-school applicant must not yet have a compulsory-education school record."));
      }
    }
    if ("housing".equals(stepId)) {
      certificate(normalised.getJsonObject("property"), today).ifPresent(errors::add);
      errors.addAll(members(normalised, application, today));
    }
    if (!errors.isEmpty()) {
      throw new RuleViolation(errors);
    }
    return normalised;
  }

  /**
   * Seed 000 §3.5 新增家庭成员: only siblings under 18 (from a mainland ID number's birth date), none already
   * in the family (the student, a guardian or another member, by ID number); a sibling's home counts only
   * when the sibling owns it alone (必须是未满18周岁且单独所有).
   */
  static List<FieldError> members(JsonObject housing, JsonObject application, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> known = new java.util.HashSet<>();
    JsonObject family = application.get("family") instanceof JsonObject f ? f : JsonValue.EMPTY_JSON_OBJECT;
    for (String person : List.of("student", "guardian1", "guardian2")) {
      if (family.get(person) instanceof JsonObject p && p.get("idNumber") instanceof JsonString id) {
        known.add(id.getString().toUpperCase(java.util.Locale.ROOT));
      }
    }
    if (housing.get("members") instanceof jakarta.json.JsonArray members) {
      for (int i = 0; i < members.size(); i++) {
        if (!(members.get(i) instanceof JsonObject m) || !(m.get("idNumber") instanceof JsonString id)) {
          continue;
        }
        String path = "housing.members[" + i + "].idNumber";
        String number = id.getString().toUpperCase(java.util.Locale.ROOT);
        if (!known.add(number)) {
          errors.add(FieldError.of(path, "member.duplicate", "该成员已在家庭信息中，无需重复添加。",
              "This person is already in the family's details: no need to add them again."));
        } else if ("MAINLAND_ID".equals(m.getString("idType", "MAINLAND_ID"))
            && org.civicplatform.spi.rules.checks.IdNumbers.birthDate(number)
                .filter(born -> !born.plusYears(18).isAfter(today)).isPresent()) {
          errors.add(FieldError.of(path, "member.adult", "只能添加未满18周岁的兄弟姐妹。",
              "Only siblings under 18 can be added."));
        }
      }
    }
    JsonObject property = housing.getJsonObject("property");
    if (property != null && property.get("hasProperty") == JsonValue.TRUE
        && property.getString("owner", "").startsWith("members") && property.get("soleOwner") != JsonValue.TRUE) {
      errors.add(FieldError.of("housing.property.soleOwner", "member.sole-owner",
          "用兄弟姐妹的房产时，该房产须为其单独所有。", "A sibling's home counts only when the sibling owns it alone."));
    }
    return errors;
  }

  /**
   * Seed 000 §3.5 / 问8: a 不动产权证 number is its 7 digits only (the year is asked separately, from 1949
   * to this year); a 房屋所有权证 number is digits or letters only.
   */
  static Optional<FieldError> certificate(JsonObject property, LocalDate today) {
    if (property == null || property.get("hasProperty") != JsonValue.TRUE
        || !(property.get("certificateNumber") instanceof JsonString number)) {
      return Optional.empty();
    }
    String type = property.getString("certificateType", "");
    // compared as a number: intValue() would wrap 4294969245 into 1949
    if ("REAL_ESTATE".equals(type) && property.get("certificateYear") instanceof jakarta.json.JsonNumber year
        && (!year.isIntegral() || year.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(1949)) < 0
            || year.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(today.getYear())) > 0)) {
      return Optional.of(FieldError.of("housing.property.certificateYear", "certificate.year",
          "产权证年份应在 1949 至 " + today.getYear() + " 年之间。",
          "The certificate year must be between 1949 and " + today.getYear() + "."));
    }
    if ("REAL_ESTATE".equals(type) && !number.getString().matches("\\d{7}")) {
      return Optional.of(FieldError.of("housing.property.certificateNumber", "certificate.real-estate",
          "不动产权证只填写 7 位数字（例如 苏(2019)昆山市不动产权第1234567号 填 1234567）。",
          "For a real-estate title certificate enter its 7 digits only (e.g. 1234567)."));
    }
    if ("HOUSE_OWNERSHIP".equals(type) && !number.getString().matches("[0-9A-Za-z]+")) {
      return Optional.of(FieldError.of("housing.property.certificateNumber", "certificate.house-ownership",
          "房屋所有权证号只填写数字或字母。", "A house ownership certificate number has digits and letters only."));
    }
    return Optional.empty();
  }

  /**
   * Seed 000 问5: the window finds an application by the registered phone or the points subject's ID number
   * (the guardians' numbers; the account's phone is searched by the core as well).
   */
  @Override
  public List<String> searchableAnswers() {
    return List.of("family.guardian1.idNumber", "family.guardian2.idNumber", "family.guardian1.phone",
        "family.guardian2.phone", "family.guardian1.name", "family.guardian2.name", "family.student.idNumber");
  }

  /** Seed 000 §4.1/§5.2: 退回后，所填报的志愿依然无法修改 — the three batches' choices. */
  @Override
  public List<String> keptWhenReturned() {
    return List.of("choices.choices");
  }

  @Override
  public Eligibility eligibility(JsonObject application, LocalDate today) {
    return Eligibility.allowed(null);
  }

  @Override
  public List<FieldError> validateForSubmission(JsonObject application, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    JsonObject preview = application.getJsonObject("preview");
    JsonObject declaration = preview == null ? null : preview.getJsonObject("declaration");
    if (declaration == null || declaration.get("accepted") != JsonValue.TRUE) {
      errors.add(FieldError.of("preview.declaration.accepted", "declaration.required",
          "提交前请阅读并勾选声明。", "Read and tick the declaration before submitting."));
    }
    return errors;
  }

  /**
   * A primary-school applicant must be born on or before 31 August six years before the school year
   * (kunshan-rules.md, age); junior-middle applicants are current-year primary graduates, verified by the
   * education department in review.
   */
  @Override
  public List<FieldError> checkChild(String stage, String name, String idType, String idNumber, int schoolYear) {
    if (!"PRIMARY".equals(stage) || !"MAINLAND_ID".equals(idType)) {
      return List.of();
    }
    return org.civicplatform.spi.rules.checks.IdNumbers.birthDate(idNumber)
        .flatMap(birth -> org.civicplatform.spi.rules.checks.SchoolAge.checkPrimary("idNumber", birth, schoolYear))
        .map(List::of)
        .orElse(List.of());
  }

  /** The 区镇 the family lives in (guardian one's current address): its window reviews the application. */
  @Override
  public Optional<String> district(JsonObject application) {
    return application.get("family") instanceof JsonObject family
            && family.get("guardian1") instanceof JsonObject guardian
            && guardian.get("district") instanceof JsonString district
        ? Optional.of(district.getString())
        : Optional.empty();
  }

  /** Guardian one's phone (监护人一联系电话). */
  @Override
  public Optional<String> contactPhone(JsonObject application) {
    return application.get("family") instanceof JsonObject family
            && family.get("guardian1") instanceof JsonObject guardian
            && guardian.get("phone") instanceof JsonString phone
        ? Optional.of(phone.getString())
        : Optional.empty();
  }

  static JsonObject object(JsonObject parent, String key) {
    return parent.get(key) instanceof JsonObject o ? o : null;
  }

  static String stage(JsonObject application) {
    JsonValue stage = application.get("stage");
    return stage instanceof JsonString s ? s.getString() : null;
  }

  /** Removes every whitespace character (incl. the ideographic space) inside space-free answers. */
  static JsonObject stripSpaces(JsonObject object) {
    var builder = Jsons.createObjectBuilder();
    object.forEach(
        (key, value) -> {
          if (value instanceof JsonObject nested) {
            builder.add(key, stripSpaces(nested));
          } else if (value instanceof JsonString text && SPACE_FREE.contains(key)) {
            builder.add(key, Spaces.strip(text.getString()));
          } else {
            builder.add(key, value);
          }
        });
    return builder.build();
  }

  static LocalDate date(String text, String field) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new RuleViolation(new org.civicplatform.spi.rules.FieldError(field, "date.format",
          LocalizedText.of("日期格式应为 YYYY-MM-DD。", "Dates are written YYYY-MM-DD.")));
    }
  }
}
