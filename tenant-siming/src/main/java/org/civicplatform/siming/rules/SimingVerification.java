package org.civicplatform.siming.rules;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.civicplatform.spi.registry.HouseholdPerson;
import org.civicplatform.spi.registry.PropertyRecord;
import org.civicplatform.spi.registry.Registries;
import org.civicplatform.spi.rules.CheckResult;
import org.civicplatform.spi.rules.checks.IdNumbers;

/**
 * Siming's automatic verification after submission (seed 002 §(6), siming-rules.md): student identity
 * and guardians against the household registry, the property against the real-estate registry. Rentals
 * and "other" housing await manual review (待审核). A registry that cannot answer throws {@code
 * RegistryUnavailable} through: nothing is concluded then.
 */
public final class SimingVerification {

  public static final String IDENTITY = "identity";

  /** Seed 002 §(6) and §(1) 温馨提醒: what a parent does about a failed identity check. */
  static final org.civicplatform.spi.LocalizedText IDENTITY_ADVICE = org.civicplatform.spi.LocalizedText.of(
      "身份验证结果异常：请确认报名姓名、身份证号是否准确，点击“修改信息”修改后重新提交；未通过身份验证的学生无法完成网上登记。"
          + "如有疑问，请拨打技术支持电话：2684508。",
      "Identity check failed: make sure the name and ID number are right, use “Modify” to correct them and submit again;"
          + " a student whose identity is not verified cannot complete the online registration."
          + " Questions: call technical support on 2684508.");
  public static final String GUARDIANS = "guardians";
  public static final String PROPERTY = "property";

  private SimingVerification() {}

  public static List<CheckResult> verify(JsonObject application, Registries registries) {
    List<JsonObject> students = students(application);
    List<Optional<HouseholdPerson>> found = new ArrayList<>();
    for (JsonObject student : students) {
      found.add(registries.household().person(text(student, "idNumber")));
    }
    return List.of(identity(students, found), guardians(application, students, found),
        property(application, found, registries));
  }

  /**
   * Seed 002 §(1) 温馨提醒: a student the household registry does not know fails the identity check and
   * cannot register online — the submission is refused naming the ID number. Differences in name, birth
   * date or gender are not refused here: the parent may correct prefilled values, and the verification
   * after submission shows them to the reviewer. A registry outage refuses nothing (verified later).
   */
  static List<org.civicplatform.spi.rules.FieldError> identityBeforeSubmission(
      JsonObject application, Registries registries) {
    List<org.civicplatform.spi.rules.FieldError> errors = new ArrayList<>();
    List<JsonObject> students = students(application);
    for (int i = 0; i < students.size(); i++) {
      String idNumber = text(students.get(i), "idNumber");
      if (idNumber == null) {
        continue; // the form's own checks name a missing ID number
      }
      Optional<HouseholdPerson> person;
      try {
        person = registries.household().person(idNumber);
      } catch (org.civicplatform.spi.registry.RegistryUnavailable outage) {
        return List.of();
      }
      if (person.isEmpty()) {
        String name = text(students.get(i), "name");
        errors.add(org.civicplatform.spi.rules.FieldError.of("students.student[" + i + "].idNumber", "identity.not-verified",
            "学生" + (name == null ? "" : name) + "身份验证失败：户籍系统中未找到身份证号 " + IdNumbers.mask(idNumber)
                + "。" + IDENTITY_ADVICE.zh(),
            "Identity check failed for student " + (name == null ? "" : name) + ": the household registry has no ID "
                + IdNumbers.mask(idNumber) + ". " + IDENTITY_ADVICE.en()));
      }
    }
    return errors;
  }

