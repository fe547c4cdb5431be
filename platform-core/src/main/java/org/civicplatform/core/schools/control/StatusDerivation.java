package org.civicplatform.core.schools.control;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicplatform.spi.status.Batch;
import org.civicplatform.spi.status.BatchState;
import org.civicplatform.spi.status.ProgressStep;
import org.civicplatform.spi.status.StatusLabel;

/**
 * Applies a tenant's batch rules to one application: the status label of each batch (a code the batch
 * does not define shows nothing) and the progress chain of the first batch that has one.
 */
public final class StatusDerivation {

  private StatusDerivation() {}

  /** One batch as derived. */
  public record Derived(Batch batch, List<String> chosen, Optional<StatusLabel> status, Optional<String> admittedSchool) {}

  public static List<Derived> batches(
      List<Batch> batches, BatchState.ApplicationPhase phase, Map<String, BatchState.StageState> stages,
      Map<String, List<String>> chosen, PublishedOutcomes.Published published) {
    return batches.stream().map(b -> {
      BatchState state = state(b, phase, stages, chosen, published);
      Optional<StatusLabel> label = b.rule().status(state).flatMap(b::status);
      Optional<String> admitted = state.outcome(b.id())
          .filter(o -> o instanceof org.civicplatform.spi.allocation.Outcome.Placed).map(o -> o.schoolCode());
      return new Derived(b, state.chosen(), label, admitted);
    }).toList();
  }

  public static List<ProgressStep> progress(
      List<Batch> batches, BatchState.ApplicationPhase phase, Map<String, BatchState.StageState> stages,
      Map<String, List<String>> chosen, PublishedOutcomes.Published published) {
    for (Batch b : batches) {
      List<ProgressStep> chain = b.rule().progress(state(b, phase, stages, chosen, published));
      if (!chain.isEmpty()) {
        return chain;
      }
    }
    return List.of();
  }

  static BatchState state(
      Batch b, BatchState.ApplicationPhase phase, Map<String, BatchState.StageState> stages,
      Map<String, List<String>> chosen, PublishedOutcomes.Published published) {
    return new BatchState(b.id(), phase, stages, chosen.getOrDefault(b.id(), List.of()), published.phases(),
        published.outcomes());
  }
}
