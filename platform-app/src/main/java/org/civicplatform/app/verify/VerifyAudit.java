package org.civicplatform.app.verify;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicplatform.core.audit.control.AuditChain;
import org.civicplatform.core.audit.control.ChainCheck;
import org.civicplatform.core.audit.control.CheckpointKey;
import org.civicplatform.core.audit.control.SignedCheckpoint;

/**
 * Checks an export of the audit chain against its signed checkpoints, without the platform:
 *
 * <pre>
 * java -cp platform-app/target/classes:$(cat platform-app/target/launcher.classpath) \
 *     org.civicplatform.app.verify.VerifyAudit audit-export.jsonl audit-checkpoints.json [--key PUBLIC_KEY]…
 * </pre>
 *
 * The export is {@code GET /api/audit/export}, the checkpoints {@code GET /api/audit/checkpoints} or the files
 * of the data folder's {@code audit/checkpoints} (a folder may be given instead of the JSON). With
 * {@code --key} (Base64 X.509 Ed25519, or a file holding it, e.g. {@code data/audit/keys/<id>.public}) only
 * those keys are trusted; otherwise the keys listed in the checkpoints file are, and their ids are printed to
 * compare with the ones published. Exit 0 and {@code INTACT: …}; 1 and {@code BROKEN: …} with the first broken
 * row (event id, position) or checkpoint; 2 when the files cannot be read.
 */
public final class VerifyAudit {

  /** The verdict and the line printed for it. */
  public record Report(boolean intact, String message, ChainCheck.Verdict verdict) {}

  private static final JsonProvider JSON = JsonProvider.provider();

  private VerifyAudit() {}

  public static void main(String[] args) {
    List<String> files = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if ("--key".equals(args[i]) && i + 1 < args.length) {
        keys.add(args[++i]);
      } else {
        files.add(args[i]);
      }
    }
    if (files.size() != 2) {
      System.err.println("usage: VerifyAudit AUDIT-EXPORT.jsonl CHECKPOINTS.json|CHECKPOINT-FOLDER [--key PUBLIC_KEY]…");
      System.exit(2);
    }
    Report report;
    try {
      Map<String, String> trusted = new LinkedHashMap<>();
      for (String k : keys) {
        String text = Files.isRegularFile(Path.of(k)) ? Files.readString(Path.of(k)).strip() : k.strip();
        trusted.put(CheckpointKey.idOf(text), text);
      }
      report = verify(Path.of(files.get(0)), Path.of(files.get(1)), keys.isEmpty() ? null : trusted, System.out);
    } catch (IOException | RuntimeException e) {
      System.err.println("UNREADABLE: " + e.getMessage());
      System.exit(2);
      return;
    }
    PrintStream out = report.intact() ? System.out : System.err;
    out.println(report.message());
    System.exit(report.intact() ? 0 : 1);
  }

  private static JsonObject parse(String text) {
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  /** Checks {@code export} against {@code checkpoints} (JSON download or folder); {@code trusted} null = the file's keys. */
  public static Report verify(Path export, Path checkpoints, Map<String, String> trusted, PrintStream notes)
      throws IOException {
    List<SignedCheckpoint> signed = new ArrayList<>();
    Map<String, String> listed = new LinkedHashMap<>();
    if (Files.isDirectory(checkpoints)) {
      try (var all = Files.list(checkpoints)) {
        for (Path f : all.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          signed.add(SignedCheckpoint.parse(Files.readString(f, StandardCharsets.UTF_8)));
        }
      }
    } else {
      JsonObject download = parse(Files.readString(checkpoints, StandardCharsets.UTF_8));
      for (JsonObject k : download.getJsonArray("keys").getValuesAs(JsonObject.class)) {
        listed.put(k.getString("keyId"), k.getString("publicKey"));
      }
      for (JsonObject cp : download.getJsonArray("checkpoints").getValuesAs(JsonObject.class)) {
        signed.add(SignedCheckpoint.fromJson(cp));
      }
    }
    Map<String, String> keys = trusted != null ? trusted : listed;
    if (trusted == null && notes != null) {
      keys.forEach((id, pub) -> notes.println("note: trusting key " + id + " as listed in " + checkpoints
          + " (give --key to trust only the published one)"));
    }
    try (BufferedReader in = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      if (first == null) {
        throw new IllegalArgumentException(export + " is empty");
      }
      JsonObject header = parse(first);
      if (!"civic-audit-export/1".equals(header.getString("format", null))) {
        throw new IllegalArgumentException(export + " is not a civic-audit-export/1");
      }
      Long purgedId = header.containsKey("purgedThroughId") ? header.getJsonNumber("purgedThroughId").longValue() : null;
      ChainCheck check = new ChainCheck(header.getJsonNumber("purgedThroughPosition").longValue(), purgedId,
          header.getString("purgedHash"), signed, keys);
      boolean going = true;
      List<Long> unsealed = new ArrayList<>();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonObject row = parse(line);
        JsonObject event = row.getJsonObject("event");
        if (!row.containsKey("position")) {
          unsealed.add(event.getJsonNumber("id").longValue());
          continue;
        }
        if (going) {
          going = check.accept(row.getJsonNumber("position").longValue(), row.getJsonNumber("eventId").longValue(),
              row.getString("prevHash"), row.getString("hash"), event == null ? null : content(event));
        }
      }
      if (!unsealed.isEmpty() && notes != null) {
        notes.println("note: " + unsealed.size() + " events were not sealed yet when exported (first id "
            + unsealed.get(0) + "); the chain does not cover them");
      }
      ChainCheck.Verdict v = check.finish();
      String message;
      if (v.intact()) {
        message = "INTACT: " + v.rows() + " rows, positions " + (header.getJsonNumber("purgedThroughPosition").longValue() + 1)
            + "…" + v.headPosition() + ", head hash " + v.headHash() + ", " + v.checkpointsChecked() + " signed checkpoints hold";
      } else {
        StringBuilder m = new StringBuilder("BROKEN:");
        if (v.firstBrokenId() != null) {
          m.append(" first broken row ").append(v.firstBrokenId());
          if (v.firstBrokenPosition() != null) {
            m.append(" at position ").append(v.firstBrokenPosition());
          }
          m.append(';');
        }
        if (v.brokenCheckpoint() != null) {
          m.append(" first broken checkpoint: position ").append(v.brokenCheckpoint().position()).append(" signed ")
              .append(v.brokenCheckpoint().signedAt()).append(" (key ").append(v.brokenCheckpoint().keyId()).append(");");
        }
        m.append(' ').append(v.problem());
        message = m.toString();
      }
      return new Report(v.intact(), message, v);
    }
  }

  static AuditChain.Content content(JsonObject e) {
    return new AuditChain.Content(e.getString("tenantId", null), e.getString("actor", null),
        e.getString("actorRole", null), e.getString("action", null), e.getString("targetType", null),
        e.getString("targetId", null), e.getString("requestId", null), Instant.parse(e.getString("occurredAt")),
        e.getString("digest", null));
  }
}
