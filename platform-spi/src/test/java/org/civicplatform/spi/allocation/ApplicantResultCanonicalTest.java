package org.civicplatform.spi.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.civicplatform.spi.LocalizedText;

/**
 * An applicant's result written directly (the fast path a run uses 100 000 times) is the same text as the
 * generic canonical writer gives for its sorted-map form, whatever the outcomes hold.
 */
class ApplicantResultCanonicalTest {

  private static final String[] WORDS = {"", "a", "拟录取", "rank \"1\" \\ tab\t", "line\nbreak", "𠀀𪚥 生僻字",
      "\u0001ctl", "%d%%", "PUBLIC", "区镇准入线（前 5 名）"};

  @Property(tries = 300)
  void theDirectlyWrittenTextIsTheGenericWritersTextOfTheSortedForm(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 5) int outcomes) {
    java.util.Random random = new java.util.Random(seed);
    List<Outcome> list = new ArrayList<>();
    for (int i = 0; i < outcomes; i++) {
      Explanation e = new Explanation(word(random) + "RULE", LocalizedText.of(word(random), word(random)),
          random.nextInt(3) == 0 ? 0 : random.nextInt(10_000), standing(random), standing(random), standing(random));
      String phase = "P" + i;
      String school = random.nextBoolean() ? "s-" + random.nextInt(300) : null;
      list.add(switch (random.nextInt(4)) {
        case 0 -> new Outcome.Placed(phase, school == null ? "s" : school, e);
        case 1 -> new Outcome.NotPlaced(phase, school, e);
        case 2 -> new Outcome.SecondRoundEligible(phase, school == null ? "s" : school, e);
        default -> new Outcome.TopUp(phase, e);
      });
    }
    ApplicantResult result = new ApplicantResult(Long.toHexString(seed) + word(random), list);
    assertEquals(CanonicalJson.write(result.canonicalForm()), result.canonical());
  }

  private static String word(java.util.Random random) {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private static Standing standing(java.util.Random random) {
    if (random.nextInt(3) == 0) {
      return null;
    }
    Map<String, RankingValue> values = new TreeMap<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      values.put(random.nextBoolean() ? "points" : "z" + word(random) + i, random.nextBoolean()
          ? RankingValue.amount(new BigDecimal(random.nextInt(100_000)).movePointLeft(2).toPlainString())
          : RankingValue.day(LocalDate.of(2010, 1, 1).plusDays(random.nextInt(4000))));
    }
    return new Standing(1 + random.nextInt(9000), random.nextBoolean() ? "POINTS" : null, values,
        random.nextBoolean() ? Long.toHexString(random.nextLong()) : null);
  }
}
