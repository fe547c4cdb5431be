package org.civicplatform.siming.allocation;

import static org.civicplatform.siming.allocation.SimingAllocation.COLLECTIVE;
import static org.civicplatform.siming.allocation.SimingAllocation.DISTRICT;
import static org.civicplatform.siming.allocation.SimingAllocation.PARENT_REGISTERED_ON;
import static org.civicplatform.siming.allocation.SimingAllocation.SIMING_REGISTERED_ON;
import static org.civicplatform.siming.allocation.SimingAllocation.ZONE;
import static org.civicplatform.siming.allocation.SimingAllocation.ZONE_REGISTERED_ON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.civicplatform.spi.allocation.AllocationInput;
import org.civicplatform.spi.allocation.AllocationResult;
import org.civicplatform.spi.allocation.Applicant;
import org.civicplatform.spi.allocation.ApplicantResult;
import org.civicplatform.spi.allocation.Outcome;
import org.civicplatform.spi.allocation.RankingValue;
import org.civicplatform.spi.allocation.SchoolSeats;

/** Invariants of Siming placement over random instances. */
class SimingAllocationPropertiesTest {

  private static final List<String> PHASES = List.of(ZONE, COLLECTIVE, DISTRICT);

  private final SimingAllocation allocation = new SimingAllocation();

  @Provide
  Arbitrary<AllocationInput> instances() {
    return Combinators.combine(
            Arbitraries.longs(),
            Arbitraries.integers().between(1, 6),
            Arbitraries.integers().between(0, 60),
            Arbitraries.integers().between(0, 8),
            Arbitraries.integers().between(1, 6))
        .as((seed, schools, applicants, seats, days) ->
            SimingInstances.random(new Random(seed), schools, applicants, seats, days));
  }

  private static Map<String, Applicant> byKey(AllocationInput input) {
    Map<String, Applicant> map = new HashMap<>();
    input.applicants().forEach(a -> map.put(a.applicantKey(), a));
    return map;
  }

  private static Map<String, Outcome> in(AllocationResult result, String phase) {
    Map<String, Outcome> map = new LinkedHashMap<>();
    for (ApplicantResult r : result.applicants()) {
      r.in(phase).ifPresent(o -> map.put(r.applicantKey(), o));
    }
    return map;
  }

  private static LocalDate day(Applicant a, String code) {
    RankingValue v = a.values().get(code);
    return v == null ? null : ((RankingValue.Day) v).value();
  }

  /** Earlier day first, a missing day last; 0 when equal. */
  private static int byDay(Applicant a, Applicant b, String code) {
    LocalDate x = day(a, code);
    LocalDate y = day(b, code);
    if (x == null || y == null) {
      return x == y ? 0 : x == null ? 1 : -1;
    }
    return x.compareTo(y);
  }

  /** Zone priority, restated independently: categories 1–3 before 4, then zone day, then parent's day. */
  static boolean zoneBefore(Applicant a, Applicant b) {
    boolean aFirst = Set.of("1", "2", "3").contains(a.category());
    boolean bFirst = Set.of("1", "2", "3").contains(b.category());
    if (aFirst != bFirst) {
      return aFirst;
    }
    int c = byDay(a, b, ZONE_REGISTERED_ON);
    return c != 0 ? c < 0 : byDay(a, b, PARENT_REGISTERED_ON) < 0;
  }

  static boolean districtBefore(Applicant a, Applicant b) {
    int c = byDay(a, b, SIMING_REGISTERED_ON);
    return c != 0 ? c < 0 : byDay(a, b, PARENT_REGISTERED_ON) < 0;
  }

  @Property(tries = 300)
  void neverAdmitsMoreThanASchoolsSeats(@ForAll("instances") AllocationInput input) {
    AllocationResult result = allocation.run(input);
    Map<String, Integer> placed = new HashMap<>();
    result.applicants().forEach(r -> r.placement().ifPresent(p -> placed.merge(p.school(), 1, Integer::sum)));
    for (SchoolSeats school : input.schools()) {
      int admitted = placed.getOrDefault(school.code(), 0);
      assertTrue(admitted <= school.seatsFor(SimingInstances.PRIMARY));
      assertEquals(school.seatsFor(SimingInstances.PRIMARY) - admitted,
          result.school(school.code(), SimingInstances.PRIMARY).orElseThrow().seatsLeft());
    }
  }

  @Property(tries = 300)
  void anApplicantPlacedInAPhaseNeverAppearsInALaterOne(@ForAll("instances") AllocationInput input) {
    AllocationResult result = allocation.run(input);
    Map<String, Applicant> applicants = byKey(input);
    for (ApplicantResult r : result.applicants()) {
      int previous = -1;
      for (int i = 0; i < r.outcomes().size(); i++) {
        Outcome o = r.outcomes().get(i);
        assertTrue(PHASES.indexOf(o.phase()) > previous);
        previous = PHASES.indexOf(o.phase());
        if (o instanceof Outcome.Placed) {
          assertEquals(r.outcomes().size() - 1, i);
        }
      }
      Outcome last = r.last().orElseThrow();
      assertTrue(last instanceof Outcome.Placed || last instanceof Outcome.TopUp);
      String category = applicants.get(r.applicantKey()).category();
      r.in(ZONE).ifPresent(o -> assertTrue(!(o instanceof Outcome.Placed) || "1234".contains(category)));
      r.in(COLLECTIVE).ifPresent(o -> assertEquals("6", category));
    }
  }

