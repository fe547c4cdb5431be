package org.civicplatform.core.allocation.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads only some parts of a jsonb column ({@link
 * org.civicplatform.spi.allocation.AllocationProcedure#answerPaths()}): dotted member paths, a segment
 * ending in {@code []} being an array (read whole: its elements are not pruned). Each part is one
 * {@code #>} column (PostgreSQL extracts it without rebuilding anything, measured the cheapest way), and
 * {@link #object} puts the parts back at their paths; absent or JSON null parts are left out. No paths:
 * the whole column.
 */
public final class JsonPaths {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_]{1,64}(\\[\\])?");

  /** The member paths read, each a list of names (an array's path ends at the array). */
  private final List<List<String>> parts;

  private JsonPaths(List<List<String>> parts) {
    this.parts = parts;
  }

  /**
   * The parts to read for {@code paths}: each path up to its first array; a path inside another one
   * read whole is dropped.
   *
   * @throws IllegalArgumentException when a segment is not a plain member name
   */
  public static JsonPaths of(List<String> paths) {
    List<List<String>> parts = new ArrayList<>();
    for (String path : paths) {
      List<String> names = new ArrayList<>();
      for (String segment : path.split("\\.", -1)) {
        if (!SEGMENT.matcher(segment).matches()) {
          throw new IllegalArgumentException("not a JSON member path: " + path);
        }
        boolean array = segment.endsWith("[]");
        names.add(array ? segment.substring(0, segment.length() - 2) : segment);
        if (array) {
          break;
        }
      }
      if (parts.stream().noneMatch(p -> startsWith(names, p))) {
        parts.removeIf(p -> startsWith(p, names));
        parts.add(List.copyOf(names));
      }
    }
    return new JsonPaths(List.copyOf(parts));
  }

  private static boolean startsWith(List<String> path, List<String> prefix) {
    return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }

  /** The SQL expressions (text) to select for {@code column}: one per part, or the whole column. */
  public List<String> columns(String column) {
    if (parts.isEmpty()) {
      return List.of(column + "::text");
    }
    List<String> columns = new ArrayList<>();
    for (List<String> part : parts) {
      columns.add("(" + column + " #> '{" + String.join(",", part) + "}')::text");
    }
    return columns;
  }

  /** How many columns {@link #columns} selects. */
  public int width() {
    return Math.max(parts.size(), 1);
  }

  /**
   * The object from the selected columns' texts (in {@link #columns} order; null for an absent part),
   * or null when the whole column is null.
   */
  public JsonObject object(List<String> texts) {
    if (parts.isEmpty()) {
      return texts.get(0) == null ? null : Jsons.object(texts.get(0));
    }
    Map<String, Object> root = new LinkedHashMap<>();
    boolean any = false;
    for (int i = 0; i < parts.size(); i++) {
      String text = texts.get(i);
      if (text == null) {
        continue;
      }
      JsonValue value = Jsons.value(text);
      if (value.getValueType() == JsonValue.ValueType.NULL) {
        continue;
      }
      any = true;
      List<String> part = parts.get(i);
      Map<String, Object> at = root;
      for (String name : part.subList(0, part.size() - 1)) {
        @SuppressWarnings("unchecked")
        Map<String, Object> next = (Map<String, Object>) at.computeIfAbsent(name, k -> new LinkedHashMap<>());
        at = next;
      }
      at.put(part.get(part.size() - 1), value);
    }
    return any ? build(root) : JsonValue.EMPTY_JSON_OBJECT;
  }

  private static JsonObject build(Map<String, Object> members) {
    JsonObjectBuilder b = Jsons.objectBuilder();
    members.forEach((name, value) -> {
      if (value instanceof JsonValue json) {
        b.add(name, json);
      } else {
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) value;
        b.add(name, build(nested));
      }
    });
    return b.build();
  }
}
