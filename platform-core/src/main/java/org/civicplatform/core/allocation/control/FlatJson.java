package org.civicplatform.core.allocation.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;

/**
 * Reads the commonest parts of an allocation's rows without a JSON parser: a scalar (string without
 * escapes, number, {@code true}, {@code false}, {@code null}) or an array of such scalars, as PostgreSQL
 * writes them. Setting up a parser cost more than reading these few characters, and a run reads several
 * per application. Anything else (objects, nested arrays, escapes, malformed text) is not read here: the
 * methods return null and the caller parses the text with {@link Jsons}. Tested to give what the parser
 * gives.
 */
final class FlatJson {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private FlatJson() {}

  /** The scalar the whole text is, or null when it is not one read here. */
  static JsonValue scalar(String text) {
    int from = skip(text, 0);
    int to = back(text, text.length());
    if (from >= to) {
      return null;
    }
    return scalar(text, from, to);
  }

  /** The array of scalars the whole text is, or null when it is not one read here. */
  static JsonArray array(String text) {
    int i = skip(text, 0);
    int end = back(text, text.length());
    if (i >= end || text.charAt(i) != '[' || text.charAt(end - 1) != ']') {
      return null;
    }
    JsonArrayBuilder out = PROVIDER.createArrayBuilder();
    i = skip(text, i + 1);
    int close = end - 1;
    if (i == close) {
      return out.build();
    }
    while (true) {
      int to = valueEnd(text, i, close);
      if (to < 0) {
        return null;
      }
      JsonValue value = scalar(text, i, back(text, to));
      if (value == null) {
        return null;
      }
      out.add(value);
      i = skip(text, to);
      if (i == close) {
        return out.build();
      }
      if (text.charAt(i) != ',') {
        return null;
      }
      i = skip(text, i + 1);
      if (i >= close) {
        return null; // a trailing comma
      }
    }
  }

  /** Where the value starting at {@code from} ends: after a string's closing quote, or at , or ]. */
  private static int valueEnd(String text, int from, int close) {
    if (text.charAt(from) == '"') {
      int quote = text.indexOf('"', from + 1);
      return quote < 0 || quote >= close ? -1 : quote + 1;
    }
    int i = from;
    while (i < close && text.charAt(i) != ',') {
      i++;
    }
    return i;
  }

  /** The scalar in {@code text[from, to)} (no surrounding whitespace), or null. */
  private static JsonValue scalar(String text, int from, int to) {
    char first = text.charAt(from);
    if (first == '"') {
      if (to - from < 2 || text.charAt(to - 1) != '"') {
        return null;
      }
      for (int i = from + 1; i < to - 1; i++) {
        char c = text.charAt(i);
        if (c == '"' || c == '\\' || c < 0x20) {
          return null;
        }
      }
      return PROVIDER.createValue(text.substring(from + 1, to - 1));
    }
    if (first == '-' || (first >= '0' && first <= '9')) {
      return number(text, from, to);
    }
    if (text.startsWith("true", from) && to - from == 4) {
      return JsonValue.TRUE;
    }
    if (text.startsWith("false", from) && to - from == 5) {
      return JsonValue.FALSE;
    }
    if (text.startsWith("null", from) && to - from == 4) {
      return JsonValue.NULL;
    }
    return null;
  }

  /** A number in JSON's grammar (-?int frac? exp?), or null. */
  private static JsonValue number(String text, int from, int to) {
    int i = from;
    if (text.charAt(i) == '-') {
      i++;
    }
    int digits = i;
    while (i < to && isDigit(text.charAt(i))) {
      i++;
    }
    if (i == digits || (text.charAt(digits) == '0' && i - digits > 1)) {
      return null; // no digits, or a leading zero
    }
    if (i < to && text.charAt(i) == '.') {
      int fraction = ++i;
      while (i < to && isDigit(text.charAt(i))) {
        i++;
      }
      if (i == fraction) {
        return null;
      }
    }
    if (i < to && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < to && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int exponent = i;
      while (i < to && isDigit(text.charAt(i))) {
        i++;
      }
      if (i == exponent) {
        return null;
      }
    }
    if (i != to) {
      return null;
    }
    return PROVIDER.createValue(new BigDecimal(text.substring(from, to)));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static int skip(String text, int i) {
    while (i < text.length() && isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int back(String text, int end) {
    while (end > 0 && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }
}
