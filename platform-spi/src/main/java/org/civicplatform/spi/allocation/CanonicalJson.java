package org.civicplatform.spi.allocation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes the canonical JSON text of allocation inputs and results: objects are {@link SortedMap}s
 * (members in code-point order of their names), absent (null) members are left out, no whitespace,
 * strings escaped minimally, decimals in plain notation. The same value always gives the same bytes.
 */
final class CanonicalJson {

  private CanonicalJson() {}

  /** A fresh object whose members are written in name order. */
  static SortedMap<String, Object> object() {
    return new TreeMap<>();
  }

  static String write(Object value) {
    StringBuilder out = new StringBuilder(1024);
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof SortedMap<?, ?> object) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> member : object.entrySet()) {
        if (member.getValue() == null) {
          continue;
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        string((String) member.getKey(), out);
        out.append(':');
        write(member.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof Map<?, ?>) {
      throw new IllegalArgumentException("canonical objects must be sorted maps");
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(list.get(i), out);
      }
      out.append(']');
    } else if (value instanceof String text) {
      string(text, out);
    } else if (value instanceof BigDecimal decimal) {
      out.append(decimal.toPlainString());
    } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
      out.append(value);
    } else {
      throw new IllegalArgumentException("not a canonical value: " + value.getClass());
    }
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** A map of ranking values as a canonical object of their texts. */
  static SortedMap<String, Object> values(Map<String, RankingValue> values) {
    SortedMap<String, Object> object = object();
    values.forEach((code, value) -> object.put(code, value.text()));
    return object;
  }
}
