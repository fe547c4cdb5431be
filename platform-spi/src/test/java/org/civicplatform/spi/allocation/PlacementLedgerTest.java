package org.civicplatform.spi.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.civicplatform.spi.LocalizedText;
import org.junit.jupiter.api.Test;

class PlacementLedgerTest {

  private static final Explanation WHY = Explanation.of("R", LocalizedText.of("原因", "reason"));

  private final PlacementLedger ledger = new PlacementLedger(AllocationInput.of("seed",
      List.of(SchoolSeats.ofPublic("s", "d", "PRIMARY", 1)),
      List.of(Applicant.of("a", "d", "PRIMARY", "X"), Applicant.of("b", "d", "PRIMARY", "X"),
          Applicant.of("c", "d", "JUNIOR", "X"))));

  @Test
  void refusesToAdmitBeyondASchoolsSeats() {
    ledger.record("a", new Outcome.Placed("P", "s", WHY));
    assertEquals(0, ledger.seatsLeft("s", "PRIMARY"));
    assertThrows(IllegalStateException.class, () -> ledger.record("b", new Outcome.Placed("P", "s", WHY)));
  }

  @Test
  void refusesAPlacementForAStageTheSchoolDoesNotOffer() {
    assertThrows(IllegalStateException.class, () -> ledger.record("c", new Outcome.Placed("P", "s", WHY)));
  }

  @Test
  void refusesAnyLaterOutcomeForAPlacedApplicant() {
    ledger.record("a", new Outcome.Placed("P", "s", WHY));
    assertTrue(ledger.isPlaced("a"));
    assertThrows(IllegalStateException.class, () -> ledger.record("a", new Outcome.NotPlaced("Q", null, WHY)));
  }

  @Test
  void refusesTwoOutcomesInOnePhase() {
    ledger.record("b", new Outcome.NotPlaced("P", "s", WHY));
    assertThrows(IllegalStateException.class, () -> ledger.record("b", new Outcome.NotPlaced("P", "s", WHY)));
  }

  @Test
  void talliesAdmissionsPerPhaseAndSeatsLeft() {
    ledger.record("a", new Outcome.Placed("P", "s", WHY));
    AllocationResult result = ledger.result(List.of("P"), List.of());
    SchoolTally tally = result.school("s", "PRIMARY").orElseThrow();
    assertEquals(1, tally.admittedByPhase().get("P"));
    assertEquals(0, tally.seatsLeft());
    assertEquals(3, result.applicants().size());
  }
}
