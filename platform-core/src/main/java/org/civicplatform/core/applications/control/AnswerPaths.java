package org.civicplatform.core.applications.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.civicplatform.spi.json.Jsons;

/**
 * Answer paths as tenants declare them: {@code step.section.field}, a section written {@code section[]} being
 * a list any entry of which may hold the value ({@code students.student[].idNumber}).
 */
public final class AnswerPaths {

  private AnswerPaths() {}

  /** A value found at a path: where (the form's field path, e.g. {@code students.student[1].idNumber}) and what. */
  public record Found(String field, String value) {}

  /**
   * The JSON an application's answers contain when {@code path} holds {@code value} — for {@code answers @>}
   * on the GIN index of the answers.
   */
  public static String containing(String path, String value) {
    String[] parts = path.split("\\.");
    JsonValue json = Jsons.createValue(value);
    for (int i = parts.length - 1; i >= 0; i--) {
      String key = parts[i];
      if (key.endsWith("[]")) {
        key = key.substring(0, key.length() - 2);
        json = Jsons.createArrayBuilder().add(json).build();
      }
      json = Jsons.createObjectBuilder().add(key, json).build();
    }
    return json.toString();
  }

  /** The text values at {@code path} in an application's answers (every entry of a {@code []} section). */
  public static List<Found> values(JsonObject answers, String path) {
    List<Found> found = new ArrayList<>();
    collect(answers, path.split("\\."), 0, "", found);
    return found;
  }

  private static void collect(JsonValue at, String[] parts, int i, String field, List<Found> found) {
    if (i == parts.length) {
      if (at instanceof JsonString s && !s.getString().isBlank()) {
        found.add(new Found(field, s.getString()));
      }
      return;
    }
    if (!(at instanceof JsonObject object)) {
      return;
    }
    String key = parts[i];
    String prefix = field.isEmpty() ? "" : field + ".";
    if (key.endsWith("[]")) {
      key = key.substring(0, key.length() - 2);
      if (object.get(key) instanceof JsonArray list) {
        for (int n = 0; n < list.size(); n++) {
          collect(list.get(n), parts, i + 1, prefix + key + "[" + n + "]", found);
        }
      }
    } else {
      collect(object.get(key), parts, i + 1, prefix + key, found);
    }
  }
}
