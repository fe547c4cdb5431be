package org.civicplatform.app.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.civicplatform.core.audit.control.AuditChain;
import org.civicplatform.core.audit.control.ChainSealer;
import org.civicplatform.core.audit.control.CheckpointKey;
import org.civicplatform.core.audit.control.SignedCheckpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline audit verifier: INTACT for an export that holds its checkpoints, BROKEN otherwise, exit codes. */
class VerifyAuditTest {

  @TempDir Path dir;
  CheckpointKey key;
  List<ChainSealer.Pending> events = new ArrayList<>();
  List<ChainSealer.Seal> chain;

  @BeforeEach
  void sixEventsAndACheckpointOfTheHead() throws Exception {
    key = CheckpointKey.loadOrCreate(dir.resolve("platform"));
    for (long id = 1; id <= 6; id++) {
      events.add(new ChainSealer.Pending(id, new AuditChain.Content("kunshan", "u" + id, "reviewer", "review.approve",
          "review_task", "t" + id, "r" + id, Instant.parse("2026-12-01T09:00:00.000123Z").plusSeconds(id), null)));
    }
    chain = ChainSealer.seal(ChainSealer.Head.EMPTY, events);
    SignedCheckpoint cp = key.sign(new SignedCheckpoint(key.id(), 6, chain.get(5).hash(), 6, 0, AuditChain.GENESIS,
        Instant.parse("2026-12-01T10:00:00Z"), "interval", null));
    JsonArrayBuilder keys = Json.createArrayBuilder().add(Json.createObjectBuilder().add("keyId", key.id())
        .add("algorithm", "Ed25519").add("publicKey", key.publicKey()));
    Files.writeString(dir.resolve("checkpoints.json"), Json.createObjectBuilder().add("format", "civic-audit-checkpoints/1")
        .add("currentKeyId", key.id()).add("keys", keys).add("checkpoints", Json.createArrayBuilder().add(cp.toJson()))
        .build().toString());
  }

  Path export(List<ChainSealer.Seal> seals) throws Exception {
    StringBuilder text = new StringBuilder(Json.createObjectBuilder().add("format", "civic-audit-export/1")
        .add("purgedThroughPosition", 0).add("purgedHash", AuditChain.GENESIS).build().toString()).append('\n');
    for (ChainSealer.Seal s : seals) {
      AuditChain.Content c = events.get((int) s.eventId() - 1).content();
      JsonObjectBuilder e = Json.createObjectBuilder().add("id", s.eventId()).add("tenantId", c.tenantId())
          .add("actor", c.actor()).add("actorRole", c.actorRole()).add("action", c.action())
          .add("targetType", c.targetType()).add("targetId", c.targetId()).add("requestId", c.requestId())
          .add("occurredAt", c.occurredAt().toString());
      text.append(Json.createObjectBuilder().add("position", s.position()).add("prevHash", s.prevHash())
          .add("hash", s.hash()).add("eventId", s.eventId()).add("event", e).build()).append('\n');
    }
    return Files.writeString(dir.resolve("export-" + seals.size() + ".jsonl"), text, StandardCharsets.UTF_8);
  }

  @Test
  void anExportThatHoldsItsCheckpointIsIntact() throws Exception {
    VerifyAudit.Report r = VerifyAudit.verify(export(chain), dir.resolve("checkpoints.json"),
        Map.of(key.id(), key.publicKey()), null);
    assertTrue(r.intact(), r.message());
    assertTrue(r.message().startsWith("INTACT: 6 rows"), r.message());
  }

  @Test
  void anExportWithoutItsNewestRowsIsBrokenAtTheCheckpoint() throws Exception {
    VerifyAudit.Report r = VerifyAudit.verify(export(chain.subList(0, 4)), dir.resolve("checkpoints.json"),
        Map.of(key.id(), key.publicKey()), null);
    assertFalse(r.intact());
    assertTrue(r.message().startsWith("BROKEN: first broken checkpoint: position 6"), r.message());
  }

  @Test
  void checkpointsSignedByAnotherKeyThanTheTrustedOneAreBroken() throws Exception {
    CheckpointKey other = CheckpointKey.loadOrCreate(dir.resolve("other"));
    VerifyAudit.Report r = VerifyAudit.verify(export(chain), dir.resolve("checkpoints.json"),
        Map.of(other.id(), other.publicKey()), null);
    assertFalse(r.intact(), r.message());
  }

  int run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), VerifyAudit.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out-" + System.nanoTime()).toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return p.exitValue();
  }

  @Test
  void theCommandExitsZeroWhenIntactOneWhenBrokenTwoWhenUnreadable() throws Exception {
    Path pub = Files.writeString(dir.resolve("published.public"), key.publicKey());
    assertEquals(0, run(export(chain).toString(), dir.resolve("checkpoints.json").toString(), "--key", pub.toString()));
    assertEquals(1, run(export(chain.subList(0, 5)).toString(), dir.resolve("checkpoints.json").toString()));
    assertEquals(2, run(dir.resolve("missing.jsonl").toString(), dir.resolve("checkpoints.json").toString()));
  }
}
