package org.civicplatform.core.applications.control;

import org.civicplatform.spi.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicplatform.spi.form.FieldType;
import org.civicplatform.spi.form.FormDefinition;
import org.civicplatform.spi.form.FormField;
import org.civicplatform.spi.form.FormSection;
import org.civicplatform.spi.form.FormStep;

/**
 * Which registry-prefilled values the parent changed. A prefill was made for one ID number; in a
 * repeatable section (twins) its values belong to the entry holding that ID number, so reordering or
 * removing entries is followed. A prefill whose ID number is no longer in the answers (a mistyped number
 * looked up, then corrected) is not compared at all. Pure: the caller reads the prefills and answers.
 */
public final class PrefillCorrections {

  private PrefillCorrections() {}

  /**
   * @param form the tenant's form
   * @param prefills ID number → (field path {@code step.section.field} → value filled in), oldest first
   * @param answers the application's answers (step → section → values)
   * @return {@code [{"field": "students.student[1].name", "original": …, "corrected": … or null}]}
   */
  public static JsonArray of(FormDefinition form, Map<String, Map<String, String>> prefills, JsonObject answers) {
    Map<String, JsonObject> found = new LinkedHashMap<>();
    Set<String> compared = new HashSet<>();
    for (var prefill : prefills.entrySet()) {
      String idNumber = prefill.getKey();
      if (!present(form, idNumber, answers)) {
        continue;
      }
      for (var value : prefill.getValue().entrySet()) {
        String[] parts = value.getKey().split("\\.");
        if (parts.length != 3) {
          continue;
        }
        Optional<FormSection> section = form.step(parts[0]).flatMap(s -> section(s, parts[1]));
        if (section.isEmpty()) {
          continue;
        }
        JsonValue stored = step(answers, parts[0]).map(o -> o.get(parts[1])).orElse(null);
        JsonObject entry;
        String path;
        if (section.get().maxRepeats() > 1) {
          int index = indexOf(section.get(), stored, idNumber);
          if (index < 0) {
            continue;
          }
          entry = ((JsonArray) stored).getJsonObject(index);
          path = parts[0] + "." + parts[1] + "[" + index + "]." + parts[2];
        } else {
          entry = stored instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
          path = value.getKey();
        }
        if (!compared.add(path)) {
          continue;
        }
        String now = text(entry.get(parts[2]));
        if (!same(value.getValue(), now)) {
          found.put(path, Jsons.createObjectBuilder()
              .add("field", path)
              .add("original", value.getValue())
              .add("corrected", now == null ? JsonValue.NULL : Jsons.createValue(now))
              .build());
        }
      }
    }
    JsonArrayBuilder out = Jsons.createArrayBuilder();
    found.values().forEach(out::add);
    return out.build();
  }

  /** Whether the ID number appears in an ID-number field of a repeatable section (or any section). */
  static boolean present(FormDefinition form, String idNumber, JsonObject answers) {
    for (FormStep step : form.steps()) {
      for (FormSection section : step.sections()) {
        JsonValue stored = step(answers, step.id()).map(o -> o.get(section.id())).orElse(null);
        if (section.maxRepeats() > 1 ? indexOf(section, stored, idNumber) >= 0
            : stored instanceof JsonObject o && matches(section, o, idNumber)) {
          return true;
        }
      }
    }
    return false;
  }

  private static int indexOf(FormSection section, JsonValue stored, String idNumber) {
    if (!(stored instanceof JsonArray entries)) {
      return -1;
    }
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i) instanceof JsonObject entry && matches(section, entry, idNumber)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean matches(FormSection section, JsonObject entry, String idNumber) {
    return section.fields().stream().filter(f -> f.type() == FieldType.ID_NUMBER).map(FormField::id).findFirst()
        .map(id -> text(entry.get(id)))
        .filter(v -> v.strip().toUpperCase(Locale.ROOT).equals(idNumber.strip().toUpperCase(Locale.ROOT)))
        .isPresent();
  }

  private static Optional<FormSection> section(FormStep step, String id) {
    return step.sections().stream().filter(s -> s.id().equals(id)).findFirst();
  }

  private static Optional<JsonObject> step(JsonObject answers, String id) {
    return answers.get(id) instanceof JsonObject o ? Optional.of(o) : Optional.empty();
  }

  private static boolean same(String original, String now) {
    return now != null && original.strip().equalsIgnoreCase(now.strip());
  }

  static String text(JsonValue v) {
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof JsonNumber n) {
      return n.toString();
    }
    if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
      return v.toString();
    }
    return null;
  }
}
