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

/**
 * An applicant's input text written directly (once per application while a run reads them) is the same
 * text as the generic canonical writer gives for its sorted-map form, whatever the applicant holds.
 */
class ApplicantInputCanonicalTest {

  private static final String[] WORDS = {"", "a", "POINTS", "quote \" back \\ tab\t", "line\nbreak", "𠀀𪚥 生僻字",
      "\u0001ctl", "pub-5-13", "PRIVATE_2", "区镇"};

  @Property(tries = 300)
  void theDirectlyWrittenTextIsTheGenericWritersTextOfTheSortedForm(@ForAll long seed) {
    java.util.Random random = new java.util.Random(seed);
    Map<String, RankingValue> values = new TreeMap<>();
    for (int i = random.nextInt(5); i > 0; i--) {
      values.put(word(random) + i, random.nextBoolean()
          ? RankingValue.amount(new BigDecimal(random.nextInt(100_000)).movePointLeft(random.nextInt(4)))
          : RankingValue.day(LocalDate.of(2010, 1, 1).plusDays(random.nextInt(4000))));
    }
    Map<String, List<String>> choices = new TreeMap<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      List<String> schools = new ArrayList<>();
      for (int k = random.nextInt(4); k > 0; k--) {
        schools.add(word(random) + k);
      }
      choices.put(word(random) + i, schools);
    }
    Applicant applicant = new Applicant(Long.toHexString(seed) + word(random), word(random), word(random),
        word(random), random.nextBoolean(), values, choices);
    assertEquals(CanonicalJson.write(AllocationInput.applicantForm(applicant)), AllocationInput.canonical(applicant));
  }

  private static String word(java.util.Random random) {
    return WORDS[random.nextInt(WORDS.length)];
  }
}
