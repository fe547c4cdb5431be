package org.civicplatform.spi.allocation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * The seeded lottery is fair: over many seeds every candidate is equally likely to be drawn at a given
 * position. Chi-square goodness of fit at p = 0.001; the jqwik seed is fixed, so the test is not flaky.
 */
class LotteryUniformityTest {

  /** Chi-square critical values at p = 0.001 for 1 … 9 degrees of freedom. */
  private static final double[] CRITICAL = {10.828, 13.816, 16.266, 18.467, 20.515, 22.458, 24.322, 26.124, 27.877};

  private static final int DRAWS = 4000;

  @Property(tries = 12, seed = "20240331")
  void everyCandidateIsEquallyLikelyToBeDrawnFirst(
      @ForAll @IntRange(min = 2, max = 10) int candidates,
      @ForAll @AlphaChars @StringLength(min = 1, max = 10) String prefix) {
    List<String> applicants = new ArrayList<>();
    for (int i = 0; i < candidates; i++) {
      applicants.add(prefix + "-" + i);
    }
    long[] first = new long[candidates];
    long[] last = new long[candidates];
    for (int d = 0; d < DRAWS; d++) {
      SeededLottery lottery = new SeededLottery(SeededLottery.commitment(prefix + "/" + d));
      List<String> order = lottery.draw("school-" + prefix, applicants);
      first[applicants.indexOf(order.get(0))]++;
      last[applicants.indexOf(order.get(candidates - 1))]++;
    }
    double critical = CRITICAL[candidates - 2];
    assertTrue(chiSquare(first) < critical, "first position not uniform, chi2=" + chiSquare(first));
    assertTrue(chiSquare(last) < critical, "last position not uniform, chi2=" + chiSquare(last));
  }

  @Property(tries = 8, seed = "20220711")
  void lotteryKeysSpreadEvenlyOverTheirFirstHexDigit(@ForAll @AlphaChars @StringLength(min = 1, max = 8) String school) {
    long[] counts = new long[16];
    SeededLottery lottery = new SeededLottery(SeededLottery.commitment(school));
    for (int i = 0; i < 16 * 400; i++) {
      counts[Character.digit(lottery.key(school, "applicant-" + i).charAt(0), 16)]++;
    }
    assertTrue(chiSquare(counts) < 37.697, "first hex digit not uniform, chi2=" + chiSquare(counts)); // df 15
  }

  static double chiSquare(long[] observed) {
    long total = 0;
    for (long o : observed) {
      total += o;
    }
    double expected = (double) total / observed.length;
    double chi = 0;
    for (long o : observed) {
      chi += (o - expected) * (o - expected) / expected;
    }
    return chi;
  }
}
