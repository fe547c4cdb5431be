package org.civicplatform.spi.allocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The working record of one run (录取台账): seats left per school and stage, and the outcomes so far.
 * A procedure writes every decision here; the ledger guards the run's invariants and fails fast when a
 * procedure breaks one:
 *
 * <ul>
 *   <li>a school never admits more than its seats for the stage;
 *   <li>an applicant is placed at most once, and gets no outcome in any phase after the one that placed
 *       them;
 *   <li>an applicant gets at most one outcome per phase;
 *   <li>a placement is at a school offering the applicant's stage.
 * </ul>
 *
 * <p>Not thread-safe: one ledger per run.
 */
public final class PlacementLedger {

  private final AllocationInput input;
  private final Map<String, SchoolSeats> schools;
  private final Map<String, Applicant> applicants = new HashMap<>();
  private final Map<String, Integer> seatsLeft = new HashMap<>();
  private final Map<String, Map<String, Integer>> admittedByPhase = new HashMap<>();
  private final Map<String, List<Outcome>> outcomes = new HashMap<>();

  public PlacementLedger(AllocationInput input) {
    this.input = input;
    this.schools = input.schoolsByCode();
    for (SchoolSeats school : input.schools()) {
      school.seats().forEach((stage, seats) -> seatsLeft.put(slot(school.code(), stage), seats));
    }
    for (Applicant applicant : input.applicants()) {
      applicants.put(applicant.applicantKey(), applicant);
      outcomes.put(applicant.applicantKey(), new ArrayList<>(2));
    }
  }

  public AllocationInput input() {
    return input;
  }

  /** The school with this code. */
  public SchoolSeats school(String code) {
    SchoolSeats school = schools.get(code);
    if (school == null) {
      throw new IllegalArgumentException("unknown school " + code);
    }
    return school;
  }

  public int seatsLeft(String school, String stage) {
    return seatsLeft.getOrDefault(slot(school, stage), 0);
  }

  public boolean isPlaced(String applicantKey) {
    List<Outcome> list = outcomesOf(applicantKey);
    return !list.isEmpty() && list.get(list.size() - 1) instanceof Outcome.Placed;
  }

  /** The outcomes recorded so far for an applicant, in phase order. */
  public List<Outcome> outcomes(String applicantKey) {
    return List.copyOf(outcomesOf(applicantKey));
  }

  /**
   * Records an outcome; a {@link Outcome.Placed} takes a seat.
   *
   * @throws IllegalStateException when the outcome would break an invariant of the run
   */
  public void record(String applicantKey, Outcome outcome) {
    List<Outcome> list = outcomesOf(applicantKey);
    if (isPlaced(applicantKey)) {
      throw new IllegalStateException(
          "applicant " + applicantKey + " was placed and must not appear in phase " + outcome.phase());
    }
    for (Outcome earlier : list) {
      if (earlier.phase().equals(outcome.phase())) {
        throw new IllegalStateException(
            "applicant " + applicantKey + " already has an outcome in phase " + outcome.phase());
      }
    }
    if (outcome instanceof Outcome.Placed placed) {
      String stage = applicants.get(applicantKey).stage();
      String slot = slot(placed.school(), stage);
      int left = seatsLeft.getOrDefault(slot, 0);
      if (left <= 0) {
        throw new IllegalStateException("school " + placed.school() + " has no seat left for " + stage
            + " (applicant " + applicantKey + ", phase " + placed.phase() + ")");
      }
      seatsLeft.put(slot, left - 1);
      admittedByPhase.computeIfAbsent(slot, s -> new TreeMap<>()).merge(placed.phase(), 1, Integer::sum);
    }
    list.add(outcome);
  }

  /** The result of the run. */
  public AllocationResult result(List<String> phasesRun, List<DistrictLine> districtLines) {
    List<ApplicantResult> results = new ArrayList<>(applicants.size());
    for (Applicant applicant : input.applicants()) {
      results.add(new ApplicantResult(applicant.applicantKey(), outcomes.get(applicant.applicantKey())));
    }
    List<SchoolTally> tallies = new ArrayList<>();
    for (SchoolSeats school : input.schools()) {
      school.seats().forEach((stage, seats) -> {
        String slot = slot(school.code(), stage);
        tallies.add(new SchoolTally(school.code(), stage, seats,
            admittedByPhase.getOrDefault(slot, Map.of()), seatsLeft.get(slot)));
      });
    }
    return new AllocationResult(
        input.seedCommitment(), input.digest(), phasesRun, results, tallies, districtLines);
  }

  private List<Outcome> outcomesOf(String applicantKey) {
    List<Outcome> list = outcomes.get(applicantKey);
    if (list == null) {
      throw new IllegalArgumentException("unknown applicant " + applicantKey);
    }
    return list;
  }

  private static String slot(String school, String stage) {
    return school + "\u0000" + stage;
  }
}
