package org.civicplatform.core.applications.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicplatform.spi.form.FieldType;
import org.civicplatform.spi.form.FormField;
import org.civicplatform.spi.form.FormSection;
import org.civicplatform.spi.form.FormStep;
import org.civicplatform.spi.reference.School;
import org.civicplatform.spi.rules.FieldError;

/**
 * The answers that name the tenant's reference data, checked against it: a {@link FieldType#DISTRICT}
 * (区镇, 街道) must be one of its districts — a code no district has would send the application to a queue no
 * reviewer holds; a {@link FieldType#SCHOOL} choice ({@code source} PRIVATE or PUBLIC_IN_ZONE) must be a
 * private or public school of the tenant that takes the child's stage. Other SCHOOL fields (e.g. a previous
 * school, free text) are not checked. A tenant without districts or schools (none configured yet) cannot
 * be checked and takes any code.
 */
public final class ReferenceFields {

  private ReferenceFields() {}

  /** What the answers are checked against: district codes, schools by code, the child's stage. */
  public record Reference(Set<String> districts, Map<String, School> schools, String stage) {}

  /** One error per answer (normalised answers of the step) that names no fitting district or school. */
  public static List<FieldError> unknown(FormStep step, JsonObject stepAnswers, Reference reference) {
    List<FieldError> errors = new ArrayList<>();
    for (FormSection section : step.sections()) {
      JsonValue value = stepAnswers.get(section.id());
      if (value instanceof JsonObject entry) {
        check(section, entry, step.id() + "." + section.id(), reference, errors);
      } else if (value instanceof JsonArray entries) {
        for (int i = 0; i < entries.size(); i++) {
          if (entries.get(i) instanceof JsonObject entry) {
            check(section, entry, step.id() + "." + section.id() + "[" + i + "]", reference, errors);
          }
        }
      }
    }
    return errors;
  }

  private static void check(FormSection section, JsonObject entry, String path, Reference reference,
      List<FieldError> errors) {
    for (FormField field : section.fields()) {
      if (!(entry.get(field.id()) instanceof JsonString answer)) {
        continue;
      }
      String code = answer.getString();
      if (field.type() == FieldType.DISTRICT && !reference.districts().isEmpty()
          && !reference.districts().contains(code)) {
        errors.add(FormValidator.error(path + "." + field.id(), "district.unknown",
            "请从列表中选择“" + field.label().zh() + "”（没有代码为“" + code + "”的一项）。",
            "Choose “" + field.label().en() + "” from the list (there is none with the code “" + code + "”)."));
      } else if (field.type() == FieldType.SCHOOL && !reference.schools().isEmpty() && !fits(field, code, reference)) {
        errors.add(FormValidator.error(path + "." + field.id(), "school.unknown",
            "请从列表中选择“" + field.label().zh() + "”（“" + code + "”不是可选的学校）。",
            "Choose “" + field.label().en() + "” from the list (“" + code + "” is not a school you can choose there)."));
      }
    }
  }

  /** Whether a school choice names a school of the right kind taking the stage (other sources: any text). */
  private static boolean fits(FormField field, String code, Reference reference) {
    boolean wantsPrivate = "PRIVATE".equals(field.source());
    if (!wantsPrivate && !"PUBLIC_IN_ZONE".equals(field.source())) {
      return true;
    }
    School school = reference.schools().get(code);
    return school != null && school.publicSchool() != wantsPrivate
        && (reference.stage() == null || school.seats().containsKey(reference.stage()));
  }
}
