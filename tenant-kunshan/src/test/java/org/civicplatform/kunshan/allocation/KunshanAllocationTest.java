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
import static org.civicplatform.kunshan.allocation.KunshanAllocation.TOP_UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.civicplatform.spi.allocation.AllocationInput;
import org.civicplatform.spi.allocation.AllocationProcedure;
import org.civicplatform.spi.allocation.AllocationResult;
import org.civicplatform.spi.allocation.Applicant;
import org.civicplatform.spi.allocation.ApplicantResult;
import org.civicplatform.spi.allocation.DistrictLine;
import org.civicplatform.spi.allocation.Explanation;
import org.civicplatform.spi.allocation.Outcome;
import org.civicplatform.spi.allocation.SchoolSeats;
import org.civicplatform.spi.allocation.SeededLottery;
import org.junit.jupiter.api.Test;

class KunshanAllocationTest {

  private static final String SEED = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  private static final String PRIMARY = "PRIMARY";
  private static final SeededLottery LOTTERY = new SeededLottery(SEED);

  private final KunshanAllocation allocation = new KunshanAllocation();

  private static Applicant points(String key, String points) {
    return points(key, points, "50", "0");
  }

  private static Applicant points(String key, String points, String insurance, String property) {
    return Applicant.of(key, "hq", PRIMARY, POINTS_APPLICANT).reviewComplete(true)
        .with(POINTS, new BigDecimal(points)).with(INSURANCE, new BigDecimal(insurance))
        .with(PROPERTY, new BigDecimal(property));
  }

  private static Applicant nonPoints(String key) {
    return Applicant.of(key, "hq", PRIMARY, NON_POINTS_APPLICANT);
  }

  private static SchoolSeats publicSchool(String code, int seats) {
    return SchoolSeats.ofPublic(code, "hq", PRIMARY, seats);
  }

  private static SchoolSeats privateSchool(String code, int seats) {
    return SchoolSeats.ofPrivate(code, "hq", PRIMARY, seats);
  }

  private AllocationResult run(List<SchoolSeats> schools, Applicant... applicants) {
    return allocation.run(AllocationInput.of(SEED, schools, List.of(applicants)));
  }

  private static Outcome outcome(AllocationResult result, String applicant, String phase) {
    return result.applicant(applicant).orElseThrow().in(phase).orElseThrow();
  }

  private static ApplicantResult of(AllocationResult result, String applicant) {
    return result.applicant(applicant).orElseThrow();
  }

  @Test
  void keepsItsFivePhasesInAdmissionOrder() {
    assertEquals(List.of(PRIVATE_1, PUBLIC, SECOND_ROUND, PRIVATE_2, TOP_UP),
        allocation.phases().stream().map(AllocationProcedure.Phase::id).toList());
    assertEquals(List.of(POINTS, INSURANCE, PROPERTY, PERMIT_ISSUED_ON),
        allocation.rankingCriteria().stream().map(c -> c.code()).toList());
  }

  @Test
  void admitsBySeatsWhenPrivateSchoolIsNotOversubscribed() {
    AllocationResult result = run(List.of(privateSchool("kangqiao", 3)),
        points("a", "100").choosing(PRIVATE_1, "kangqiao"), nonPoints("b").choosing(PRIVATE_1, "kangqiao"));
    for (String key : List.of("a", "b")) {
      Outcome.Placed placed = assertInstanceOf(Outcome.Placed.class, outcome(result, key, PRIVATE_1));
      assertEquals("kangqiao", placed.school());
      assertEquals("KUNSHAN_PRIVATE_1_WITHIN_SEATS", placed.explanation().rule());
      assertTrue(placed.explanation().lotteryKey().isEmpty());
    }
    assertEquals(1, result.school("kangqiao", PRIMARY).orElseThrow().seatsLeft());
  }

