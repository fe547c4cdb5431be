package org.civicplatform.kunshan.allocation;

import static org.civicplatform.kunshan.allocation.KunshanAllocation.INSURANCE;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.PERMIT_ISSUED_ON;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.POINTS;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.PRIVATE_1;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.PRIVATE_2;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.PROPERTY;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.PUBLIC;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.SECOND_ROUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.civicplatform.spi.allocation.DistrictLine;
import org.civicplatform.spi.allocation.Outcome;
import org.civicplatform.spi.allocation.RankingValue;
import org.civicplatform.spi.allocation.SchoolSeats;
import org.civicplatform.spi.allocation.SchoolTally;

/** Invariants of Kunshan placement over random instances (many ties, full schools and full districts). */
class KunshanAllocationPropertiesTest {

  private static final List<String> PHASES = List.of(PRIVATE_1, PUBLIC, SECOND_ROUND, PRIVATE_2, "TOP_UP");

  private final KunshanAllocation allocation = new KunshanAllocation();

  @Provide
  Arbitrary<AllocationInput> instances() {
    return Combinators.combine(
            Arbitraries.longs(),
            Arbitraries.integers().between(1, 3),
            Arbitraries.integers().between(1, 6),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 60),
            Arbitraries.integers().between(0, 6),
            Arbitraries.of(true, false))
        .as((seed, districts, publics, privates, applicants, seats, coarse) ->
            KunshanInstances.random(new Random(seed), districts, publics, privates, applicants, seats, coarse));
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static Map<String, Applicant> byKey(AllocationInput input) {
    Map<String, Applicant> map = new HashMap<>();
    input.applicants().forEach(a -> map.put(a.applicantKey(), a));
    return map;
  }

  /** The applicants with an outcome in a phase, with that outcome. */
  private static Map<String, Outcome> in(AllocationResult result, String phase) {
    Map<String, Outcome> map = new LinkedHashMap<>();
    for (ApplicantResult r : result.applicants()) {
      r.in(phase).ifPresent(o -> map.put(r.applicantKey(), o));
    }
    return map;
  }

  private static int rank(Outcome outcome) {
    return outcome.explanation().standing().rank();
  }

  /** Independent re-statement of the points order without the lottery: true when a ranks strictly before b. */
  static boolean strictlyBefore(Applicant a, Applicant b) {
    for (String code : List.of(POINTS, INSURANCE, PROPERTY)) {
      int c = amount(a, code).compareTo(amount(b, code));
      if (c != 0) {
        return c > 0;
      }
    }
    LocalDate x = day(a);
    LocalDate y = day(b);
    if (x == null || y == null) {
      return x != null && y == null;
    }
    return x.isBefore(y);
  }

  private static BigDecimal amount(Applicant a, String code) {
    return ((RankingValue.Amount) a.values().get(code)).value();
  }

  private static LocalDate day(Applicant a) {
    RankingValue v = a.values().get(PERMIT_ISSUED_ON);
    return v == null ? null : ((RankingValue.Day) v).value();
  }

  // ---- properties -----------------------------------------------------------------------------

  @Property(tries = 300)
  void neverAdmitsMoreThanASchoolsSeats(@ForAll("instances") AllocationInput input) {
    AllocationResult result = allocation.run(input);
    Map<String, Applicant> applicants = byKey(input);
    Map<String, Integer> placed = new HashMap<>();
    for (ApplicantResult r : result.applicants()) {
      r.placement().ifPresent(p -> placed.merge(p.school() + "/" + applicants.get(r.applicantKey()).stage(), 1, Integer::sum));
    }
    for (SchoolSeats school : input.schools()) {
      for (Map.Entry<String, Integer> seats : school.seats().entrySet()) {
        int admitted = placed.getOrDefault(school.code() + "/" + seats.getKey(), 0);
        assertTrue(admitted <= seats.getValue(), school.code());
        SchoolTally tally = result.school(school.code(), seats.getKey()).orElseThrow();
        assertEquals(admitted, tally.admitted());
        assertEquals(seats.getValue() - admitted, tally.seatsLeft());
      }
    }
    for (ApplicantResult r : result.applicants()) {
      String stage = applicants.get(r.applicantKey()).stage();
      r.placement().ifPresent(p -> assertTrue(input.schoolsByCode().get(p.school()).seats().containsKey(stage)));
    }
  }

