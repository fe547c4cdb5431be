package org.civicplatform.spi.allocation;

import java.util.Objects;

/**
 * What one phase decided for one applicant. An applicant has at most one outcome per phase, and none
 * after the phase that placed them (录取后不再出现在以后阶段).
 */
public sealed interface Outcome
    permits Outcome.Placed, Outcome.NotPlaced, Outcome.SecondRoundEligible, Outcome.TopUp {

  /** The phase id, one of {@link AllocationProcedure#phases()}. */
  String phase();

  Explanation explanation();

  /** Provisionally admitted (拟录取) at a school. */
  record Placed(String phase, String school, Explanation explanation) implements Outcome {
    public Placed {
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(school, "school");
      Objects.requireNonNull(explanation, "explanation");
    }
  }

  /**
   * Not admitted in this phase (未录取); later phases may still place the applicant.
   *
   * @param school the school applied to in this phase, or null when the phase had several or none
   */
  record NotPlaced(String phase, String school, Explanation explanation) implements Outcome {
    public NotPlaced {
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(explanation, "explanation");
    }
  }

  /**
   * Inside the district line but the chosen school is full: may file second-round choices (可二次填报).
   *
   * @param school the chosen school that was full
   */
  record SecondRoundEligible(String phase, String school, Explanation explanation) implements Outcome {
    public SecondRoundEligible {
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(school, "school");
      Objects.requireNonNull(explanation, "explanation");
    }
  }

  /** Unplaced after every phase: listed for top-up (补录) or the district's manual assignment. */
  record TopUp(String phase, Explanation explanation) implements Outcome {
    public TopUp {
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(explanation, "explanation");
    }
  }

  /** The kind as a stable word for the canonical text. */
  default String kind() {
    if (this instanceof Placed) {
      return "PLACED";
    }
    if (this instanceof NotPlaced) {
      return "NOT_PLACED";
    }
    if (this instanceof SecondRoundEligible) {
      return "SECOND_ROUND_ELIGIBLE";
    }
    return "TOP_UP";
  }

  /** The school the outcome is about, or null. */
  default String schoolCode() {
    if (this instanceof Placed p) {
      return p.school();
    }
    if (this instanceof NotPlaced n) {
      return n.school();
    }
    if (this instanceof SecondRoundEligible s) {
      return s.school();
    }
    return null;
  }
}