  @Test
  void drawsByTheSeededLotteryWhenPrivateSchoolIsOversubscribed() {
    List<String> keys = List.of("a", "b", "c", "d", "e");
    List<Applicant> applicants = new ArrayList<>();
    keys.forEach(k -> applicants.add(nonPoints(k).choosing(PRIVATE_1, "kangqiao")));
    AllocationResult result = run(List.of(privateSchool("kangqiao", 2)), applicants.toArray(Applicant[]::new));

    List<String> drawn = LOTTERY.draw("kangqiao", keys);
    for (int i = 0; i < keys.size(); i++) {
      Outcome outcome = outcome(result, drawn.get(i), PRIVATE_1);
      assertEquals(i < 2, outcome instanceof Outcome.Placed);
      Explanation why = outcome.explanation();
      assertEquals(i + 1, why.standing().rank());
      assertEquals(LOTTERY.key("kangqiao", drawn.get(i)), why.lotteryKey().orElseThrow());
      assertEquals(2, why.lastAdmitted().rank());
      assertEquals(5, why.candidates());
    }
  }

  @Test
  void childAdmittedInPhaseOneLeavesAllLaterPhases() {
    AllocationResult result = run(List.of(privateSchool("kangqiao", 1), publicSchool("bailu", 5),
            privateSchool("yangcheng", 5)),
        points("a", "200").choosing(PRIVATE_1, "kangqiao").choosing(PUBLIC, "bailu").choosing(PRIVATE_2, "yangcheng"));
    assertEquals(1, of(result, "a").outcomes().size());
    assertEquals("kangqiao", of(result, "a").placement().orElseThrow().school());
  }

  @Test
  void ranksPublicCandidatesByPointsThenInsuranceThenPropertyThenPermitDate() {
    AllocationResult result = run(List.of(publicSchool("bailu", 10)),
        points("f", "110", "50", "0").choosing(PUBLIC, "bailu"),
        points("e", "110", "50", "0").with(PERMIT_ISSUED_ON, LocalDate.of(2019, 1, 1)).choosing(PUBLIC, "bailu"),
        points("d", "110", "50", "0").with(PERMIT_ISSUED_ON, LocalDate.of(2018, 1, 1)).choosing(PUBLIC, "bailu"),
        points("c", "110", "50", "41.17").choosing(PUBLIC, "bailu"),
        points("b", "110", "60", "0").choosing(PUBLIC, "bailu"),
        points("a", "120", "10", "0").choosing(PUBLIC, "bailu"));
    List<String> byRank = List.of("a", "b", "c", "d", "e", "f");
    for (int i = 0; i < byRank.size(); i++) {
      assertEquals(i + 1, outcome(result, byRank.get(i), PUBLIC).explanation().standing().rank(), byRank.get(i));
    }
  }

  @Test
  void breaksFullTiesWithTheLotteryKeyOfTheDistrict() {
    AllocationResult result = run(List.of(publicSchool("bailu", 10)),
        points("x", "100").choosing(PUBLIC, "bailu"), points("y", "100").choosing(PUBLIC, "bailu"),
        points("z", "100").choosing(PUBLIC, "bailu"));
    List<String> drawn = LOTTERY.draw("hq", List.of("x", "y", "z"));
    for (int i = 0; i < drawn.size(); i++) {
      Explanation why = outcome(result, drawn.get(i), PUBLIC).explanation();
      assertEquals(i + 1, why.standing().rank());
      assertEquals(LOTTERY.key("hq", drawn.get(i)), why.lotteryKey().orElseThrow());
    }
  }

  /** S = 3 (X has 1 seat, Y has 2): p1 → X, p2 inside the line but X full, p3 → Y, p4 and p5 outside. */
  private AllocationResult districtWithThreeSeats(Applicant... more) {
    List<Applicant> applicants = new ArrayList<>(List.of(
        points("p1", "150").choosing(PUBLIC, "X"),
        points("p2", "140").choosing(PUBLIC, "X").choosing(SECOND_ROUND, "X", "Y"),
        points("p3", "130").choosing(PUBLIC, "Y"),
        points("p4", "120").choosing(PUBLIC, "Y"),
        points("p5", "110").choosing(PUBLIC, "X")));
    applicants.addAll(List.of(more));
    return allocation.run(AllocationInput.of(SEED, List.of(publicSchool("X", 1), publicSchool("Y", 2)), applicants));
  }