  @Property(tries = 300)
  void anApplicantPlacedInAPhaseNeverAppearsInALaterOne(@ForAll("instances") AllocationInput input) {
    AllocationResult result = allocation.run(input);
    for (ApplicantResult r : result.applicants()) {
      int previous = -1;
      for (int i = 0; i < r.outcomes().size(); i++) {
        Outcome o = r.outcomes().get(i);
        int index = PHASES.indexOf(o.phase());
        assertTrue(index > previous, "phases out of order for " + r.applicantKey());
        previous = index;
        if (o instanceof Outcome.Placed) {
          assertEquals(r.outcomes().size() - 1, i, "outcome after a placement for " + r.applicantKey());
        }
      }
      Outcome last = r.last().orElseThrow();
      assertTrue(last instanceof Outcome.Placed || last instanceof Outcome.TopUp, r.applicantKey());
    }
    assertEquals(result.applicants().stream().filter(r -> r.placement().isEmpty()).map(ApplicantResult::applicantKey).toList(),
        result.topUp().applicants());
  }

  @Property(tries = 300)
  void publicRankingFollowsPointsAndTieBreaksAndTheDistrictLine(@ForAll("instances") AllocationInput input) {
    AllocationResult result = allocation.run(input);
    Map<String, Applicant> applicants = byKey(input);
    Map<String, List<String>> ranked = new HashMap<>();
    for (Map.Entry<String, Outcome> e : in(result, PUBLIC).entrySet()) {
      Applicant a = applicants.get(e.getKey());
      assertTrue(e.getValue().explanation().standing() == null || KunshanAllocation.rankedByPoints(a));
      if (e.getValue().explanation().standing() != null) {
        ranked.computeIfAbsent(a.districtCode() + "/" + a.stage(), k -> new ArrayList<>()).add(e.getKey());
      } else {
        assertTrue(e.getValue() instanceof Outcome.NotPlaced);
      }
    }
    for (DistrictLine line : result.districtLines()) {
      List<String> keys = ranked.getOrDefault(line.district() + "/" + line.stage(), List.of());
      assertEquals(keys.size(), line.candidates());
      int seats = input.schools().stream()
          .filter(s -> s.publicSchool() && s.districtCode().equals(line.district()))
          .mapToInt(s -> s.seatsFor(line.stage())).sum();
      assertEquals(seats, line.seats());
      List<Integer> ranks = new ArrayList<>();
      for (String key : keys) {
        Outcome o = result.applicant(key).orElseThrow().in(PUBLIC).orElseThrow();
        ranks.add(rank(o));
        boolean inside = rank(o) <= seats;
        assertEquals(inside, o instanceof Outcome.Placed || o instanceof Outcome.SecondRoundEligible, key);
        for (String other : keys) {
          if (strictlyBefore(applicants.get(key), applicants.get(other))) {
            assertTrue(rank(o) < rank(result.applicant(other).orElseThrow().in(PUBLIC).orElseThrow()));
          }
        }
      }
      Collections.sort(ranks);
      for (int i = 0; i < ranks.size(); i++) {
        assertEquals(i + 1, ranks.get(i));
      }
    }
  }

  @Property(tries = 300)
  void noJustifiedEnvyInThePublicPhase(@ForAll("instances") AllocationInput input) {
    AllocationResult result = allocation.run(input);
    Map<String, Outcome> publicOutcomes = in(result, PUBLIC);
    Map<String, Applicant> applicants = byKey(input);
    for (Map.Entry<String, Outcome> a : publicOutcomes.entrySet()) {
      if (!(a.getValue() instanceof Outcome.SecondRoundEligible full)) {
        continue;
      }
      // a was inside the line but did not get school X: nobody ranked lower in the district got X.
      Applicant applicant = applicants.get(a.getKey());
      for (Map.Entry<String, Outcome> b : publicOutcomes.entrySet()) {
        Applicant other = applicants.get(b.getKey());
        if (b.getValue() instanceof Outcome.Placed placed && placed.school().equals(full.school())
            && other.districtCode().equals(applicant.districtCode()) && other.stage().equals(applicant.stage())) {
          assertTrue(rank(placed) < rank(full), b.getKey() + " took " + a.getKey() + "'s seat");
        }
      }
      assertEquals(0, result.school(full.school(), applicant.stage()).orElseThrow().seatsLeft(),
          "the chosen school of a second-round candidate must be full");
    }
  }

  @Property(tries = 300)
  void noJustifiedEnvyInTheSecondRound(@ForAll("instances") AllocationInput input) {
    AllocationResult result = allocation.run(input);
    Map<String, Outcome> second = in(result, SECOND_ROUND);
    Map<String, Applicant> applicants = byKey(input);
    for (Map.Entry<String, Outcome> a : second.entrySet()) {
      Applicant applicant = applicants.get(a.getKey());
      List<String> listed = applicant.choicesIn(SECOND_ROUND);
      int got = a.getValue() instanceof Outcome.Placed p ? listed.indexOf(p.school()) : listed.size();
      for (Map.Entry<String, Outcome> b : second.entrySet()) {
        Applicant other = applicants.get(b.getKey());
        if (b.getValue() instanceof Outcome.Placed placed && rank(b.getValue()) > rank(a.getValue())
            && other.districtCode().equals(applicant.districtCode()) && other.stage().equals(applicant.stage())) {
          int wanted = listed.indexOf(placed.school());
          assertTrue(wanted < 0 || got <= wanted,
              b.getKey() + " (lower rank) got " + placed.school() + ", which " + a.getKey() + " preferred");
        }
      }
      if (!(a.getValue() instanceof Outcome.Placed)) {
        for (String school : listed) {
          assertEquals(0, result.school(school, applicant.stage()).orElseThrow().seatsLeft(),
              a.getKey() + " was refused although " + school + " has seats left");
        }
      }
    }
  }

