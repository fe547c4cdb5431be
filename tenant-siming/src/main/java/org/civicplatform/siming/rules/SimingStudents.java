package org.civicplatform.siming.rules;

import org.civicplatform.spi.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civicplatform.spi.rules.FieldError;
import org.civicplatform.spi.rules.checks.IdNumbers;
import org.civicplatform.spi.rules.checks.SchoolAge;

/**
 * The students of one registration (twins, triplets…, seed 002 §(1)②): every child old enough (the seed's
 * message otherwise), no ID number twice, and one household kind for all — children of different kinds
 * register separately.
 */
final class SimingStudents {

  private SimingStudents() {}

  static List<FieldError> check(JsonObject stepAnswers, int schoolYear) {
    List<JsonObject> students = SimingVerification.students(Json.wrap(stepAnswers));
    List<FieldError> errors = new ArrayList<>();
    String firstKind = null;
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < students.size(); i++) {
      JsonObject student = students.get(i);
      String path = "students.student[" + i + "].";
      String id = text(student, "idNumber");
      String name = Optional.ofNullable(text(student, "name")).orElse("");
      if (id != null) {
        String key = IdNumbers.normalise(id);
        if (seen.contains(key)) {
          errors.add(FieldError.of(path + "idNumber", "student.duplicate",
              "该身份证号已在本次登记中填写。", "This ID number is already in this registration."));
        }
        seen.add(key);
        errors.addAll(IdNumbers.contradictions(path, id, text(student, "birthDate")));
        Optional<LocalDate> birth = IdNumbers.birthDate(id);
        if (birth.isPresent() && !SchoolAge.eligibleForPrimary(birth.get(), schoolYear)) {
          errors.add(SimingRules.MESSAGES.error(path + "idNumber", "child.too-young", name,
              SchoolAge.latestBirthDateForPrimary(schoolYear).toString()));
        }
      }
      String kind = text(student, "householdType");
      if (kind != null) {
        if (firstKind == null) {
          firstKind = kind;
        } else if (!firstKind.equals(kind)) {
          errors.add(FieldError.of(path + "householdType", "student.household-kind",
              "多胞胎的户籍类型须一致；户籍类型不同的孩子请分别登记（提交一个孩子后，另行登记另一个孩子）。",
              "Children of one registration share a household kind: register a child of another kind separately."));
        }
      }
    }
    return errors;
  }

  private static String text(JsonObject o, String key) {
    return o.get(key) instanceof JsonString s ? s.getString() : null;
  }

  /** Wraps the step's answers as the application shape {@link SimingVerification#students} reads. */
  private static final class Json {
    static JsonObject wrap(JsonObject stepAnswers) {
      return Jsons.createObjectBuilder().add("students", stepAnswers).build();
    }
  }
}
