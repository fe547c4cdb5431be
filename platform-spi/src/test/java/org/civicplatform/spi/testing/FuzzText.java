package org.civicplatform.spi.testing;

import java.nio.charset.StandardCharsets;

/**
 * Turns a fuzzer's bytes into the text a client could send. Plain files of the seed corpus read as
 * UTF-8 (malformed bytes become U+FFFD); a first byte {@code 0xFF} switches to UTF-16BE for the rest,
 * which reaches every Java string, lone surrogates included. Shared by every module's fuzzers through
 * platform-spi's test-jar.
 */
public final class FuzzText {

  private FuzzText() {}

  public static String of(byte[] data) {
    if (data.length > 0 && (data[0] & 0xFF) == 0xFF) {
      char[] chars = new char[(data.length - 1) / 2];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = (char) (((data[1 + 2 * i] & 0xFF) << 8) | (data[2 + 2 * i] & 0xFF));
      }
      return new String(chars);
    }
    return new String(data, StandardCharsets.UTF_8);
  }

  /** Whether the text has no unpaired surrogate (it encodes to UTF-8 without loss). */
  public static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
