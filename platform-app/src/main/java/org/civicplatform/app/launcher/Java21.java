package org.civicplatform.app.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds a JDK 21 or newer for Keycloak 26 (the platform itself runs on 17). */
final class Java21 {

  private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

  private Java21() {}

  /** KEYCLOAK_JAVA_HOME, then this JVM, then the JDKs under /usr/lib/jvm and /opt, newest first. */
  static Optional<Path> find() {
    String configured = System.getenv("KEYCLOAK_JAVA_HOME");
    if (configured != null && !configured.isBlank()) {
      Path home = Path.of(configured);
      return major(home).filter(v -> v >= 21).map(v -> home);
    }
    if (Runtime.version().feature() >= 21) {
      return Optional.of(Path.of(System.getProperty("java.home")));
    }
    for (String root : List.of("/usr/lib/jvm", "/opt", "/usr/local")) {
      Path dir = Path.of(root);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> homes = Files.list(dir)) {
        Optional<Path> best =
            homes.filter(h -> Files.isExecutable(h.resolve("bin/java")))
                .filter(h -> major(h).orElse(0) >= 21)
                .max(Comparator.comparingInt(h -> major(h).orElse(0)));
        if (best.isPresent()) {
          return best;
        }
      } catch (IOException e) {
        // look further
      }
    }
    return Optional.empty();
  }

  static Optional<Integer> major(Path home) {
    try {
      Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
      return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
