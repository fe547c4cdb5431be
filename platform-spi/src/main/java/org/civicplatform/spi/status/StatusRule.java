package org.civicplatform.spi.status;

import java.util.List;
import java.util.Optional;

/**
 * How a batch's status (当前进展) is derived from the application, its review and the published outcomes.
 * A pure function: the core gathers the {@link BatchState}, the tenant decides the code.
 */
public interface StatusRule {

  /**
   * The code of one of the batch's {@link Batch#statuses()}, or empty when the batch shows no status
   * (not submitted, nothing chosen in it).
   */
  Optional<String> status(BatchState state);

  /** The progress chain (进展) shown for this batch; empty when the batch has none. */
  default List<ProgressStep> progress(BatchState state) {
    return List.of();
  }

  /**
   * The default: nothing before submission; {@code SUBMITTED} once submitted (rejected → {@code
   * REJECTED}, reviewed → {@code REVIEWED} when the batch defines them); a published placement → {@code
   * PROVISIONALLY_ADMITTED}, a published phase without one → {@code NOT_ADMITTED}. Codes the batch does
   * not define are skipped by the core.
   */
  StatusRule GENERIC =
      state -> {
        if (!state.submitted()) {
          return Optional.empty();
        }
        var outcome = state.outcome(state.batchId());
        if (outcome.isPresent()) {
          return Optional.of(outcome.get().kind().equals("PLACED") ? "PROVISIONALLY_ADMITTED" : "NOT_ADMITTED");
        }
        return Optional.of(switch (state.application()) {
          case REJECTED -> "REJECTED";
          case REVIEWED -> "REVIEWED";
          default -> "SUBMITTED";
        });
      };
}