  @Test
  void districtLineAdmitsTheFirstRanksUpToTheDistrictsPublicSeats() {
    AllocationResult result = districtWithThreeSeats();
    DistrictLine line = result.districtLines().get(0);
    assertEquals(3, line.seats());
    assertEquals(5, line.candidates());
    assertEquals(3, line.lastInside().rank());
    assertEquals("130", line.lastInside().values().get(POINTS).text());
    assertInstanceOf(Outcome.Placed.class, outcome(result, "p1", PUBLIC));
    assertInstanceOf(Outcome.Placed.class, outcome(result, "p3", PUBLIC));
  }

  @Test
  void marksChildInsideTheLineWhoseSchoolIsFullAsSecondRoundEligible() {
    Outcome outcome = outcome(districtWithThreeSeats(), "p2", PUBLIC);
    assertInstanceOf(Outcome.SecondRoundEligible.class, outcome);
    Explanation why = outcome.explanation();
    assertEquals("KUNSHAN_PUBLIC_INSIDE_LINE_SCHOOL_FULL", why.rule());
    assertEquals(2, why.standing().rank());
    assertEquals("140", why.standing().values().get(POINTS).text());
    assertEquals(1, why.lastAdmitted().rank());
    assertEquals("150", why.lastAdmitted().values().get(POINTS).text());
    assertEquals(3, why.districtLine().rank());
    assertTrue(why.text().zh().contains("可二次填报"), why.text().zh());
    assertTrue(why.text().en().contains("second-round"), why.text().en());
  }

  @Test
  void tellsEachLanguageTheLastAdmittedRankInItsOwnWords() {
    Explanation why = outcome(districtWithThreeSeats(), "p2", PUBLIC).explanation();
    assertTrue(why.text().zh().contains("最后录取 第 1 名"), why.text().zh());
    assertTrue(why.text().en().contains("last admitted: rank 1"), why.text().en());
  }

  @Test
  void refusesChildOutsideTheDistrictLineEvenWhenTheirSchoolHasSeats() {
    AllocationResult result = districtWithThreeSeats();
    Outcome outcome = outcome(result, "p4", PUBLIC);
    assertInstanceOf(Outcome.NotPlaced.class, outcome);
    assertEquals("KUNSHAN_PUBLIC_OUTSIDE_LINE", outcome.explanation().rule());
    assertEquals(4, outcome.explanation().standing().rank());
    assertEquals(0, result.school("Y", PRIMARY).orElseThrow().seatsLeft(), "p2 took Y's seat in the second round");
  }

  @Test
  void secondRoundGivesTheFirstListedSchoolThatStillHasASeat() {
    AllocationResult result = districtWithThreeSeats();
    Outcome.Placed placed = assertInstanceOf(Outcome.Placed.class, outcome(result, "p2", SECOND_ROUND));
    assertEquals("Y", placed.school());
    assertEquals("KUNSHAN_SECOND_ROUND_FIRST_LISTED_WITH_SEAT", placed.explanation().rule());
    assertTrue(placed.explanation().text().zh().contains("第 2 志愿"), placed.explanation().text().zh());
  }

  @Test
  void secondRoundServesHigherRanksFirstSoNobodyLosesASeatToALowerRank() {
    AllocationResult result = run(
        List.of(publicSchool("X", 1), publicSchool("Y", 1), publicSchool("Z", 1), publicSchool("W", 1)),
        points("a", "150").choosing(PUBLIC, "X"),
        points("b", "140").choosing(PUBLIC, "X").choosing(SECOND_ROUND, "Z", "Y"),
        points("c", "130").choosing(PUBLIC, "X").choosing(SECOND_ROUND, "Z"),
        points("d", "120").choosing(PUBLIC, "X").choosing(SECOND_ROUND, "Z", "Y"));
    assertEquals("Z", of(result, "b").placement().orElseThrow().school());
    Outcome c = outcome(result, "c", SECOND_ROUND);
    assertInstanceOf(Outcome.NotPlaced.class, c);
    assertEquals("KUNSHAN_SECOND_ROUND_NO_SEAT_LEFT", c.explanation().rule());
    assertEquals("Y", of(result, "d").placement().orElseThrow().school());
    assertEquals(1, result.school("W", PRIMARY).orElseThrow().seatsLeft());
  }

