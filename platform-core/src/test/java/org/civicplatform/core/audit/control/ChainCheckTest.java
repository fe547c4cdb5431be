package org.civicplatform.core.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain check against signed checkpoints: a changed row, a deleted tail, an emptied chain and a chain
 * rewritten with its hashes recomputed are each reported; an intact chain is not.
 */
class ChainCheckTest {

  @TempDir Path dir;
  CheckpointKey key;
  Map<String, String> keys;
  List<ChainSealer.Pending> events;
  List<ChainSealer.Seal> chain;

  @BeforeEach
  void tenSealedEvents() throws Exception {
    key = CheckpointKey.loadOrCreate(dir);
    keys = Map.of(key.id(), key.publicKey());
    events = new ArrayList<>();
    for (long id = 1; id <= 10; id++) {
      events.add(ChainSealerTest.event(id));
    }
    chain = ChainSealer.seal(ChainSealer.Head.EMPTY, events);
  }

  SignedCheckpoint checkpointAt(int position) {
    return key.sign(new SignedCheckpoint(key.id(), position, chain.get(position - 1).hash(), position, 0,
        AuditChain.GENESIS, Instant.parse("2026-12-07T12:00:00Z").plusSeconds(position), "interval", null));
  }

  static ChainCheck.Verdict check(List<ChainSealer.Seal> seals, List<ChainSealer.Pending> content,
      List<SignedCheckpoint> checkpoints, Map<String, String> keys) {
    ChainCheck check = new ChainCheck(0, null, AuditChain.GENESIS, checkpoints, keys);
    for (ChainSealer.Seal s : seals) {
      AuditChain.Content c = content.stream().filter(p -> p.eventId() == s.eventId()).map(ChainSealer.Pending::content)
          .findFirst().orElse(null);
      if (!check.accept(s.position(), s.eventId(), s.prevHash(), s.hash(), c)) {
        break;
      }
    }
    return check.finish();
  }

  @Test
  void anIntactChainHoldsItsCheckpoints() {
    ChainCheck.Verdict v = check(chain, events, List.of(checkpointAt(4), checkpointAt(10)), keys);
    assertTrue(v.intact(), v.toString());
    assertEquals(10, v.rows());
    assertEquals(2, v.checkpointsChecked());
    assertEquals(chain.get(9).hash(), v.headHash());
  }

  @Test
  void aChangedRowIsReportedWithItsIdAndPosition() {
    List<ChainSealer.Pending> changed = new ArrayList<>(events);
    AuditChain.Content c = changed.get(5).content();
    changed.set(5, new ChainSealer.Pending(6, new AuditChain.Content(c.tenantId(), "someone-else", c.actorRole(),
        c.action(), c.targetType(), c.targetId(), c.requestId(), c.occurredAt(), c.digest())));
    ChainCheck.Verdict v = check(chain, changed, List.of(checkpointAt(10)), keys);
    assertFalse(v.intact());
    assertEquals(6L, v.firstBrokenId());
    assertEquals(6L, v.firstBrokenPosition());
  }

  @Test
  void deletingTheNewestRowsIsReportedWithTheCheckpointItBreaks() {
    ChainCheck.Verdict v = check(chain.subList(0, 8), events, List.of(checkpointAt(4), checkpointAt(10)), keys);
    assertFalse(v.intact());
    assertNull(v.firstBrokenId(), "no row left is at fault");
    assertEquals(10, v.brokenCheckpoint().position());
    assertTrue(v.problem().contains("ends at position 8"), v.problem());
  }

  @Test
  void anEmptiedChainIsReportedWithItsFirstCheckpoint() {
    ChainCheck.Verdict v = check(List.of(), List.of(), List.of(checkpointAt(4), checkpointAt(10)), keys);
    assertFalse(v.intact());
    assertEquals(4, v.brokenCheckpoint().position());
    assertEquals(0, v.rows());
  }

