package org.civicplatform.app.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The checksums of a backup folder: {@value #FILE} lists the SHA-256 of every other file in it, in the
 * format of {@code sha256sum} (so {@code sha256sum -c SHA256SUMS} checks a copy by hand too). A restore reads
 * nothing of a backup whose files do not match the list exactly: a changed, missing or added file refuses it.
 */
final class BackupManifest {

  static final String FILE = "SHA256SUMS";

  private BackupManifest() {}

  /** Writes the checksums of every file under {@code folder}; returns the number of files. */
  static int write(Path folder) throws IOException {
    Map<String, String> sums = new TreeMap<>();
    for (Path file : files(folder)) {
      sums.put(relative(folder, file), sha256(file));
    }
    StringBuilder text = new StringBuilder();
    sums.forEach((path, sum) -> text.append(sum).append("  ").append(path).append('\n'));
    Files.writeString(folder.resolve(FILE), text, StandardCharsets.UTF_8);
    return sums.size();
  }

  /**
   * Checks {@code folder} against its list: the problems found (none = the backup is intact), each naming a
   * file.
   */
  static List<String> check(Path folder) throws IOException {
    List<String> problems = new ArrayList<>();
    Path list = folder.resolve(FILE);
    if (!Files.isRegularFile(list)) {
      problems.add(FILE + " is missing: not a backup of this platform, or an incomplete one");
      return problems;
    }
    Map<String, String> expected = new LinkedHashMap<>();
    for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      int gap = line.indexOf("  ");
      if (gap != 64) {
        problems.add(FILE + ": unreadable line \"" + line + "\"");
        return problems;
      }
      expected.put(line.substring(66), line.substring(0, 64));
    }
    Map<String, Path> present = new TreeMap<>();
    for (Path file : files(folder)) {
      present.put(relative(folder, file), file);
    }
    for (Map.Entry<String, String> e : expected.entrySet()) {
      Path file = present.remove(e.getKey());
      if (file == null) {
        problems.add(e.getKey() + ": missing");
      } else if (!sha256(file).equals(e.getValue())) {
        problems.add(e.getKey() + ": checksum does not match (changed or damaged)");
      }
    }
    for (String extra : present.keySet()) {
      problems.add(extra + ": not in " + FILE + " (added after the backup)");
    }
    return problems;
  }

  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.equals(folder.resolve(FILE)))
          .sorted()
          .toList();
    }
  }

  private static String relative(Path folder, Path file) {
    return folder.relativize(file).toString().replace('\\', '/');
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[256 * 1024];
      int read;
      while ((read = in.read(buffer)) > 0) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
