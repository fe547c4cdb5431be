package org.civicplatform.spi.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Everything a run decided for one applicant: one outcome per phase the applicant took part in, in
 * phase order. The last outcome is the applicant's final state in this run.
 */
public record ApplicantResult(String applicantKey, List<Outcome> outcomes) {

  public ApplicantResult {
    Objects.requireNonNull(applicantKey, "applicantKey");
    outcomes = List.copyOf(outcomes);
  }

  /** The final outcome, or empty when the applicant took part in no phase that ran. */
  public Optional<Outcome> last() {
    return outcomes.isEmpty() ? Optional.empty() : Optional.of(outcomes.get(outcomes.size() - 1));
  }

  /** The placement, if any phase placed the applicant. */
  public Optional<Outcome.Placed> placement() {
    return last().filter(Outcome.Placed.class::isInstance).map(Outcome.Placed.class::cast);
  }

  /** The outcome of one phase, if the applicant took part in it. */
  public Optional<Outcome> in(String phase) {
    return outcomes.stream().filter(o -> o.phase().equals(phase)).findFirst();
  }

  /** The canonical text of this result, as it appears in {@link AllocationResult#canonical()}. */
  public String canonical() {
    return CanonicalJson.write(canonicalForm());
  }

  SortedMap<String, Object> canonicalForm() {
    SortedMap<String, Object> object = CanonicalJson.object();
    object.put("applicant", applicantKey);
    List<Object> list = new ArrayList<>(outcomes.size());
    for (Outcome outcome : outcomes) {
      SortedMap<String, Object> o = CanonicalJson.object();
      o.put("phase", outcome.phase());
      o.put("outcome", outcome.kind());
      o.put("school", outcome.schoolCode());
      o.put("explanation", outcome.explanation().canonicalForm());
      list.add(o);
    }
    object.put("outcomes", list);
    return object;
  }
}
