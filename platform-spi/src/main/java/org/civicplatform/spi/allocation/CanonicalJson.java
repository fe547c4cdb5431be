package org.civicplatform.spi.allocation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes the canonical JSON text of allocation inputs and results: objects are {@link SortedMap}s
 * (members in code-point order of their names), absent (null) members are left out, no whitespace,
 * strings escaped minimally, decimals in plain notation. The same value always gives the same bytes.
 *
 * <p>Digests are computed while writing, in chunks, so a run of 100 000 applicants never needs its
 * whole text in memory to be hashed; {@link #lazy} lists build each element only when it is written.
 */
final class CanonicalJson {

  private static final int CHUNK = 1 << 15;

  private CanonicalJson() {}

  /** A fresh object whose members are written in name order. */
  static SortedMap<String, Object> object() {
    return new TreeMap<>();
  }

  /** A list whose elements are mapped only when written (keeps large renderings small in memory). */
  static <T> List<Object> lazy(List<T> source, Function<T, Object> form) {
    return new AbstractList<>() {
      @Override
      public Object get(int index) {
        return form.apply(source.get(index));
      }

      @Override
      public int size() {
        return source.size();
      }
    };
  }

  /** Canonical text written verbatim (pieces stored earlier, e.g. one applicant's result). */
  record Raw(String text) {}

  static String write(Object value) {
    Out out = new Out(null);
    write(value, out);
    return out.text.toString();
  }

  /** Lower-case hex SHA-256 of the UTF-8 canonical text of the value. */
  static String sha256Hex(Object value) {
    try {
      Out out = new Out(MessageDigest.getInstance("SHA-256"));
      write(value, out);
      out.flush();
      return HexFormat.of().formatHex(out.digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /** The text being written; when digesting, it is hashed and emptied between values. */
  private static final class Out {
    final StringBuilder text;
    final MessageDigest digest;

    Out(MessageDigest digest) {
      this.digest = digest;
      // one applicant's text is a few hundred characters: a 64 kB buffer for each of them was ≈ 13 GB of
      // garbage per 100 000-applicant run
      this.text = new StringBuilder(digest == null ? 512 : CHUNK * 2);
    }

    void checkpoint() {
      if (digest != null && text.length() >= CHUNK) {
        flush();
      }
    }

    void flush() {
      digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
      text.setLength(0);
    }
  }

  private static void write(Object value, Out out) {
    StringBuilder text = out.text;
    if (value == null) {
      text.append("null");
    } else if (value instanceof SortedMap<?, ?> object) {
      text.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> member : object.entrySet()) {
        if (member.getValue() == null) {
          continue;
        }
        if (!first) {
          text.append(',');
        }
        first = false;
        string((String) member.getKey(), text);
        text.append(':');
        write(member.getValue(), out);
      }
      text.append('}');
    } else if (value instanceof Map<?, ?>) {
      throw new IllegalArgumentException("canonical objects must be sorted maps");
    } else if (value instanceof List<?> list) {
      text.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          text.append(',');
        }
        write(list.get(i), out);
        out.checkpoint();
      }
      text.append(']');
    } else if (value instanceof Raw raw) {
      text.append(raw.text());
    } else if (value instanceof String string) {
      string(string, text);
    } else if (value instanceof BigDecimal decimal) {
      text.append(decimal.toPlainString());
    } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
      text.append(value.toString());
    } else {
      throw new IllegalArgumentException("not a canonical value: " + value.getClass());
    }
  }

  static void string(String value, StringBuilder out) {
    out.append('"');
    int plain = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(value, plain, i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(String.format("\\u%04x", (int) c));
      }
      plain = i + 1;
    }
    out.append(value, plain, value.length());
    out.append('"');
  }

  /**
   * Appends ranking values as the canonical object of their texts, written directly; {@code values} must
   * iterate in name order (an applicant's and a standing's maps are sorted).
   */
  static void values(Map<String, RankingValue> values, StringBuilder out) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, RankingValue> value : values.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(value.getKey(), out);
      out.append(':');
      string(value.getValue().text(), out);
    }
    out.append('}');
  }

  /** A map of ranking values as a canonical object of their texts. */
  static SortedMap<String, Object> values(Map<String, RankingValue> values) {
    SortedMap<String, Object> object = object();
    values.forEach((code, value) -> object.put(code, value.text()));
    return object;
  }
}
