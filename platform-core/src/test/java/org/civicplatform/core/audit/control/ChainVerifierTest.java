package org.civicplatform.core.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicplatform.core.audit.entity.AuditEvent;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

  static List<AuditEvent> chain(String start, int rows) {
    List<AuditEvent> events = new ArrayList<>();
    String previous = start;
    for (int i = 0; i < rows; i++) {
      AuditEvent e = new AuditEvent("kunshan", "user-" + i, "reviewer", "application.read", "application", "app-" + i,
          "req-" + i, Instant.parse("2026-05-01T08:00:00Z").plusSeconds(i), null);
      e.chain(previous, AuditChain.hash(previous, e));
      previous = e.hash();
      events.add(e);
    }
    return events;
  }

  static boolean acceptsAll(ChainVerifier verifier, List<AuditEvent> events) {
    return events.stream().allMatch(verifier::accept);
  }

  @Test
  void anIntactChainFromTheGenesisIsAccepted() {
    ChainVerifier verifier = new ChainVerifier(AuditChain.GENESIS);
    assertTrue(acceptsAll(verifier, chain(AuditChain.GENESIS, 5)));
    assertEquals(5, verifier.rows());
  }

  @Test
  void aChainWhosePrefixWasPurgedVerifiesFromTheCheckpointHash() {
    List<AuditEvent> all = chain(AuditChain.GENESIS, 6);
    String checkpoint = all.get(2).hash();
    assertTrue(acceptsAll(new ChainVerifier(checkpoint), all.subList(3, 6)));
  }

  @Test
  void aRowDeletedRightAfterTheCheckpointIsDetected() {
    List<AuditEvent> all = chain(AuditChain.GENESIS, 6);
    ChainVerifier verifier = new ChainVerifier(all.get(2).hash());
    assertFalse(acceptsAll(verifier, all.subList(4, 6)));
    assertTrue(verifier.problem().startsWith("previous-hash mismatch"), verifier.problem());
  }

  @Test
  void aRowDeletedInTheMiddleIsDetected() {
    List<AuditEvent> all = new ArrayList<>(chain(AuditChain.GENESIS, 6));
    all.remove(3);
    assertFalse(acceptsAll(new ChainVerifier(AuditChain.GENESIS), all));
  }

  @Test
  void aCheckpointFromAnotherChainDoesNotFit() {
    List<AuditEvent> all = chain(AuditChain.GENESIS, 4);
    assertFalse(acceptsAll(new ChainVerifier("f".repeat(64)), all.subList(2, 4)));
  }
}
