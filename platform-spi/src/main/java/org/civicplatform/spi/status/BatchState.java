package org.civicplatform.spi.status;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.civicplatform.spi.allocation.Outcome;

/**
 * Everything a batch's status is derived from: the application's life cycle, the review stages of its
 * latest submission, the schools chosen in this batch and the published placement outcomes.
 *
 * @param batchId the batch whose status is asked
 * @param application where the application stands
 * @param stages review stage id → where that stage stands (latest submission; empty before one)
 * @param chosen the school codes chosen in this batch, in order (empty: none chosen or given up)
 * @param published the placement phases whose results are published (empty until a run is published)
 * @param outcomes published outcome per phase id, for this child
 */
public record BatchState(
    String batchId,
    ApplicationPhase application,
    Map<String, StageState> stages,
    List<String> chosen,
    Set<String> published,
    Map<String, Outcome> outcomes) {

  public BatchState {
    Objects.requireNonNull(batchId, "batchId");
    Objects.requireNonNull(application, "application");
    stages = Map.copyOf(stages);
    chosen = List.copyOf(chosen);
    published = Set.copyOf(published);
    outcomes = Map.copyOf(outcomes);
  }

  /** Where an application stands in its life cycle. */
  public enum ApplicationPhase {
    /** Not started. */
    NONE,
    DRAFT,
    /** Submitted, no review record yet (may still be withdrawn: 撤销提交). */
    SUBMITTED,
    IN_REVIEW,
    /** Returned by a reviewer for changes (退回). */
    RETURNED,
    REJECTED,
    /** Every review stage approved (审核完成). */
    REVIEWED
  }

  /** Where one review stage stands. */
  public enum StageState {
    WAITING,
    OPEN,
    APPROVED,
    REJECTED,
    RETURNED,
    CANCELLED
  }

  /** Whether the application was submitted and not taken back (withdrawn or returned). */
  public boolean submitted() {
    return switch (application) {
      case SUBMITTED, IN_REVIEW, REJECTED, REVIEWED -> true;
      default -> false;
    };
  }

  public Optional<StageState> stage(String stageId) {
    return Optional.ofNullable(stages.get(stageId));
  }

  /** The published outcome of a phase for this child. */
  public Optional<Outcome> outcome(String phase) {
    return Optional.ofNullable(outcomes.get(phase));
  }

  /** The phase that placed the child (拟录取), if one did. */
  public Optional<Outcome.Placed> placement() {
    return outcomes.values().stream().filter(Outcome.Placed.class::isInstance).map(Outcome.Placed.class::cast)
        .findFirst();
  }
}
