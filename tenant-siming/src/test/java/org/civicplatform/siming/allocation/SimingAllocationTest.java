package org.civicplatform.siming.allocation;

import static org.civicplatform.siming.allocation.SimingAllocation.COLLECTIVE;
import static org.civicplatform.siming.allocation.SimingAllocation.DISTRICT;
import static org.civicplatform.siming.allocation.SimingAllocation.DISTRICT_LOTTERY_SCOPE;
import static org.civicplatform.siming.allocation.SimingAllocation.HOT;
import static org.civicplatform.siming.allocation.SimingAllocation.PARENT_REGISTERED_ON;
import static org.civicplatform.siming.allocation.SimingAllocation.SIMING_REGISTERED_ON;
import static org.civicplatform.siming.allocation.SimingAllocation.ZONE;
import static org.civicplatform.siming.allocation.SimingAllocation.ZONE_REGISTERED_ON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.civicplatform.spi.allocation.AllocationInput;
import org.civicplatform.spi.allocation.AllocationProcedure;
import org.civicplatform.spi.allocation.AllocationResult;
import org.civicplatform.spi.allocation.Applicant;
import org.civicplatform.spi.allocation.Outcome;
import org.civicplatform.spi.allocation.SchoolSeats;
import org.civicplatform.spi.allocation.SeededLottery;
import org.junit.jupiter.api.Test;

class SimingAllocationTest {

  private static final String SEED = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
  private static final String PRIMARY = "PRIMARY";
  private static final SeededLottery LOTTERY = new SeededLottery(SEED);

  private final SimingAllocation allocation = new SimingAllocation();

  private static Applicant child(String key, String category, int zoneYear) {
    return Applicant.of(key, "lianqian", PRIMARY, category)
        .with(ZONE_REGISTERED_ON, LocalDate.of(zoneYear, 1, 1))
        .with(PARENT_REGISTERED_ON, LocalDate.of(2010, 1, 1))
        .with(SIMING_REGISTERED_ON, LocalDate.of(zoneYear, 1, 1));
  }

  private static SchoolSeats school(String code, int seats) {
    return SchoolSeats.ofPublic(code, "lianqian", PRIMARY, seats);
  }

  private AllocationResult run(List<SchoolSeats> schools, Applicant... applicants) {
    return allocation.run(AllocationInput.of(SEED, schools, List.of(applicants)));
  }

  private static Outcome outcome(AllocationResult result, String key, String phase) {
    return result.applicant(key).orElseThrow().in(phase).orElseThrow();
  }

  private static String placedAt(AllocationResult result, String key) {
    return result.applicant(key).orElseThrow().placement().map(Outcome.Placed::school).orElse(null);
  }

  @Test
  void keepsItsThreePhasesInOrder() {
    assertEquals(List.of(ZONE, COLLECTIVE, DISTRICT),
        allocation.phases().stream().map(AllocationProcedure.Phase::id).toList());
    assertEquals(List.of(ZONE_REGISTERED_ON, PARENT_REGISTERED_ON, SIMING_REGISTERED_ON),
        allocation.rankingCriteria().stream().map(c -> c.code()).toList());
  }

  @Test
  void admitsEveryZoneChildWhenANonHotSchoolHasSeats() {
    AllocationResult result = run(List.of(school("binbei", 3)),
        child("a", "4", 2021).choosing(ZONE, "binbei"), child("b", "1", 2015).choosing(ZONE, "binbei"));
    for (String key : List.of("a", "b")) {
      Outcome placed = outcome(result, key, ZONE);
      assertInstanceOf(Outcome.Placed.class, placed);
      assertEquals("SIMING_ZONE_WITHIN_SEATS", placed.explanation().rule());
    }
  }