  @Property(tries = 300)
  void privateSchoolsFillSeatsAndPutPointsApplicantsFirstInPhaseTwo(@ForAll("instances") AllocationInput input) {
    AllocationResult result = allocation.run(input);
    Map<String, Applicant> applicants = byKey(input);
    Map<String, Outcome> phaseTwo = in(result, PRIVATE_2);
    for (Map.Entry<String, Outcome> a : phaseTwo.entrySet()) {
      if (!(a.getValue() instanceof Outcome.NotPlaced refused)) {
        continue;
      }
      Applicant loser = applicants.get(a.getKey());
      assertEquals(0, result.school(refused.school(), loser.stage()).orElseThrow().seatsLeft());
      for (Map.Entry<String, Outcome> b : phaseTwo.entrySet()) {
        Applicant winner = applicants.get(b.getKey());
        if (b.getValue() instanceof Outcome.Placed placed && placed.school().equals(refused.school())
            && winner.stage().equals(loser.stage())) {
          boolean loserHasPriority = KunshanAllocation.rankedByPoints(loser)
              && (!KunshanAllocation.rankedByPoints(winner) || strictlyBefore(loser, winner));
          assertFalse(loserHasPriority, b.getKey() + " was admitted before " + a.getKey());
        }
      }
    }
    Map<String, Integer> candidates = new HashMap<>();
    Map<String, Integer> admitted = new HashMap<>();
    in(result, PRIVATE_1).forEach((key, o) -> {
      String slot = o.schoolCode() + "/" + applicants.get(key).stage();
      candidates.merge(slot, 1, Integer::sum);
      admitted.merge(slot, o instanceof Outcome.Placed ? 1 : 0, Integer::sum);
    });
    candidates.forEach((slot, n) -> {
      String[] parts = slot.split("/");
      int seats = input.schoolsByCode().get(parts[0]).seatsFor(parts[1]);
      assertEquals(Math.min(n, seats), admitted.get(slot), slot);
    });
  }

  @Property(tries = 200)
  void sameInputAndSeedGiveIdenticalCanonicalOutput(@ForAll("instances") AllocationInput input) {
    AllocationResult once = allocation.run(input);
    AllocationResult again = new KunshanAllocation().run(input);
    assertEquals(once, again);
    assertEquals(once.canonical(), again.canonical());
    assertEquals(once.digest(), again.digest());
  }

  @Property(tries = 200)
  void shuffledInputGivesIdenticalOutput(@ForAll("instances") AllocationInput input, @ForAll long shuffle) {
    Random random = new Random(shuffle);
    List<SchoolSeats> schools = new ArrayList<>(input.schools());
    Collections.shuffle(schools, random);
    List<Applicant> applicants = new ArrayList<>();
    for (Applicant a : input.applicants()) {
      List<Map.Entry<String, RankingValue>> values = new ArrayList<>(a.values().entrySet());
      Collections.shuffle(values, random);
      Map<String, RankingValue> reordered = new LinkedHashMap<>();
      values.forEach(e -> reordered.put(e.getKey(), e.getValue()));
      applicants.add(new Applicant(a.applicantKey(), a.districtCode(), a.stage(), a.category(),
          a.reviewComplete(), reordered, new HashMap<>(a.choices())));
    }
    Collections.shuffle(applicants, random);
    AllocationInput shuffled = AllocationInput.of(input.seed(), schools, applicants);
    assertEquals(allocation.run(input).canonical(), allocation.run(shuffled).canonical());
  }

  @Property(tries = 200)
  void runningUpToThePublicPhaseFirstChangesNothingThatFollows(@ForAll("instances") AllocationInput input) {
    AllocationResult partial = allocation.run(input.until(PUBLIC));
    AllocationResult full = allocation.run(input);
    for (ApplicantResult r : partial.applicants()) {
      ApplicantResult later = full.applicant(r.applicantKey()).orElseThrow();
      assertEquals(r.outcomes(), later.outcomes().subList(0, r.outcomes().size()));
    }
    assertEquals(partial.districtLines(), full.districtLines());
  }
}
