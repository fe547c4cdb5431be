package org.civicplatform.core.documents.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds byte patterns anywhere in a file in one streamed pass (64 KiB at a time, patterns spanning
 * two reads are found too). Patterns marked case-insensitive match ASCII letters in any case.
 */
final class ByteSearch {

  private static final int BUFFER = 64 * 1024;

  /** A pattern to look for. */
  record Needle(String name, byte[] bytes, boolean ignoreCase) {
    static Needle ascii(String name, String text, boolean ignoreCase) {
      return new Needle(name, text.getBytes(StandardCharsets.ISO_8859_1), ignoreCase);
    }
  }

  private ByteSearch() {}

  /** The names of the needles found in the file, in the order given. */
  static List<String> find(Path file, List<Needle> needles) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return find(in, needles);
    }
  }

  /** The names of the needles found in what {@code in} yields (read to its end, not closed). */
  static List<String> find(InputStream in, List<Needle> needles) throws IOException {
    int longest = needles.stream().mapToInt(n -> n.bytes().length).max().orElse(1);
    boolean[] found = new boolean[needles.size()];
    byte[] window = new byte[BUFFER + longest];
    int carried = 0;
    {
      int read;
      while ((read = in.readNBytes(window, carried, BUFFER)) > 0) {
        int length = carried + read;
        for (int i = 0; i < needles.size(); i++) {
          if (!found[i] && indexOf(window, length, needles.get(i)) >= 0) {
            found[i] = true;
          }
        }
        carried = Math.min(longest - 1, length);
        System.arraycopy(window, length - carried, window, 0, carried);
        if (read < BUFFER) {
          break;
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < needles.size(); i++) {
      if (found[i]) {
        names.add(needles.get(i).name());
      }
    }
    return names;
  }

  static int indexOf(byte[] data, int length, Needle needle) {
    byte[] p = needle.bytes();
    byte first = p[0];
    outer:
    for (int i = 0; i <= length - p.length; i++) {
      if (!same(data[i], first, needle.ignoreCase())) {
        continue;
      }
      for (int j = 1; j < p.length; j++) {
        if (!same(data[i + j], p[j], needle.ignoreCase())) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static boolean same(byte a, byte b, boolean ignoreCase) {
    if (a == b) {
      return true;
    }
    return ignoreCase && a >= 'A' && a <= 'Z' ? (byte) (a + 32) == b : false;
  }
}