  @Test
  void hotSchoolAdmitsCategoriesOneToThreeByZoneRegistrationDayBeforeCategoryFour() {
    AllocationResult result = run(List.of(school("lianlong", 3).tagged(HOT)),
        child("c4", "4", 2008).choosing(ZONE, "lianlong"),
        child("c1", "1", 2020).choosing(ZONE, "lianlong"),
        child("c2", "2", 2015).choosing(ZONE, "lianlong"),
        child("c3", "3", 2018).choosing(ZONE, "lianlong"),
        child("c1late", "1", 2021).choosing(ZONE, "lianlong"));
    assertEquals(1, outcome(result, "c2", ZONE).explanation().standing().rank());
    assertEquals(2, outcome(result, "c3", ZONE).explanation().standing().rank());
    assertEquals(3, outcome(result, "c1", ZONE).explanation().standing().rank());
    assertEquals(4, outcome(result, "c1late", ZONE).explanation().standing().rank());
    assertEquals(5, outcome(result, "c4", ZONE).explanation().standing().rank());
    for (String admitted : List.of("c2", "c3", "c1")) {
      assertEquals("SIMING_ZONE_BY_PRIORITY", outcome(result, admitted, ZONE).explanation().rule());
    }
    Outcome refused = outcome(result, "c4", ZONE);
    assertInstanceOf(Outcome.NotPlaced.class, refused);
    assertEquals("SIMING_ZONE_SEATS_FULL", refused.explanation().rule());
    assertEquals(3, refused.explanation().lastAdmitted().rank());
    assertEquals("2020-01-01", refused.explanation().lastAdmitted().values().get(ZONE_REGISTERED_ON).text());
    assertTrue(refused.explanation().text().zh().contains("热点片区学校"), refused.explanation().text().zh());
  }

  @Test
  void oversubscribedNonHotSchoolOrdersChildrenAsAHotSchoolDoes() {
    AllocationResult result = run(List.of(school("songbai", 1)),
        child("early4", "4", 2005).choosing(ZONE, "songbai"), child("late1", "1", 2022).choosing(ZONE, "songbai"));
    assertEquals("songbai", placedAt(result, "late1"));
    assertInstanceOf(Outcome.NotPlaced.class, outcome(result, "early4", ZONE));
  }

  @Test
  void breaksEqualZoneDaysByTheParentsDayThenTheLottery() {
    AllocationResult result = run(List.of(school("sibei", 3).tagged(HOT)),
        child("x", "1", 2016).choosing(ZONE, "sibei"),
        child("y", "1", 2016).choosing(ZONE, "sibei"),
        child("z", "1", 2016).choosing(ZONE, "sibei"),
        child("w", "1", 2016).with(PARENT_REGISTERED_ON, LocalDate.of(2005, 1, 1)).choosing(ZONE, "sibei"));
    assertEquals(1, outcome(result, "w", ZONE).explanation().standing().rank());
    List<String> drawn = LOTTERY.draw("sibei", List.of("x", "y", "z"));
    for (int i = 0; i < 3; i++) {
      Outcome o = outcome(result, drawn.get(i), ZONE);
      assertEquals(i + 2, o.explanation().standing().rank());
      assertEquals(LOTTERY.key("sibei", drawn.get(i)), o.explanation().lotteryKey().orElseThrow());
      assertEquals(i < 2, o instanceof Outcome.Placed);
    }
  }

  @Test
  void categoriesFiveAndSevenAreNotAdmittedByTheZoneSchoolAndGoToDistrictPlacement() {
    AllocationResult result = run(List.of(school("binbei", 5), school("other", 5)),
        child("five", "5", 2010).choosing(ZONE, "binbei").choosing(DISTRICT, "other"),
        child("seven", "7", 2023).choosing(ZONE, "binbei").choosing(DISTRICT, "binbei"));
    for (String key : List.of("five", "seven")) {
      assertEquals("SIMING_ZONE_CATEGORY_NOT_ADMITTED", outcome(result, key, ZONE).explanation().rule());
    }
    assertEquals("other", placedAt(result, "five"));
    assertEquals("binbei", placedAt(result, "seven"));
    assertEquals("SIMING_DISTRICT_FIRST_LISTED_WITH_SEAT", outcome(result, "seven", DISTRICT).explanation().rule());
  }

  @Test
  void collectiveHouseholdIsAdmittedByTheSchoolThatTakesThem() {
    AllocationResult result = run(List.of(school("jiabin", 2)),
        child("col", "6", 2019).choosing(COLLECTIVE, "jiabin"));
    Outcome placed = outcome(result, "col", COLLECTIVE);
    assertInstanceOf(Outcome.Placed.class, placed);
    assertEquals("SIMING_COLLECTIVE_WITHIN_SEATS", placed.explanation().rule());
  }

  @Test
  void collectiveHouseholdWithoutSuchSchoolNeedsDistrictPlacement() {
    AllocationResult result = run(List.of(school("jiabin", 2)), child("col", "6", 2019).choosing(DISTRICT, "jiabin"));
    assertEquals("SIMING_COLLECTIVE_NO_SCHOOL", outcome(result, "col", COLLECTIVE).explanation().rule());
    assertEquals("jiabin", placedAt(result, "col"));
  }

