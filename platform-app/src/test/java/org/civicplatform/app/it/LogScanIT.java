package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * After every other integration test of the build (its own failsafe execution in platform-app/pom.xml):
 * no log the platform wrote holds personal data. Scanned: each test JVM's console copy (the Payara Micro
 * output Arquillian forwards, {@code target/it-runtime/run-<pid>/console.log}) and the Keycloak log of
 * that run ({@code keycloak.log}), every one written since this build started, and any folder named in
 * {@code civic.logscan.extra} (e.g. a run command's {@code DATA_DIR/logs}). No Arquillian deployment: it
 * only reads files.
 */
class LogScanIT {

  static Instant buildStarted() {
    String started = System.getProperty("civic.build.started", "");
    return started.isBlank() ? Instant.EPOCH : OffsetDateTime.parse(started).toInstant().minusSeconds(5);
  }

  static List<Path> logs() throws IOException {
    List<Path> logs = new ArrayList<>();
    Path runtime = Path.of(System.getProperty("civic.test.workdir", "target/it-runtime"));
    Instant since = buildStarted();
    if (Files.isDirectory(runtime)) {
      try (Stream<Path> runs = Files.list(runtime)) {
        for (Path run : runs.filter(p -> p.getFileName().toString().startsWith("run-")).sorted().toList()) {
          // TwoNodesIT's second node and its balancer write their own logs
          for (String name : List.of("console.log", "keycloak.log", "two-nodes/logs/payara-b.log",
              "two-nodes/logs/nginx-access.log", "two-nodes/logs/nginx-error.log")) {
            Path log = run.resolve(name);
            if (Files.isRegularFile(log) && Files.getLastModifiedTime(log).toInstant().isAfter(since)) {
              logs.add(log);
            }
          }
        }
      }
    }
    for (String extra : System.getProperty("civic.logscan.extra", "").split(",")) {
      if (!extra.isBlank()) {
        try (Stream<Path> files = Files.walk(Path.of(extra.trim()))) {
          files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().contains(".log"))
              .sorted().forEach(logs::add);
        }
      }
    }
    return logs;
  }

  @Test
  void noLogOfTheRunHoldsIdNumbersMobileNumbersTokensOrSmsCodes() throws Exception {
    List<Path> logs = logs();
    assertFalse(logs.stream().noneMatch(p -> p.getFileName().toString().equals("console.log")),
        "no platform log of this build found under target/it-runtime: " + logs);
    List<LogScanner.Hit> hits = LogScanner.scan(logs);
    long lines = 0;
    for (Path log : logs) {
      try (Stream<String> all = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
        lines += all.count();
      }
    }
    System.out.println("LogScanIT: scanned " + logs.size() + " logs, " + lines + " lines: " + logs);
    assertEquals(List.of(), hits.stream().limit(40).map(LogScanner.Hit::toString).toList(),
        hits.size() + " hits in " + logs);
  }
}
