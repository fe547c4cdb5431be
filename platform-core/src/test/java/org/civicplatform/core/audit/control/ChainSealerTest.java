package org.civicplatform.core.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sealer's order: one batch in ascending id after the head; a late committer at a later position. */
class ChainSealerTest {

  static ChainSealer.Pending event(long id) {
    return new ChainSealer.Pending(id, new AuditChain.Content("kunshan", "user-" + id, "reviewer", "application.read",
        "application", "app-" + id, "req", Instant.parse("2026-12-07T10:00:00.123456Z").plusSeconds(id), null));
  }

  @Test
  void aBatchIsSealedInAscendingEventIdRightAfterTheHead() {
    List<ChainSealer.Seal> seals = ChainSealer.seal(new ChainSealer.Head(41, "ab".repeat(32)),
        List.of(event(9), event(7), event(8)));
    assertEquals(List.of(7L, 8L, 9L), seals.stream().map(ChainSealer.Seal::eventId).toList());
    assertEquals(List.of(42L, 43L, 44L), seals.stream().map(ChainSealer.Seal::position).toList());
  }

  @Test
  void eachLinkStartsFromThePreviousLinksHash() {
    List<ChainSealer.Seal> seals = ChainSealer.seal(ChainSealer.Head.EMPTY, List.of(event(1), event(2)));
    assertEquals(AuditChain.GENESIS, seals.get(0).prevHash());
    assertEquals(AuditChain.hash(AuditChain.GENESIS, event(1).content()), seals.get(0).hash());
    assertEquals(seals.get(0).hash(), seals.get(1).prevHash());
    assertEquals(AuditChain.hash(seals.get(0).hash(), event(2).content()), seals.get(1).hash());
  }

  @Test
  void anEventCommittedAfterLargerIdsWereSealedGetsTheNextPositionNotItsIdsPlace() {
    // ids 5 and 7 committed first; 6 (an earlier insert of a longer transaction) commits afterwards
    List<ChainSealer.Seal> first = ChainSealer.seal(ChainSealer.Head.EMPTY, List.of(event(5), event(7)));
    ChainSealer.Seal head = first.get(1);
    List<ChainSealer.Seal> late = ChainSealer.seal(new ChainSealer.Head(head.position(), head.hash()), List.of(event(6)));
    assertEquals(3, late.get(0).position());
    assertEquals(6, late.get(0).eventId());
    assertEquals(head.hash(), late.get(0).prevHash());
  }

  @Test
  void theSameEventsSealTheSameChainWhateverOrderTheyWereRead() {
    assertEquals(ChainSealer.seal(ChainSealer.Head.EMPTY, List.of(event(3), event(1), event(2))),
        ChainSealer.seal(ChainSealer.Head.EMPTY, List.of(event(2), event(3), event(1))));
  }
}
