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

  private static final List<String> SINGLE_CHOICE_BATCHES = List.of(PRIVATE_1, PUBLIC, PRIVATE_2);
  private static final List<String> PRIVATE_BATCHES = List.of(PRIVATE_1, PRIVATE_2);
  private static final List<String> PUBLIC_BATCHES = List.of(PUBLIC, SECOND_ROUND);
  private static final List<String> RANKING_AMOUNTS = List.of(POINTS, INSURANCE, PROPERTY);

  /** How a problem names the applicant (written only when there is a problem). */
  private static String who(Applicant a) {
    return "applicant " + a.applicantKey() + ": ";
  }

  static void requireValid(AllocationInput input) {
    Map<String, SchoolSeats> schools = input.schoolsByCode();
    List<String> problems = new ArrayList<>();
    for (Applicant a : input.applicants()) {
      if (!POINTS_APPLICANT.equals(a.category()) && !NON_POINTS_APPLICANT.equals(a.category())) {
        problems.add(who(a) + "category must be POINTS or NON_POINTS, not " + a.category());
      }
      for (String batch : a.choices().keySet()) {
        if (!BATCHES.contains(batch)) {
          problems.add(who(a) + "unknown choice batch " + batch);
        }
      }
      for (String batch : SINGLE_CHOICE_BATCHES) {
        if (a.choicesIn(batch).size() > 1) {
          problems.add(who(a) + "at most one school in batch " + batch);
        }
      }
      List<String> secondRound = a.choicesIn(SECOND_ROUND);
      if (secondRound.size() > SECOND_ROUND_CHOICES) {
        problems.add(who(a) + "at most " + SECOND_ROUND_CHOICES + " second-round choices");
      }
      if (secondRound.size() > 1 && new HashSet<>(secondRound).size() != secondRound.size()) {
        problems.add(who(a) + "a second-round school is listed twice");
      }
      for (String batch : PRIVATE_BATCHES) {
        for (String code : a.choicesIn(batch)) {
          SchoolSeats school = schools.get(code);
          if (school.publicSchool() || !school.seats().containsKey(a.stage())) {
            problems.add(who(a) + code + " is not a private school for " + a.stage() + " (batch " + batch + ")");
          }
        }
      }
      for (String batch : PUBLIC_BATCHES) {
        for (String code : a.choicesIn(batch)) {
          SchoolSeats school = schools.get(code);
          if (!school.publicSchool() || !school.districtCode().equals(a.districtCode())
              || !school.seats().containsKey(a.stage())) {
            problems.add(who(a) + code + " is not a public " + a.stage() + " school of district "
                + a.districtCode() + " (batch " + batch + ")");
          }
        }
      }
      if (KunshanAllocation.rankedByPoints(a)) {
        for (String code : RANKING_AMOUNTS) {
          if (!(a.values().get(code) instanceof RankingValue.Amount)) {
            problems.add(who(a) + "a reviewed points applicant needs the amount " + code);
          }
        }
      }
      RankingValue permit = a.values().get(PERMIT_ISSUED_ON);
      if (permit != null && !(permit instanceof RankingValue.Day)) {
        problems.add(who(a) + PERMIT_ISSUED_ON + " must be a day");
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
