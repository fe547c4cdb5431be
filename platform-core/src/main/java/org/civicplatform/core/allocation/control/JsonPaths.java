package org.civicplatform.core.allocation.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the SQL that reads only some parts of a jsonb column ({@link
 * org.civicplatform.spi.allocation.AllocationProcedure#answerPaths()}): dotted member paths, a segment
 * ending in {@code []} being an array whose elements keep the paths below it. The expression rebuilds
 * the same nesting with {@code jsonb_build_object} and the {@code ->} operator, drops absent and null
 * members ({@code jsonb_strip_nulls}), and keeps a value that is not of the expected kind (an object or
 * array where the path goes on) as it is — so a reader sees the same values at the paths as in the
 * whole document. No paths: the whole column.
 */
public final class JsonPaths {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_]{1,64}(\\[\\])?");

  private JsonPaths() {}

  /** The SQL expression (jsonb) of {@code column} pruned to {@code paths}. */
  public static String select(String column, List<String> paths) {
    if (paths.isEmpty()) {
      return column;
    }
    Node root = new Node(false);
    for (String path : paths) {
      Node node = root;
      for (String segment : path.split("\\.", -1)) {
        if (!SEGMENT.matcher(segment).matches()) {
          throw new IllegalArgumentException("not a JSON member path: " + path);
        }
        boolean array = segment.endsWith("[]");
        String name = array ? segment.substring(0, segment.length() - 2) : segment;
        node = node.children.computeIfAbsent(name, k -> new Node(array));
        if (node.array != array) {
          throw new IllegalArgumentException("a member is both an array and not one: " + path);
        }
      }
      node.whole = true;
    }
    return "jsonb_strip_nulls(" + object(column, root, new int[] {0}) + ")";
  }

  private static final class Node {
    final boolean array;
    final Map<String, Node> children = new LinkedHashMap<>();
    boolean whole;

    Node(boolean array) {
      this.array = array;
    }
  }

  /** {@code expr} rebuilt as an object of the node's members when it is an object, else as it is. */
  private static String object(String expr, Node node, int[] aliases) {
    StringBuilder sql = new StringBuilder("case when jsonb_typeof(").append(expr)
        .append(") = 'object' then jsonb_build_object(");
    boolean first = true;
    for (Map.Entry<String, Node> member : node.children.entrySet()) {
      if (!first) {
        sql.append(", ");
      }
      first = false;
      String value = "(" + expr + " -> '" + member.getKey() + "')";
      sql.append('\'').append(member.getKey()).append("', ").append(value(value, member.getValue(), aliases));
    }
    return sql.append(") else ").append(expr).append(" end").toString();
  }

  private static String value(String expr, Node node, int[] aliases) {
    if (node.whole || node.children.isEmpty()) {
      return expr;
    }
    if (!node.array) {
      return object(expr, node, aliases);
    }
    int alias = ++aliases[0];
    String element = "e" + alias;
    return "case when jsonb_typeof(" + expr + ") = 'array' then (select coalesce(jsonb_agg("
        + object(element, node, aliases) + " order by o" + alias + "), '[]'::jsonb) from jsonb_array_elements("
        + expr + ") with ordinality as x" + alias + "(" + element + ", o" + alias + ")) else " + expr + " end";
  }
}
