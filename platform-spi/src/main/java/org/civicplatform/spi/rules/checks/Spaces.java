package org.civicplatform.spi.rules.checks;

/**
 * Removes spaces inside names and numbers. Seed 000 §3.3.1: "所有姓名、证件号等中间不能有空格" (王 明 → 王明, 1146 0120
 * … → 114601200…); the platform removes them instead of refusing the answer.
 *
 * <p>Removed: every Unicode white space and space separator, among them the ideographic space
 * (全角空格, U+3000) and the no-break spaces, and the invisible zero-width characters that copying from
 * office documents leaves behind (U+200B–U+200D, U+2060, U+FEFF).
 */
public final class Spaces {

  private Spaces() {}

  /** The text without any space; {@code null} stays {@code null}. */
  public static String strip(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints().filter(c -> !isSpace(c)).forEach(kept::appendCodePoint);
    return kept.toString();
  }

  /** Whether the text holds any character {@link #strip} would remove. */
  public static boolean containsAny(String text) {
    return text != null && text.codePoints().anyMatch(Spaces::isSpace);
  }

  /** Whether one code point is a space in the sense of this class. */
  public static boolean isSpace(int codePoint) {
    return Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || (codePoint >= 0x200B && codePoint <= 0x200D)
        || codePoint == 0x2060
        || codePoint == 0xFEFF;
  }
}
