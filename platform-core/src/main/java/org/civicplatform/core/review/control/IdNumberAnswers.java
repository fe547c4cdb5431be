package org.civicplatform.core.review.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicplatform.spi.form.FieldType;
import org.civicplatform.spi.form.FormDefinition;
import org.civicplatform.spi.form.FormField;
import org.civicplatform.spi.form.FormSection;
import org.civicplatform.spi.form.FormStep;
import org.civicplatform.spi.json.Jsons;
import org.civicplatform.spi.rules.checks.IdNumbers;

/**
 * The ID-number answers of an application (the form's {@link FieldType#ID_NUMBER} fields): reviewers get
 * them masked ({@code 3205**********1234}) and the full values only from the audited reveal. Each is
 * named by its path: {@code step.section.field}, or {@code step.section[i].field} in a repeated section.
 */
public final class IdNumberAnswers {

  private IdNumberAnswers() {}

  /** The answers with every ID number masked; everything else as it was. */
  public static JsonObject masked(FormDefinition form, JsonObject answers) {
    if (answers == null) {
      return null;
    }
    JsonObjectBuilder out = Jsons.createObjectBuilder(answers);
    for (FormStep step : form.steps()) {
      if (answers.get(step.id()) instanceof JsonObject saved) {
        JsonObjectBuilder stepOut = Jsons.createObjectBuilder(saved);
        for (FormSection section : step.sections()) {
          JsonValue value = saved.get(section.id());
          if (value instanceof JsonObject entry) {
            stepOut.add(section.id(), maskedEntry(section, entry));
          } else if (value instanceof JsonArray entries) {
            JsonArrayBuilder list = Jsons.createArrayBuilder();
            for (JsonValue e : entries) {
              list.add(e instanceof JsonObject entry ? maskedEntry(section, entry) : e);
            }
            stepOut.add(section.id(), list);
          }
        }
        out.add(step.id(), stepOut);
      }
    }
    return out.build();
  }

  /** Every ID number the answers hold, in full, by path. */
  public static Map<String, String> full(FormDefinition form, JsonObject answers) {
    Map<String, String> found = new LinkedHashMap<>();
    if (answers == null) {
      return found;
    }
    for (FormStep step : form.steps()) {
      if (answers.get(step.id()) instanceof JsonObject saved) {
        for (FormSection section : step.sections()) {
          String prefix = step.id() + "." + section.id();
          JsonValue value = saved.get(section.id());
          if (value instanceof JsonObject entry) {
            collect(section, entry, prefix, found);
          } else if (value instanceof JsonArray entries) {
            for (int i = 0; i < entries.size(); i++) {
              if (entries.get(i) instanceof JsonObject entry) {
                collect(section, entry, prefix + "[" + i + "]", found);
              }
            }
          }
        }
      }
    }
    return found;
  }

  /** Whether the answer at {@code path} (as named in corrections: {@code step.section.field}) is an ID number. */
  public static boolean isIdNumber(FormDefinition form, String path) {
    String[] parts = path == null ? new String[0] : path.replaceAll("\\[\\d+]", "").split("\\.");
    if (parts.length != 3) {
      return false;
    }
    return form.steps().stream().filter(s -> s.id().equals(parts[0])).flatMap(s -> s.sections().stream())
        .filter(s -> s.id().equals(parts[1])).flatMap(s -> s.fields().stream())
        .anyMatch(f -> f.id().equals(parts[2]) && f.type() == FieldType.ID_NUMBER);
  }

  private static JsonObject maskedEntry(FormSection section, JsonObject entry) {
    JsonObjectBuilder out = Jsons.createObjectBuilder(entry);
    for (FormField field : section.fields()) {
      if (field.type() == FieldType.ID_NUMBER && entry.get(field.id()) instanceof JsonString number) {
        out.add(field.id(), IdNumbers.mask(number.getString()));
      }
    }
    return out.build();
  }

  private static void collect(FormSection section, JsonObject entry, String prefix, Map<String, String> found) {
    for (FormField field : section.fields()) {
      if (field.type() == FieldType.ID_NUMBER && entry.get(field.id()) instanceof JsonString number) {
        found.put(prefix + "." + field.id(), number.getString());
      }
    }
  }
}
