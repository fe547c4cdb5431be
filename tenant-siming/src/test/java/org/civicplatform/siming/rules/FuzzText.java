package org.civicplatform.siming.rules;

import java.nio.charset.StandardCharsets;

/**
 * Turns a fuzzer's bytes into the text a client could send. Plain files of the seed corpus read as
 * UTF-8 (malformed bytes become U+FFFD); a first byte {@code 0xFF} switches to UTF-16BE for the rest,
 * which reaches every Java string, lone surrogates included.
 */
final class FuzzText {

  private FuzzText() {}

  static String of(byte[] data) {
    if (data.length > 0 && (data[0] & 0xFF) == 0xFF) {
      char[] chars = new char[(data.length - 1) / 2];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = (char) (((data[1 + 2 * i] & 0xFF) << 8) | (data[2 + 2 * i] & 0xFF));
      }
      return new String(chars);
    }
    return new String(data, StandardCharsets.UTF_8);
  }
}