  static CheckResult identity(List<JsonObject> students, List<Optional<HouseholdPerson>> found) {
    if (students.isEmpty()) {
      return CheckResult.anomaly(IDENTITY, "未填写学生信息。", "No student was given.", "students.student");
    }
    List<String> zh = new ArrayList<>();
    List<String> en = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < students.size(); i++) {
      JsonObject student = students.get(i);
      String path = "students.student[" + i + "].";
      String label = text(student, "name");
      Optional<HouseholdPerson> person = found.get(i);
      if (person.isEmpty()) {
        zh.add("户籍系统中未找到学生" + label + "（身份证号 " + IdNumbers.mask(text(student, "idNumber")) + "）");
        en.add("The household registry has no student " + label + " with ID " + IdNumbers.mask(text(student, "idNumber")));
        fields.add(path + "idNumber");
        continue;
      }
      HouseholdPerson p = person.get();
      if (!p.name().equals(text(student, "name"))) {
        zh.add("学生姓名“" + text(student, "name") + "”与户籍登记“" + p.name() + "”不一致");
        en.add("Student name “" + text(student, "name") + "” differs from the registry's “" + p.name() + "”");
        fields.add(path + "name");
      }
      if (!p.birthDate().toString().equals(text(student, "birthDate"))) {
        zh.add(label + "的出生日期 " + text(student, "birthDate") + " 与户籍登记 " + p.birthDate() + " 不一致");
        en.add(label + "'s birth date " + text(student, "birthDate") + " differs from the registry's " + p.birthDate());
        fields.add(path + "birthDate");
      }
      if (!p.gender().equals(text(student, "gender"))) {
        zh.add(label + "的性别与户籍登记不一致");
        en.add(label + "'s gender differs from the registry");
        fields.add(path + "gender");
      }
    }
    String names = String.join("、", students.stream().map(st -> text(st, "name")).toList());
    return zh.isEmpty()
        ? CheckResult.passed(IDENTITY, "学生" + names + "的身份信息与户籍登记一致（逐一核验）。",
            "Each student's identity (" + names + ") matches the household registry.")
        : CheckResult.anomaly(IDENTITY, String.join("；", zh) + "。" + IDENTITY_ADVICE.zh(),
            String.join("; ", en) + ". " + IDENTITY_ADVICE.en(), fields.toArray(String[]::new));
  }

  static CheckResult guardians(
      JsonObject application, List<JsonObject> students, List<Optional<HouseholdPerson>> found) {
    if (students.isEmpty() || found.stream().anyMatch(Optional::isEmpty)) {
      return CheckResult.anomaly(GUARDIANS, "学生未在户籍系统中找到，无法核验监护人。",
          "The student is not in the household registry, so the guardians cannot be verified.", "students.student");
    }
    JsonObject guardians = object(application, "guardians");
    List<String> zh = new ArrayList<>();
    List<String> en = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    for (String g : new String[] {"guardian1", "guardian2"}) {
      JsonObject guardian = guardians == null ? null : object(guardians, g);
      String relation = guardian == null ? null : text(guardian, "relation");
      if (relation == null || relation.isBlank()) {
        continue;
      }
      String id = upper(text(guardian, "idNumber"));
      String label = "guardian1".equals(g) ? "监护人一" : "监护人二";
      String labelEn = "guardian1".equals(g) ? "Guardian one" : "Guardian two";
      for (Optional<HouseholdPerson> person : found) {
        HouseholdPerson child = person.orElseThrow();
        String expected = switch (relation) {
          case "FATHER" -> upper(child.fatherIdNumber());
          case "MOTHER" -> upper(child.motherIdNumber());
          default -> null;
        };
        boolean matches = expected != null ? expected.equals(id)
            : id != null && (id.equals(upper(child.fatherIdNumber())) || id.equals(upper(child.motherIdNumber())));
        if (!matches) {
          String relationZh = switch (relation) {
            case "FATHER" -> "父亲";
            case "MOTHER" -> "母亲";
            default -> "父母";
          };
          zh.add(label + "（" + text(guardian, "name") + "，身份证号 " + IdNumbers.mask(id) + "）与户籍登记的" + child.name()
              + "的" + relationZh + "不一致");
          en.add(labelEn + " (" + text(guardian, "name") + ", ID " + IdNumbers.mask(id) + ") is not " + child.name()
              + "'s registered " + relation.toLowerCase(Locale.ROOT));
          fields.add("guardians." + g + ".idNumber");
          break;
        }
      }
    }
    return zh.isEmpty()
        ? CheckResult.passed(GUARDIANS, "监护人与户籍登记的父母一致。", "The guardians match the registered parents.")
        : CheckResult.anomaly(GUARDIANS, String.join("；", zh) + "。", String.join("; ", en) + ".",
            fields.toArray(String[]::new));
  }

  static CheckResult property(JsonObject application, List<Optional<HouseholdPerson>> found, Registries registries) {
    JsonObject housing = object(object(application, "housing"), "housing");
    String type = housing == null ? null : text(housing, "type");
    if (type == null) {
      return CheckResult.anomaly(PROPERTY, "未填写房产信息。", "No housing was given.", "housing.housing.type");
    }
    return switch (type) {
      case "PARENTS_PURCHASE", "GRANDPARENTS_PURCHASE" -> purchase(housing, type, found, registries);
      case "COLLECTIVE_OR_CONSIGNED" -> CheckResult.passed(PROPERTY, "集体户、寄售户无需核验房产。",
          "Collective and consigned households have no property to verify.");
      default -> CheckResult.pending(PROPERTY, "公租房、廉租房及其他住房由审核人员人工审核。",
          "Public rental, low-rent and other housing is reviewed by hand.");
    };
  }

  private static CheckResult purchase(
      JsonObject housing, String type, List<Optional<HouseholdPerson>> found, Registries registries) {
    String certificate = text(housing, "certificateNumber");
    boolean byCertificate = certificate != null && !certificate.isBlank();
    String number = byCertificate ? SimingRules.certificateNumber(certificate) : upper(text(housing, "contractNumber"));
    String numberField = byCertificate ? "housing.housing.certificateNumber" : "housing.housing.contractNumber";
    if (number == null || number.isBlank()) {
      return CheckResult.anomaly(PROPERTY, "请填写产权证编号或购房合同备案号。",
          "Give the title certificate number or the filed purchase-contract number.", "housing.housing.certificateNumber");
    }
    Optional<PropertyRecord> record = registries.realEstate().property(number);
    if (record.isEmpty()) {
      return CheckResult.anomaly(PROPERTY, "不动产登记中未找到编号为 " + number + " 的房产。",
          "The real-estate registry has no property numbered " + number + ".", numberField);
    }
    PropertyRecord property = record.get();
    String ownerId = upper(text(housing, "ownerIdNumber"));
    Optional<PropertyRecord.Owner> owner = ownerId == null ? Optional.empty() : property.owner(ownerId);
    if (owner.isEmpty()) {
      return CheckResult.anomaly(PROPERTY, "产权人（身份证号 " + IdNumbers.mask(ownerId) + "）不是不动产登记 " + number + " 的权利人。",
          "The owner (ID " + IdNumbers.mask(ownerId) + ") is not an owner of " + number + " in the real-estate registry.",
          "housing.housing.ownerIdNumber");
    }
    if (!owner.get().name().equals(text(housing, "ownerName"))) {
      return CheckResult.anomaly(PROPERTY, "产权人姓名“" + text(housing, "ownerName") + "”与不动产登记“" + owner.get().name() + "”不一致。",
          "The owner's name differs from the real-estate registry.", "housing.housing.ownerName");
    }
    if ("PARENTS_PURCHASE".equals(type)) {
      Set<String> parents = new LinkedHashSet<>();
      found.stream().flatMap(Optional::stream).forEach(c -> {
        if (c.fatherIdNumber() != null) parents.add(upper(c.fatherIdNumber()));
        if (c.motherIdNumber() != null) parents.add(upper(c.motherIdNumber()));
      });
      if (!parents.contains(ownerId)) {
        return CheckResult.anomaly(PROPERTY, "产权人不是户籍登记的学生父母，住房类型应为其他类型。",
            "The owner is not a registered parent of the student: choose another housing type.",
            "housing.housing.type", "housing.housing.ownerIdNumber");
      }
    }
    String address = property.address();
    boolean sameAddress = found.stream().flatMap(Optional::stream).allMatch(c -> address.equals(c.householdAddress()));
    return CheckResult.passed(PROPERTY,
        (property.contract() ? "购房合同备案 " : "产权证 ") + number + "：产权人" + owner.get().name() + "（份额 "
            + owner.get().sharePercent().stripTrailingZeros().toPlainString() + "%），登记日期 " + property.registrationDate()
            + "，房屋地址 " + address + (sameAddress ? "，与户籍地址一致。" : "，与户籍地址不一致。"),
        (property.contract() ? "Filed contract " : "Certificate ") + number + ": owner " + owner.get().name() + " ("
            + owner.get().sharePercent().stripTrailingZeros().toPlainString() + " %), registered " + property.registrationDate()
            + ", address " + address + (sameAddress ? ", the household address." : ", not the household address."));
  }

  static List<JsonObject> students(JsonObject application) {
    JsonObject step = object(application, "students");
    JsonValue list = step == null ? null : step.get("student");
    if (list instanceof JsonArray array) {
      return array.stream().filter(v -> v instanceof JsonObject).map(v -> (JsonObject) v).toList();
    }
    return list instanceof JsonObject one ? List.of(one) : List.of();
  }

  private static JsonObject object(JsonObject parent, String key) {
    return parent != null && parent.get(key) instanceof JsonObject o ? o : null;
  }

  private static String text(JsonObject o, String key) {
    return o != null && o.get(key) instanceof JsonString s ? s.getString() : null;
  }

  private static String upper(String s) {
    return s == null ? null : s.strip().toUpperCase(Locale.ROOT);
  }
}
