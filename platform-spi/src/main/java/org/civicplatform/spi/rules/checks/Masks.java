package org.civicplatform.spi.rules.checks;

/**
 * Masking by characters (code points), not UTF-16 units: a mask never cuts a character outside the
 * Basic Multilingual Plane in half (a lone surrogate is written as {@code ?} in UTF-8).
 */
final class Masks {

  private Masks() {}

  /**
   * The first {@code head} and last {@code tail} characters kept, every other one replaced by {@code
   * *}; a text of {@code head + tail} characters or fewer is masked entirely.
   */
  static String keep(String text, int head, int tail) {
    int length = text.codePointCount(0, text.length());
    if (length <= head + tail) {
      return "*".repeat(length);
    }
    int headEnd = text.offsetByCodePoints(0, head);
    int tailStart = text.offsetByCodePoints(text.length(), -tail);
    return text.substring(0, headEnd) + "*".repeat(length - head - tail) + text.substring(tailStart);
  }
}
