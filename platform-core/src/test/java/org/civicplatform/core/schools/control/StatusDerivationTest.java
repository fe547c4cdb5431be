package org.civicplatform.core.schools.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.allocation.Explanation;
import org.civicplatform.spi.allocation.Outcome;
import org.civicplatform.spi.status.Batch;
import org.civicplatform.spi.status.BatchState;
import org.civicplatform.spi.status.ProgressStep;
import org.civicplatform.spi.status.StatusLabel;
import org.civicplatform.spi.status.StatusRule;
import org.junit.jupiter.api.Test;

class StatusDerivationTest {

  static final List<StatusLabel> LABELS = List.of(
      StatusLabel.of("SUBMITTED", "已提交", "Submitted", "", ""),
      StatusLabel.of("PROVISIONALLY_ADMITTED", "拟录取", "Admitted", "", ""));

  @Test
  void aCodeTheBatchDoesNotDefineShowsNoStatus() {
    Batch batch = new Batch("PUBLIC", LocalizedText.of("公办", "Public"), LABELS);
    var derived = StatusDerivation.batches(List.of(batch), BatchState.ApplicationPhase.REJECTED, Map.of(), Map.of(),
        PublishedOutcomes.Published.NONE);
    assertEquals(Optional.empty(), derived.get(0).status(), "GENERIC says REJECTED, which this batch lacks");
  }

  @Test
  void thePublishedPlacementGivesTheAdmittedSchool() {
    Batch batch = new Batch("PUBLIC", LocalizedText.of("公办", "Public"), LABELS);
    var published = new PublishedOutcomes.Published(Set.of("PUBLIC"),
        Map.of("PUBLIC", new Outcome.Placed("PUBLIC", "s1", Explanation.of("r", LocalizedText.of("理由", "why")))),
        Map.of());
    var derived = StatusDerivation.batches(List.of(batch), BatchState.ApplicationPhase.REVIEWED, Map.of(),
        Map.of("PUBLIC", List.of("s1")), published).get(0);
    assertEquals("PROVISIONALLY_ADMITTED", derived.status().orElseThrow().code());
    assertEquals(Optional.of("s1"), derived.admittedSchool());
    assertEquals(List.of("s1"), derived.chosen());
  }

  @Test
  void theChainComesFromTheFirstBatchThatHasOne() {
    StatusRule withChain = new StatusRule() {
      @Override
      public Optional<String> status(BatchState state) {
        return Optional.of("SUBMITTED");
      }

      @Override
      public List<ProgressStep> progress(BatchState state) {
        return List.of(ProgressStep.current("X", "提交报名", "Submitted"));
      }
    };
    List<Batch> batches = List.of(new Batch("A", LocalizedText.of("甲", "A"), LABELS),
        new Batch("B", LocalizedText.of("乙", "B"), LABELS, null, withChain));
    var chain = StatusDerivation.progress(batches, BatchState.ApplicationPhase.SUBMITTED, Map.of(), Map.of(),
        PublishedOutcomes.Published.NONE);
    assertEquals("提交报名", chain.get(0).label().zh());
    assertTrue(StatusDerivation.progress(batches.subList(0, 1), BatchState.ApplicationPhase.SUBMITTED, Map.of(),
        Map.of(), PublishedOutcomes.Published.NONE).isEmpty());
  }
}