  @Test
  void childWithoutSecondRoundChoicesIsNotAdmittedInTheSecondRound() {
    AllocationResult result = run(List.of(publicSchool("X", 1), publicSchool("Y", 1)),
        points("a", "150").choosing(PUBLIC, "X"), points("b", "140").choosing(PUBLIC, "X"));
    assertEquals("KUNSHAN_SECOND_ROUND_NO_CHOICES", outcome(result, "b", SECOND_ROUND).explanation().rule());
    assertInstanceOf(Outcome.TopUp.class, of(result, "b").last().orElseThrow());
  }

  @Test
  void childUnplacedInTheSecondRoundGoesOnToPrivatePhaseTwo() {
    AllocationResult result = run(List.of(publicSchool("X", 1), publicSchool("Y", 1), privateSchool("yangcheng", 4)),
        points("a", "150").choosing(PUBLIC, "X"),
        points("b", "140").choosing(PUBLIC, "X").choosing(SECOND_ROUND, "X").choosing(PRIVATE_2, "yangcheng"));
    assertInstanceOf(Outcome.NotPlaced.class, outcome(result, "b", SECOND_ROUND));
    assertEquals("yangcheng", of(result, "b").placement().orElseThrow().school());
  }

  @Test
  void doesNotRankPointsApplicantWhoseReviewIsIncomplete() {
    AllocationResult result = run(List.of(publicSchool("X", 5)),
        points("a", "300").reviewComplete(false).choosing(PUBLIC, "X"), points("b", "100").choosing(PUBLIC, "X"));
    Outcome a = outcome(result, "a", PUBLIC);
    assertInstanceOf(Outcome.NotPlaced.class, a);
    assertEquals("KUNSHAN_PUBLIC_REVIEW_INCOMPLETE", a.explanation().rule());
    assertEquals(1, outcome(result, "b", PUBLIC).explanation().standing().rank());
    assertEquals(1, result.districtLines().get(0).candidates());
  }

  @Test
  void doesNotRankNonPointsApplicantForPublicSchools() {
    AllocationResult result = run(List.of(publicSchool("X", 5)), nonPoints("n").choosing(PUBLIC, "X"));
    assertEquals("KUNSHAN_PUBLIC_NOT_POINTS_APPLICANT", outcome(result, "n", PUBLIC).explanation().rule());
  }

  @Test
  void phaseTwoTakesPointsApplicantsByPointsBeforeDrawingNonPointsApplicants() {
    AllocationResult result = run(List.of(privateSchool("yangcheng", 3)),
        points("p", "100").choosing(PRIVATE_2, "yangcheng"),
        points("q", "120").choosing(PRIVATE_2, "yangcheng"),
        points("unreviewed", "500").reviewComplete(false).choosing(PRIVATE_2, "yangcheng"),
        nonPoints("n1").choosing(PRIVATE_2, "yangcheng"),
        nonPoints("n2").choosing(PRIVATE_2, "yangcheng"));
    assertEquals(1, outcome(result, "q", PRIVATE_2).explanation().standing().rank());
    assertEquals(2, outcome(result, "p", PRIVATE_2).explanation().standing().rank());
    assertEquals("KUNSHAN_PRIVATE_2_BY_POINTS", outcome(result, "q", PRIVATE_2).explanation().rule());
    List<String> drawn = LOTTERY.draw("yangcheng", List.of("unreviewed", "n1", "n2"));
    Outcome third = outcome(result, drawn.get(0), PRIVATE_2);
    assertInstanceOf(Outcome.Placed.class, third);
    assertEquals("KUNSHAN_PRIVATE_2_DRAWN", third.explanation().rule());
    for (String loser : drawn.subList(1, 3)) {
      assertEquals("KUNSHAN_PRIVATE_2_NOT_DRAWN", outcome(result, loser, PRIVATE_2).explanation().rule());
    }
  }