  @Test
  void collectiveHouseholdsTakeOnlyTheSeatsZoneChildrenLeft() {
    AllocationResult result = run(List.of(school("jiabin", 2)),
        child("zone", "1", 2019).choosing(ZONE, "jiabin"),
        child("colA", "6", 2012).choosing(COLLECTIVE, "jiabin"),
        child("colB", "6", 2014).choosing(COLLECTIVE, "jiabin"));
    assertEquals("jiabin", placedAt(result, "zone"));
    assertEquals("jiabin", placedAt(result, "colA"));
    assertEquals("SIMING_COLLECTIVE_SEATS_FULL", outcome(result, "colB", COLLECTIVE).explanation().rule());
  }

  @Test
  void districtPlacementServesTheLongestRegisteredHouseholdFirst() {
    AllocationResult result = run(List.of(school("full", 0), school("y", 1), school("z", 1)),
        child("newer", "5", 2020).choosing(DISTRICT, "full", "y"),
        child("older", "5", 2009).choosing(DISTRICT, "y", "z"),
        child("parentOlder", "5", 2020).with(PARENT_REGISTERED_ON, LocalDate.of(2001, 1, 1))
            .choosing(DISTRICT, "y", "z"));
    assertEquals("y", placedAt(result, "older"));
    assertEquals("z", placedAt(result, "parentOlder"));
    Outcome newer = outcome(result, "newer", DISTRICT);
    assertInstanceOf(Outcome.TopUp.class, newer);
    assertEquals("SIMING_DISTRICT_NO_SEAT_LEFT", newer.explanation().rule());
    assertEquals(3, newer.explanation().standing().rank());
  }

  @Test
  void districtPlacementBreaksFullTiesWithTheDistrictWideLottery() {
    AllocationResult result = run(List.of(school("y", 1)),
        child("p", "5", 2015).choosing(DISTRICT, "y"), child("q", "5", 2015).choosing(DISTRICT, "y"));
    String winner = LOTTERY.draw(DISTRICT_LOTTERY_SCOPE, List.of("p", "q")).get(0);
    assertEquals("y", placedAt(result, winner));
    assertEquals(LOTTERY.key(DISTRICT_LOTTERY_SCOPE, winner),
        outcome(result, winner, DISTRICT).explanation().lotteryKey().orElseThrow());
  }

  @Test
  void listsTheUnplacedForTheDistrictsManualAssignment() {
    AllocationResult result = run(List.of(school("y", 0)), child("nobody", "7", 2023));
    Outcome last = result.applicant("nobody").orElseThrow().last().orElseThrow();
    assertInstanceOf(Outcome.TopUp.class, last);
    assertEquals("SIMING_DISTRICT_NO_CHOICES", last.explanation().rule());
    assertEquals(List.of("nobody"), result.topUp().applicants());
  }

  @Test
  void stopsBeforeDistrictPlacementWhenAskedAndTheFullRunKeepsEarlierOutcomes() {
    AllocationInput input = AllocationInput.of(SEED, List.of(school("a", 1)),
        List.of(child("one", "1", 2010).choosing(ZONE, "a"), child("two", "1", 2011).choosing(ZONE, "a")));
    AllocationResult early = allocation.run(input.until(COLLECTIVE));
    assertEquals(List.of(ZONE, COLLECTIVE), early.phases());
    AllocationResult full = allocation.run(input);
    assertEquals(early.applicant("two").orElseThrow().outcomes(),
        full.applicant("two").orElseThrow().outcomes().subList(0, 1));
  }

  @Test
  void rejectsMoreThanFiveDistrictChoices() {
    List<SchoolSeats> schools = List.of(school("a", 1), school("b", 1), school("c", 1), school("d", 1),
        school("e", 1), school("f", 1));
    Applicant six = child("x", "5", 2010).choosing(DISTRICT, "a", "b", "c", "d", "e", "f");
    assertThrows(IllegalArgumentException.class, () -> allocation.run(AllocationInput.of(SEED, schools, List.of(six))));
  }

  @Test
  void rejectsACollectiveChoiceForAChildWhoIsNotACollectiveHousehold() {
    Applicant wrong = child("x", "1", 2010).choosing(COLLECTIVE, "a");
    assertThrows(IllegalArgumentException.class,
        () -> allocation.run(AllocationInput.of(SEED, List.of(school("a", 1)), List.of(wrong))));
  }

  @Test
  void rejectsAnUnknownCategory() {
    assertThrows(IllegalArgumentException.class,
        () -> allocation.run(AllocationInput.of(SEED, List.of(), List.of(child("x", "8", 2010)))));
  }
}