  @Test
  void aRowRewrittenWithEveryHashAfterItRecomputedIsReportedWithTheCheckpointItBreaks() {
    List<ChainSealer.Pending> changed = new ArrayList<>(events);
    AuditChain.Content c = changed.get(2).content();
    changed.set(2, new ChainSealer.Pending(3, new AuditChain.Content(c.tenantId(), c.actor(), c.actorRole(),
        "application.approve", c.targetType(), c.targetId(), c.requestId(), c.occurredAt(), c.digest())));
    List<ChainSealer.Seal> recomputed = ChainSealer.seal(ChainSealer.Head.EMPTY, changed);
    ChainCheck.Verdict v = check(recomputed, changed, List.of(checkpointAt(2), checkpointAt(7), checkpointAt(10)), keys);
    assertFalse(v.intact());
    assertNull(v.firstBrokenId(), "the rewritten chain is consistent in itself");
    assertEquals(7, v.brokenCheckpoint().position(), "the first checkpoint after the rewritten row");
  }

  @Test
  void aCheckpointWithAChangedFieldNoLongerVerifies() {
    SignedCheckpoint real = checkpointAt(10);
    SignedCheckpoint moved = new SignedCheckpoint(real.keyId(), 8, chain.get(7).hash(), 8, 0, AuditChain.GENESIS,
        real.signedAt(), real.reason(), real.signature());
    ChainCheck.Verdict v = check(chain.subList(0, 8), events, List.of(moved), keys);
    assertFalse(v.intact());
    assertTrue(v.brokenCheckpoint().problem().contains("signature does not verify"), v.brokenCheckpoint().problem());
  }

  @Test
  void aCheckpointSignedWithAKeyThePlatformDoesNotHoldIsReported(@TempDir Path other) throws Exception {
    CheckpointKey stranger = CheckpointKey.loadOrCreate(other);
    SignedCheckpoint forged = stranger.sign(new SignedCheckpoint(stranger.id(), 8, chain.get(7).hash(), 8, 0,
        AuditChain.GENESIS, Instant.now(), "interval", null));
    ChainCheck.Verdict v = check(chain.subList(0, 8), events, List.of(forged), keys);
    assertFalse(v.intact());
    assertNotNull(v.brokenCheckpoint());
  }

  @Test
  void aMissingPositionInsideTheChainIsReportedAtTheRowAfterIt() {
    List<ChainSealer.Seal> gap = new ArrayList<>(chain);
    gap.remove(4);
    ChainCheck.Verdict v = check(gap, events, List.of(), keys);
    assertFalse(v.intact());
    assertEquals(6L, v.firstBrokenId());
  }

  @Test
  void anEventNoLinkCoversIsReported() {
    ChainCheck check = new ChainCheck(0, null, AuditChain.GENESIS, List.of(), keys);
    check.unsealed(99);
    ChainCheck.Verdict v = check.finish();
    assertFalse(v.intact());
    assertEquals(99L, v.firstBrokenId());
  }

  @Test
  void aRetentionPrefixTheNewestCheckpointDidNotSignIsReported() {
    // the newest checkpoint says nothing was purged; the database claims positions 1…4 were
    ChainCheck check = new ChainCheck(4, 4L, chain.get(3).hash(), List.of(checkpointAt(10)), keys);
    for (ChainSealer.Seal s : chain.subList(4, 10)) {
      check.accept(s.position(), s.eventId(), s.prevHash(), s.hash(), events.get((int) s.eventId() - 1).content());
    }
    ChainCheck.Verdict v = check.finish();
    assertFalse(v.intact());
    assertTrue(v.brokenCheckpoint().problem().contains("without a signed checkpoint"), v.brokenCheckpoint().problem());
  }

  @Test
  void aChainWhosePrefixWasPurgedVerifiesFromTheRetentionCheckpointsHash() {
    ChainCheck check = new ChainCheck(3, null, chain.get(2).hash(), List.of(), keys);
    for (ChainSealer.Seal s : chain.subList(3, 10)) {
      assertTrue(check.accept(s.position(), s.eventId(), s.prevHash(), s.hash(), events.get((int) s.eventId() - 1).content()));
    }
    assertTrue(check.finish().intact());
  }

  @Test
  void aRetentionCheckpointFromAnotherChainDoesNotFit() {
    ChainCheck check = new ChainCheck(3, null, "f".repeat(64), List.of(), keys);
    ChainSealer.Seal s = chain.get(3);
    assertFalse(check.accept(s.position(), s.eventId(), s.prevHash(), s.hash(), events.get(3).content()));
    assertTrue(check.finish().problem().startsWith("previous-hash mismatch"));
  }
}