  @Test
  void topUpListsUnplacedChildrenAndSchoolsWithSeatsLeft() {
    AllocationResult result = run(List.of(publicSchool("X", 1), publicSchool("Y", 3), privateSchool("yangcheng", 0)),
        points("a", "150").choosing(PUBLIC, "X"),
        nonPoints("n").choosing(PRIVATE_2, "yangcheng"),
        nonPoints("nothing"));
    assertEquals(List.of("n", "nothing"), result.topUp().applicants());
    assertEquals(List.of("Y"), result.topUp().schools().stream().map(t -> t.school()).toList());
    Outcome last = of(result, "nothing").last().orElseThrow();
    assertEquals(TOP_UP, last.phase());
    assertEquals("KUNSHAN_TOP_UP_LISTED", last.explanation().rule());
  }

  @Test
  void stopsAfterThePublicPhaseAndARerunWithSecondRoundChoicesKeepsTheEarlierPhases() {
    List<SchoolSeats> schools = List.of(publicSchool("X", 1), publicSchool("Y", 1));
    List<Applicant> applicants = List.of(points("a", "150").choosing(PUBLIC, "X"),
        points("b", "140").choosing(PUBLIC, "X"));
    AllocationResult first = allocation.run(AllocationInput.of(SEED, schools, applicants).until(PUBLIC));
    assertEquals(List.of(PRIVATE_1, PUBLIC), first.phases());
    assertInstanceOf(Outcome.SecondRoundEligible.class, of(first, "b").last().orElseThrow());

    List<Applicant> filed = List.of(applicants.get(0), applicants.get(1).choosing(SECOND_ROUND, "Y"));
    AllocationResult second = allocation.run(AllocationInput.of(SEED, schools, filed));
    for (String key : List.of("a", "b")) {
      assertEquals(outcome(first, key, PUBLIC), outcome(second, key, PUBLIC));
    }
    assertEquals("Y", of(second, "b").placement().orElseThrow().school());
  }

  @Test
  void sameInputAndSeedGiveTheSameCanonicalText() {
    AllocationResult once = districtWithThreeSeats();
    AllocationResult again = districtWithThreeSeats();
    assertEquals(once, again);
    assertEquals(once.canonical(), again.canonical());
    assertEquals(SeededLottery.commitment(SEED), once.seedCommitment());
  }

  @Test
  void rejectsMoreThanTenSecondRoundChoices() {
    List<SchoolSeats> schools = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      schools.add(publicSchool("s" + i, 1));
      codes.add("s" + i);
    }
    Applicant a = points("a", "1").choosing(PUBLIC, "s0").choosing(SECOND_ROUND, codes);
    assertThrows(IllegalArgumentException.class, () -> allocation.run(AllocationInput.of(SEED, schools, List.of(a))));
  }

  @Test
  void rejectsAnUnknownCategoryAndAPublicChoiceOutsideTheApplicantsDistrict() {
    List<SchoolSeats> schools = List.of(SchoolSeats.ofPublic("far", "zz", PRIMARY, 3));
    assertThrows(IllegalArgumentException.class, () -> allocation.run(AllocationInput.of(SEED, schools,
        List.of(Applicant.of("a", "hq", PRIMARY, "积分生")))));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> allocation.run(
        AllocationInput.of(SEED, schools, List.of(points("a", "1").choosing(PUBLIC, "far")))));
    assertTrue(e.getMessage().contains("far"), e.getMessage());
  }

  @Test
  void rejectsAReviewedPointsApplicantWithoutPoints() {
    Applicant a = Applicant.of("a", "hq", PRIMARY, POINTS_APPLICANT).reviewComplete(true);
    assertThrows(IllegalArgumentException.class,
        () -> allocation.run(AllocationInput.of(SEED, List.of(), List.of(a))));
  }

  @Test
  void placedChildHasNoDistrictLineWhenNoPublicPhaseDecided() {
    AllocationResult result = run(List.of(privateSchool("kangqiao", 1)), nonPoints("a").choosing(PRIVATE_1, "kangqiao"));
    assertNull(outcome(result, "a", PRIVATE_1).explanation().districtLine());
    assertTrue(result.districtLines().isEmpty());
  }
}
