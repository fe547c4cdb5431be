package org.civicplatform.kunshan.allocation;

import static org.civicplatform.kunshan.allocation.KunshanAllocation.INSURANCE;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.NON_POINTS_APPLICANT;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.PERMIT_ISSUED_ON;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.POINTS;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.POINTS_APPLICANT;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.PRIVATE_1;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.PRIVATE_2;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.PROPERTY;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.PUBLIC;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.SECOND_ROUND;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.SECOND_ROUND_CHOICES;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicplatform.spi.allocation.AllocationInput;
import org.civicplatform.spi.allocation.Applicant;
import org.civicplatform.spi.allocation.RankingValue;
import org.civicplatform.spi.allocation.SchoolSeats;

/** The input contract of {@link KunshanAllocation}; every breach is reported at once, before anything runs. */
final class KunshanInputCheck {

  private static final Set<String> BATCHES = Set.of(PRIVATE_1, PUBLIC, SECOND_ROUND, PRIVATE_2);
  private static final int REPORTED = 20;

  private KunshanInputCheck() {}

  static void requireValid(AllocationInput input) {
    Map<String, SchoolSeats> schools = input.schoolsByCode();
    List<String> problems = new ArrayList<>();
    for (Applicant a : input.applicants()) {
      String who = "applicant " + a.applicantKey() + ": ";
      if (!POINTS_APPLICANT.equals(a.category()) && !NON_POINTS_APPLICANT.equals(a.category())) {
        problems.add(who + "category must be POINTS or NON_POINTS, not " + a.category());
      }
      for (String batch : a.choices().keySet()) {
        if (!BATCHES.contains(batch)) {
          problems.add(who + "unknown choice batch " + batch);
        }
      }
      for (String batch : List.of(PRIVATE_1, PUBLIC, PRIVATE_2)) {
        if (a.choicesIn(batch).size() > 1) {
          problems.add(who + "at most one school in batch " + batch);
        }
      }
      List<String> secondRound = a.choicesIn(SECOND_ROUND);
      if (secondRound.size() > SECOND_ROUND_CHOICES) {
        problems.add(who + "at most " + SECOND_ROUND_CHOICES + " second-round choices");
      }
      if (new HashSet<>(secondRound).size() != secondRound.size()) {
        problems.add(who + "a second-round school is listed twice");
      }
      for (String batch : List.of(PRIVATE_1, PRIVATE_2)) {
        for (String code : a.choicesIn(batch)) {
          SchoolSeats school = schools.get(code);
          if (school.publicSchool() || !school.seats().containsKey(a.stage())) {
            problems.add(who + code + " is not a private school for " + a.stage() + " (batch " + batch + ")");
          }
        }
      }
      for (String batch : List.of(PUBLIC, SECOND_ROUND)) {
        for (String code : a.choicesIn(batch)) {
          SchoolSeats school = schools.get(code);
          if (!school.publicSchool() || !school.districtCode().equals(a.districtCode())
              || !school.seats().containsKey(a.stage())) {
            problems.add(who + code + " is not a public " + a.stage() + " school of district "
                + a.districtCode() + " (batch " + batch + ")");
          }
        }
      }
      if (KunshanAllocation.rankedByPoints(a)) {
        for (String code : List.of(POINTS, INSURANCE, PROPERTY)) {
          if (!(a.values().get(code) instanceof RankingValue.Amount)) {
            problems.add(who + "a reviewed points applicant needs the amount " + code);
          }
        }
      }
      RankingValue permit = a.values().get(PERMIT_ISSUED_ON);
      if (permit != null && !(permit instanceof RankingValue.Day)) {
        problems.add(who + PERMIT_ISSUED_ON + " must be a day");
      }
      if (problems.size() >= REPORTED) {
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Kunshan allocation input is invalid: " + String.join("; ", problems));
    }
  }
}