  @Property(tries = 300)
  void noJustifiedEnvyAtZoneAndCollectiveSchools(@ForAll("instances") AllocationInput input) {
    AllocationResult result = allocation.run(input);
    Map<String, Applicant> applicants = byKey(input);
    for (String phase : List.of(ZONE, COLLECTIVE)) {
      Map<String, Outcome> outcomes = in(result, phase);
      for (Map.Entry<String, Outcome> a : outcomes.entrySet()) {
        if (!(a.getValue() instanceof Outcome.NotPlaced refused) || refused.school() == null
            || refused.explanation().rule().endsWith("CATEGORY_NOT_ADMITTED")) {
          continue;
        }
        for (Map.Entry<String, Outcome> b : outcomes.entrySet()) {
          if (b.getValue() instanceof Outcome.Placed placed && placed.school().equals(refused.school())) {
            assertFalse(zoneBefore(applicants.get(a.getKey()), applicants.get(b.getKey())),
                b.getKey() + " was admitted before " + a.getKey() + " at " + placed.school());
          }
        }
        long takenSoFar = result.applicants().stream()
            .filter(r -> r.placement().filter(p -> p.school().equals(refused.school())
                && PHASES.indexOf(p.phase()) <= PHASES.indexOf(phase)).isPresent())
            .count();
        assertEquals(input.schoolsByCode().get(refused.school()).seatsFor(SimingInstances.PRIMARY), takenSoFar,
            a.getKey() + " was refused by " + refused.school() + " although it had seats");
      }
    }
  }

  @Property(tries = 300)
  void noJustifiedEnvyInDistrictPlacement(@ForAll("instances") AllocationInput input) {
    AllocationResult result = allocation.run(input);
    Map<String, Applicant> applicants = byKey(input);
    Map<String, Outcome> outcomes = in(result, DISTRICT);
    for (Map.Entry<String, Outcome> a : outcomes.entrySet()) {
      Applicant applicant = applicants.get(a.getKey());
      List<String> listed = applicant.choicesIn(DISTRICT);
      int got = a.getValue() instanceof Outcome.Placed p ? listed.indexOf(p.school()) : listed.size();
      for (Map.Entry<String, Outcome> b : outcomes.entrySet()) {
        if (b.getValue() instanceof Outcome.Placed placed) {
          int wanted = listed.indexOf(placed.school());
          boolean bLater = b.getValue().explanation().standing().rank() > a.getValue().explanation().standing().rank();
          if (bLater) {
            assertTrue(wanted < 0 || got <= wanted, b.getKey() + " took a seat " + a.getKey() + " preferred");
          }
          if (districtBefore(applicant, applicants.get(b.getKey()))) {
            assertTrue(a.getValue().explanation().standing().rank() < b.getValue().explanation().standing().rank());
          }
        }
      }
      if (a.getValue() instanceof Outcome.TopUp) {
        for (String school : listed) {
          assertEquals(0, result.school(school, SimingInstances.PRIMARY).orElseThrow().seatsLeft());
        }
      }
    }
  }

  @Property(tries = 200)
  void sameInputAndSeedGiveIdenticalCanonicalOutput(@ForAll("instances") AllocationInput input) {
    AllocationResult once = allocation.run(input);
    AllocationResult again = new SimingAllocation().run(input);
    assertEquals(once, again);
    assertEquals(once.canonical(), again.canonical());
  }

  @Property(tries = 200)
  void shuffledInputGivesIdenticalOutput(@ForAll("instances") AllocationInput input, @ForAll long shuffle) {
    Random random = new Random(shuffle);
    List<SchoolSeats> schools = new ArrayList<>(input.schools());
    List<Applicant> applicants = new ArrayList<>(input.applicants());
    Collections.shuffle(schools, random);
    Collections.shuffle(applicants, random);
    assertEquals(allocation.run(input).canonical(),
        allocation.run(AllocationInput.of(input.seed(), schools, applicants)).canonical());
  }

  @Property(tries = 200)
  void runningUpToCollectivePlacementFirstChangesNothingThatFollows(@ForAll("instances") AllocationInput input) {
    AllocationResult partial = allocation.run(input.until(COLLECTIVE));
    AllocationResult full = allocation.run(input);
    for (ApplicantResult r : partial.applicants()) {
      List<Outcome> later = full.applicant(r.applicantKey()).orElseThrow().outcomes();
      assertEquals(r.outcomes(), later.subList(0, r.outcomes().size()));
    }
  }
}
