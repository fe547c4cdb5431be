package org.civicplatform.siming.status;

import static org.civicplatform.spi.status.BatchState.ApplicationPhase.DRAFT;
import static org.civicplatform.spi.status.BatchState.ApplicationPhase.IN_REVIEW;
import static org.civicplatform.spi.status.BatchState.ApplicationPhase.REJECTED;
import static org.civicplatform.spi.status.BatchState.ApplicationPhase.RETURNED;
import static org.civicplatform.spi.status.BatchState.ApplicationPhase.REVIEWED;
import static org.civicplatform.spi.status.BatchState.ApplicationPhase.SUBMITTED;
import static org.civicplatform.spi.status.BatchState.StageState.APPROVED;
import static org.civicplatform.spi.status.BatchState.StageState.OPEN;
import static org.civicplatform.spi.status.BatchState.StageState.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.allocation.Explanation;
import org.civicplatform.spi.allocation.Outcome;
import org.civicplatform.spi.status.Batch;
import org.civicplatform.spi.status.BatchState;
import org.junit.jupiter.api.Test;

/** The family home's status of a Siming registration, stage by stage of seed 002's verification. */
class SimingStatusesTest {

  private static final Explanation WHY = Explanation.of("test", LocalizedText.of("测试", "test"));

  static String label(BatchState.ApplicationPhase phase, Map<String, BatchState.StageState> stages,
      Map<String, Outcome> outcomes) {
    Batch batch = SimingStatuses.batches().get(0);
    BatchState state = new BatchState(SimingStatuses.PUBLIC, phase, stages, List.of(), outcomes.isEmpty() ? Set.of()
        : outcomes.keySet(), outcomes);
    return batch.rule().status(state).map(code -> batch.status(code).orElseThrow().label().zh()).orElse("");
  }

  @Test
  void aDraftShowsNoStatus() {
    assertEquals("", label(DRAFT, Map.of(), Map.of()));
  }

  @Test
  void aRegistrationBeingCheckedByTheRegistriesIsVerifying() {
    assertEquals("核验中", label(SUBMITTED, Map.of(SimingStatuses.AUTO, OPEN), Map.of()));
  }

  @Test
  void aRegistrationThatPassedTheAutomaticChecksIsVerifiedNotUnfilled() {
    assertEquals("核验通过", label(REVIEWED, Map.of(SimingStatuses.AUTO, APPROVED), Map.of()));
  }

  @Test
  void aRegistrationTheChecksSentBackShowsTheAnomaly() {
    assertEquals("核验异常", label(RETURNED, Map.of(SimingStatuses.AUTO, BatchState.StageState.RETURNED), Map.of()));
  }

  @Test
  void aRentalWaitingForTheReviewerIsPendingReview() {
    assertEquals("待审核", label(IN_REVIEW, Map.of(SimingStatuses.AUTO, APPROVED, SimingStatuses.MANUAL, OPEN), Map.of()));
    assertEquals("核验中", label(SUBMITTED, Map.of(SimingStatuses.AUTO, OPEN, SimingStatuses.MANUAL, WAITING), Map.of()));
  }

  @Test
  void theReviewersDecisionsShowAsReviewedReturnedOrRejected() {
    assertEquals("审核通过", label(REVIEWED, Map.of(SimingStatuses.AUTO, APPROVED, SimingStatuses.MANUAL, APPROVED), Map.of()));
    assertEquals("退回修改", label(RETURNED,
        Map.of(SimingStatuses.AUTO, APPROVED, SimingStatuses.MANUAL, BatchState.StageState.RETURNED), Map.of()));
    assertEquals("审核不通过", label(REJECTED,
        Map.of(SimingStatuses.AUTO, APPROVED, SimingStatuses.MANUAL, BatchState.StageState.REJECTED), Map.of()));
  }

  @Test
  void publishedResultsShowThePlaceOrTheDistrictPlacement() {
    assertEquals("拟录取", label(REVIEWED, Map.of(SimingStatuses.AUTO, APPROVED),
        Map.of("ZONE", new Outcome.Placed("ZONE", "sm-lianlong", WHY))));
    assertEquals("统筹安排", label(REVIEWED, Map.of(SimingStatuses.AUTO, APPROVED),
        Map.of("ZONE", new Outcome.NotPlaced("ZONE", "sm-lianlong", WHY))));
  }
}
