package org.civicplatform.core.applications.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.civicplatform.spi.form.FieldType;
import org.civicplatform.spi.form.FormField;
import org.civicplatform.spi.form.FormSection;
import org.civicplatform.spi.form.FormStep;
import org.civicplatform.spi.rules.FieldError;

/**
 * The {@link FieldType#DISTRICT} answers of a step checked against the tenant's districts (区镇, 街道): a code
 * no district has would send the application to a queue no reviewer holds. A tenant without districts
 * (none configured yet) cannot be checked and takes any code.
 */
public final class DistrictFields {

  private DistrictFields() {}

  /** One error per DISTRICT answer (normalised answers of the step) that is not one of {@code districts}. */
  public static List<FieldError> unknown(FormStep step, JsonObject stepAnswers, Set<String> districts) {
    List<FieldError> errors = new ArrayList<>();
    if (districts.isEmpty()) {
      return errors;
    }
    for (FormSection section : step.sections()) {
      JsonValue value = stepAnswers.get(section.id());
      if (value instanceof JsonObject entry) {
        check(section, entry, step.id() + "." + section.id(), districts, errors);
      } else if (value instanceof JsonArray entries) {
        for (int i = 0; i < entries.size(); i++) {
          if (entries.get(i) instanceof JsonObject entry) {
            check(section, entry, step.id() + "." + section.id() + "[" + i + "]", districts, errors);
          }
        }
      }
    }
    return errors;
  }

  private static void check(FormSection section, JsonObject entry, String path, Set<String> districts,
      List<FieldError> errors) {
    for (FormField field : section.fields()) {
      if (field.type() == FieldType.DISTRICT && entry.get(field.id()) instanceof JsonString code
          && !districts.contains(code.getString())) {
        errors.add(FormValidator.error(path + "." + field.id(), "district.unknown",
            "请从列表中选择“" + field.label().zh() + "”（没有代码为“" + code.getString() + "”的一项）。",
            "Choose “" + field.label().en() + "” from the list (there is none with the code “" + code.getString() + "”)."));
      }
    }
  }
}
