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
    StringBuilder out = new StringBuilder(512);
    canonical(out);
    return out.toString();
  }

  /**
   * Appends {@link #canonical()} to {@code out}, written directly with members in name order as {@link
   * #canonicalForm()} lists them (a run writes 100 000 of these: building the sorted maps first took most
   * of the time; one reused builder for many results leaves no garbage behind). Tested to give the same
   * text as {@link CanonicalJson#write} of {@link #canonicalForm()}.
   */
  public void canonical(StringBuilder out) {
    out.append("{\"applicant\":");
    CanonicalJson.string(applicantKey, out);
    out.append(",\"outcomes\":[");
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome outcome = outcomes.get(i);
      if (i > 0) {
        out.append(',');
      }
      out.append("{\"explanation\":");
      writeExplanation(outcome.explanation(), out);
      out.append(",\"outcome\":");
      CanonicalJson.string(outcome.kind(), out);
      out.append(",\"phase\":");
      CanonicalJson.string(outcome.phase(), out);
      if (outcome.schoolCode() != null) {
        out.append(",\"school\":");
        CanonicalJson.string(outcome.schoolCode(), out);
      }
      out.append('}');
    }
    out.append("]}");
  }

  /** Members: candidates (when > 0), districtLine, lastAdmitted, rule, standing, text {en, zh}. */
  private static void writeExplanation(Explanation e, StringBuilder out) {
    out.append('{');
    if (e.candidates() > 0) {
      out.append("\"candidates\":").append(e.candidates()).append(',');
    }
    if (e.districtLine() != null) {
      out.append("\"districtLine\":");
      writeStanding(e.districtLine(), out);
      out.append(',');
    }
    if (e.lastAdmitted() != null) {
      out.append("\"lastAdmitted\":");
      writeStanding(e.lastAdmitted(), out);
      out.append(',');
    }
    out.append("\"rule\":");
    CanonicalJson.string(e.rule(), out);
    if (e.standing() != null) {
      out.append(",\"standing\":");
      writeStanding(e.standing(), out);
    }
    out.append(",\"text\":{\"en\":");
    CanonicalJson.string(e.text().en(), out);
    out.append(",\"zh\":");
    CanonicalJson.string(e.text().zh(), out);
    out.append("}}");
  }

  /** Members: category, lotteryKey, rank, values (when any, by code). */
  private static void writeStanding(Standing s, StringBuilder out) {
    out.append('{');
    if (s.category() != null) {
      out.append("\"category\":");
      CanonicalJson.string(s.category(), out);
      out.append(',');
    }
    if (s.lotteryKey() != null) {
      out.append("\"lotteryKey\":");
      CanonicalJson.string(s.lotteryKey(), out);
      out.append(',');
    }
    out.append("\"rank\":").append(s.rank());
    if (!s.values().isEmpty()) {
      out.append(",\"values\":");
      CanonicalJson.values(s.values(), out);
    }
    out.append('}');
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
