package org.civicplatform.spi.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RankingTest {

  private static final String SEED = "seed-for-ranking";
  private static final Ranking POINTS_THEN_DATE =
      new Ranking(List.of(
          RankingCriterion.highestFirst("points", "总积分", "points"),
          RankingCriterion.lowestFirst("since", "日期", "since")));

  private static Applicant applicant(String key, String points, LocalDate since) {
    Applicant a = Applicant.of(key, "d", "PRIMARY", "POINTS").with("points", RankingValue.amount(points));
    return since == null ? a : a.with("since", since);
  }

  private static List<String> keys(List<Ranking.Ranked> ranked) {
    return ranked.stream().map(Ranking.Ranked::applicantKey).toList();
  }

  @Test
  void ranksByTheFirstCriterionThenTheNext() {
    List<Ranking.Ranked> ranked = POINTS_THEN_DATE.rank(List.of(
        applicant("a", "100", LocalDate.of(2020, 1, 1)),
        applicant("b", "120.5", LocalDate.of(2021, 1, 1)),
        applicant("c", "100.00", LocalDate.of(2019, 6, 1))), new SeededLottery(SEED), "d");
    assertEquals(List.of("b", "c", "a"), keys(ranked));
    assertEquals(List.of(1, 2, 3), ranked.stream().map(Ranking.Ranked::rank).toList());
  }

  @Test
  void putsAnApplicantWithoutAValueAfterEveryApplicantWithIt() {
    List<Ranking.Ranked> ranked = POINTS_THEN_DATE.rank(List.of(
        applicant("a", "100", null), applicant("b", "100", LocalDate.of(2023, 1, 1))),
        new SeededLottery(SEED), "d");
    assertEquals(List.of("b", "a"), keys(ranked));
  }

  @Test
  void separatesFullTiesByTheLotteryKeyAndShowsTheKey() {
    SeededLottery lottery = new SeededLottery(SEED);
    LocalDate day = LocalDate.of(2020, 1, 1);
    List<Ranking.Ranked> ranked = POINTS_THEN_DATE.rank(List.of(
        applicant("x", "90", day), applicant("y", "90", day), applicant("z", "95", day)), lottery, "district-9");
    assertEquals("z", ranked.get(0).applicantKey());
    assertNull(ranked.get(0).standing().lotteryKey());
    List<String> expected = lottery.draw("district-9", List.of("x", "y"));
    assertEquals(expected, keys(ranked.subList(1, 3)));
    assertEquals(lottery.key("district-9", expected.get(0)), ranked.get(1).standing().lotteryKey());
    assertNotNull(ranked.get(2).standing().lotteryKey());
  }

  @Test
  void standingShowsTheValuesRankedBy() {
    Applicant a = applicant("a", "132.84", LocalDate.of(2020, 1, 1)).with("unused", RankingValue.amount("1"));
    Standing standing = POINTS_THEN_DATE.rank(List.of(a), new SeededLottery(SEED), "d").get(0).standing();
    assertEquals(List.of("points", "since"), new ArrayList<>(standing.values().keySet()));
    assertEquals("132.84", standing.values().get("points").text());
  }

  @Property(tries = 200)
  void rankingDoesNotDependOnTheOrderCandidatesAreGiven(
      @ForAll @IntRange(min = 0, max = 40) int size, @ForAll long seed) {
    Random random = new Random(seed);
    List<Applicant> applicants = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      applicants.add(applicant("k" + i, String.valueOf(random.nextInt(3) * 10),
          random.nextBoolean() ? null : LocalDate.of(2020, 1 + random.nextInt(2), 1)));
    }
    List<Applicant> shuffled = new ArrayList<>(applicants);
    Collections.shuffle(shuffled, random);
    SeededLottery lottery = new SeededLottery(SEED + seed);
    assertEquals(POINTS_THEN_DATE.rank(applicants, lottery, "d"), POINTS_THEN_DATE.rank(shuffled, lottery, "d"));
  }
}
