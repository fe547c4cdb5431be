package org.civicplatform.siming.allocation;

import static org.civicplatform.siming.allocation.SimingAllocation.COLLECTIVE;
import static org.civicplatform.siming.allocation.SimingAllocation.COLLECTIVE_CATEGORY;
import static org.civicplatform.siming.allocation.SimingAllocation.DISTRICT;
import static org.civicplatform.siming.allocation.SimingAllocation.DISTRICT_CHOICES;
import static org.civicplatform.siming.allocation.SimingAllocation.PARENT_REGISTERED_ON;
import static org.civicplatform.siming.allocation.SimingAllocation.SIMING_REGISTERED_ON;
import static org.civicplatform.siming.allocation.SimingAllocation.ZONE;
import static org.civicplatform.siming.allocation.SimingAllocation.ZONE_REGISTERED_ON;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicplatform.spi.allocation.AllocationInput;
import org.civicplatform.spi.allocation.Applicant;
import org.civicplatform.spi.allocation.RankingValue;
import org.civicplatform.spi.allocation.SchoolSeats;

/** The input contract of {@link SimingAllocation}; every breach is reported at once, before anything runs. */
final class SimingInputCheck {

  private static final Set<String> CATEGORIES = Set.of("1", "2", "3", "4", "5", "6", "7");
  private static final Set<String> BATCHES = Set.of(ZONE, COLLECTIVE, DISTRICT);
  private static final int REPORTED = 20;

  private SimingInputCheck() {}

  static void requireValid(AllocationInput input) {
    Map<String, SchoolSeats> schools = input.schoolsByCode();
    List<String> problems = new ArrayList<>();
    for (Applicant a : input.applicants()) {
      String who = "applicant " + a.applicantKey() + ": ";
      if (!CATEGORIES.contains(a.category())) {
        problems.add(who + "category must be 1 to 7, not " + a.category());
      }
      for (String batch : a.choices().keySet()) {
        if (!BATCHES.contains(batch)) {
          problems.add(who + "unknown choice batch " + batch);
        }
        for (String code : a.choicesIn(batch)) {
          SchoolSeats school = schools.get(code);
          if (!school.publicSchool() || !school.seats().containsKey(a.stage())) {
            problems.add(who + code + " is not a public " + a.stage() + " school (batch " + batch + ")");
          }
        }
      }
      if (a.choicesIn(ZONE).size() > 1) {
        problems.add(who + "a child has one zone school");
      }
      if (a.choicesIn(COLLECTIVE).size() > 1) {
        problems.add(who + "at most one school for a collective household");
      }
      if (!a.choicesIn(COLLECTIVE).isEmpty() && !COLLECTIVE_CATEGORY.equals(a.category())) {
        problems.add(who + "only category 6 (集体户) is placed as a collective household");
      }
      List<String> district = a.choicesIn(DISTRICT);
      if (district.size() > DISTRICT_CHOICES) {
        problems.add(who + "at most " + DISTRICT_CHOICES + " district-placement choices");
      }
      if (new HashSet<>(district).size() != district.size()) {
        problems.add(who + "a district-placement school is listed twice");
      }
      for (String code : List.of(ZONE_REGISTERED_ON, PARENT_REGISTERED_ON, SIMING_REGISTERED_ON)) {
        RankingValue value = a.values().get(code);
        if (value != null && !(value instanceof RankingValue.Day)) {
          problems.add(who + code + " must be a day");
        }
      }
      if (problems.size() >= REPORTED) {
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Siming allocation input is invalid: " + String.join("; ", problems));
    }
  }
}
