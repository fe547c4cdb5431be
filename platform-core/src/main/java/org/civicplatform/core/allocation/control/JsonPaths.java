package org.civicplatform.core.allocation.control;

import org.civicplatform.spi.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads only some parts of a jsonb column ({@link
 * org.civicplatform.spi.allocation.AllocationProcedure#answerPaths()}): dotted member paths, a segment
 * ending in {@code []} being an array. A plain part is one {@code #>} column (PostgreSQL extracts it
 * without rebuilding anything, measured the cheapest way). An array whose elements are read one member
 * deep ({@code items[].item}, {@code items[].value}) is one column with the array's length and one
 * {@code jsonb_path_query_array} column per member, in strict mode so that an element missing a member
 * gives no column rather than a shorter list; such a row is {@linkplain Irregular irregular} and the
 * caller reads the array whole ({@link #wholeArrays}). Anything deeper under an array reads the array
 * whole. {@link #object} puts the parts back at their paths; absent or JSON null parts are left out. No
 * paths: the whole column.
 */
public final class JsonPaths {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_]{1,64}(\\[\\])?");

  /**
   * One part read: the member path, and for an array read element member by element member the members
   * (empty: the value at the path read whole).
   */
  private record Part(List<String> path, List<String> members) {

    int width() {
      return members.isEmpty() ? 1 : 1 + members.size();
    }
  }

  private final List<Part> parts;

  private JsonPaths(List<Part> parts) {
    this.parts = parts;
  }

  /** A row whose array elements do not all have the members read: read its arrays whole. */
  public static final class Irregular extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Irregular() {
      super(null, null, false, false);
    }
  }

  /**
   * The parts to read for {@code paths}; a path inside another one read whole is dropped.
   *
   * @throws IllegalArgumentException when a segment is not a plain member name
   */
  public static JsonPaths of(List<String> paths) {
    // path -> members of its elements (null: read whole)
    Map<List<String>, List<String>> wanted = new LinkedHashMap<>();
    for (String path : paths) {
      List<String> names = new ArrayList<>();
      String[] segments = path.split("\\.", -1);
      List<String> member = null;
      for (int i = 0; i < segments.length; i++) {
        String segment = segments[i];
        if (!SEGMENT.matcher(segment).matches()) {
          throw new IllegalArgumentException("not a JSON member path: " + path);
        }
        boolean array = segment.endsWith("[]");
        names.add(array ? segment.substring(0, segment.length() - 2) : segment);
        if (array) {
          List<String> rest = List.of(segments).subList(i + 1, segments.length);
          for (String r : rest) {
            if (!SEGMENT.matcher(r).matches()) {
              throw new IllegalArgumentException("not a JSON member path: " + path);
            }
          }
          // one plain member under the array is read element by element; anything else, the array whole
          member = rest.size() == 1 && !rest.get(0).endsWith("[]") ? List.of(rest.get(0)) : List.of();
          break;
        }
      }
      List<String> key = List.copyOf(names);
      String element = member == null || member.isEmpty() ? null : member.get(0); // null: read whole
      boolean covered = wanted.entrySet().stream()
          .anyMatch(e -> e.getValue() == null && startsWith(key, e.getKey()));
      if (covered) {
        continue; // at or inside a part read whole
      }
      if (element == null) {
        wanted.keySet().removeIf(p -> startsWith(p, key));
        wanted.put(key, null);
      } else {
        List<String> members = wanted.computeIfAbsent(key, k -> new ArrayList<>());
        if (!members.contains(element)) {
          members.add(element);
        }
      }
    }
    List<Part> parts = new ArrayList<>();
    wanted.forEach((path, members) -> parts.add(new Part(path, members == null ? List.of() : List.copyOf(members))));
    return new JsonPaths(List.copyOf(parts));
  }

  private static boolean startsWith(List<String> path, List<String> prefix) {
    return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }

  /** The SQL expressions (text) to select for {@code column}, in {@link #object} order, or the whole column. */
  public List<String> columns(String column) {
    if (parts.isEmpty()) {
      return List.of(column + "::text");
    }
    List<String> columns = new ArrayList<>();
    for (Part part : parts) {
      if (part.members().isEmpty()) {
        columns.add(whole(column, part));
        continue;
      }
      String array = jsonPath(part.path());
      columns.add("jsonb_path_query_first(" + column + ", 'strict " + array + ".size()', '{}', true)::text");
      for (String member : part.members()) {
        columns.add("jsonb_path_query_array(" + column + ", 'strict " + array + "[*].\"" + member
            + "\"', '{}', true)::text");
      }
    }
    return columns;
  }

  /**
   * The same columns as {@link #columns}, but every array read whole (in its first column; the others
   * null): for an {@linkplain Irregular irregular} row.
   */
  public List<String> wholeArrays(String column) {
    if (parts.isEmpty()) {
      return columns(column);
    }
    List<String> columns = new ArrayList<>();
    for (Part part : parts) {
      columns.add(whole(column, part));
      for (int i = 1; i < part.width(); i++) {
        columns.add("null::text");
      }
    }
    return columns;
  }

  private static String whole(String column, Part part) {
    return "(" + column + " #> '{" + String.join(",", part.path()) + "}')::text";
  }

  private static String jsonPath(List<String> path) {
    StringBuilder p = new StringBuilder("$");
    path.forEach(name -> p.append(".\"").append(name).append('"'));
    return p.toString();
  }

  /** How many columns {@link #columns} selects. */
  public int width() {
    return parts.isEmpty() ? 1 : parts.stream().mapToInt(Part::width).sum();
  }

  /**
   * The object from the selected columns' texts (in {@link #columns} order; null
   * for an absent part), or null when the whole column is null.
   *
   * @throws Irregular when an array's elements were read member by member and not all of them have every
   *     member read
   */
  public JsonObject object(List<String> texts) {
    return object(texts, false);
  }

  /** The object from the texts of the {@link #wholeArrays} columns. */
  public JsonObject wholeObject(List<String> texts) {
    return object(texts, true);
  }

  private JsonObject object(List<String> texts, boolean arraysWhole) {
    if (parts.isEmpty()) {
      return texts.get(0) == null ? null : Jsons.object(texts.get(0));
    }
    Map<String, Object> root = new LinkedHashMap<>();
    boolean any = false;
    int column = 0;
    for (Part part : parts) {
      String text = texts.get(column);
      JsonValue value;
      if (part.members().isEmpty() || text == null || arraysWhole) {
        value = text == null ? null : parse(text);
      } else {
        value = elements(length(text), part.members(), texts.subList(column + 1, column + part.width()));
      }
      column += part.width();
      if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
        continue;
      }
      any = true;
      List<String> path = part.path();
      Map<String, Object> at = root;
      for (String name : path.subList(0, path.size() - 1)) {
        @SuppressWarnings("unchecked")
        Map<String, Object> next = (Map<String, Object>) at.computeIfAbsent(name, k -> new LinkedHashMap<>());
        at = next;
      }
      at.put(path.get(path.size() - 1), value);
    }
    return any ? build(root) : JsonValue.EMPTY_JSON_OBJECT;
  }

  /** A part's value: scalars and arrays of scalars read directly, anything else parsed. */
  private static JsonValue parse(String text) {
    JsonValue value = FlatJson.scalar(text);
    if (value == null) {
      value = FlatJson.array(text);
    }
    return value != null ? value : Jsons.value(text);
  }

  private static int length(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new Irregular();
    }
  }

  /** The array of {@code length} elements put together from one list per member. */
  private static JsonArray elements(int length, List<String> members, List<String> lists) {
    List<JsonArray> values = new ArrayList<>(members.size());
    for (String list : lists) {
      JsonArray array = list == null ? null : FlatJson.array(list);
      if (array == null && list != null) {
        array = Jsons.array(list);
      }
      if (array == null || array.size() != length) {
        throw new Irregular();
      }
      values.add(array);
    }
    String[] names = members.toArray(String[]::new); // shared by the elements, never changed
    JsonArrayBuilder out = Jsons.createArrayBuilder();
    for (int i = 0; i < length; i++) {
      JsonValue[] element = new JsonValue[names.length];
      for (int m = 0; m < names.length; m++) {
        element[m] = values.get(m).get(i);
      }
      out.add(new SmallJsonObject(names, element));
    }
    return out.build();
  }

  private static JsonObject build(Map<String, Object> members) {
    String[] names = new String[members.size()];
    JsonValue[] values = new JsonValue[members.size()];
    int i = 0;
    for (Map.Entry<String, Object> member : members.entrySet()) {
      names[i] = member.getKey();
      if (member.getValue() instanceof JsonValue json) {
        values[i] = json;
      } else {
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) member.getValue();
        values[i] = build(nested);
      }
      i++;
    }
    return new SmallJsonObject(names, values);
  }
}
