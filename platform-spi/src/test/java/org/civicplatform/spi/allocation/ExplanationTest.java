package org.civicplatform.spi.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.civicplatform.spi.LocalizedText;
import org.junit.jupiter.api.Test;

class ExplanationTest {

  @Test
  void givesEachLanguageItsOwnTextOfALocalizedArgument() {
    LocalizedText text = Explanation.say("%s：第 %d 名", "%s: rank %d", LocalizedText.of("热点学校", "Hot school"), 3);
    assertEquals("热点学校：第 3 名", text.zh());
    assertEquals("Hot school: rank 3", text.en());
  }

  @Property(tries = 300)
  void fillsPatternsExactlyAsStringFormatDoes(@ForAll int number, @ForAll String text, @ForAll long big) {
    String pattern = "排名第 %d 名（%s）100%% sure, %d";
    assertEquals(String.format(Locale.ROOT, pattern, number, text, big), Explanation.fill(pattern, number, text, big));
  }

  @Test
  void fallsBackToStringFormatForOtherConversions() {
    assertEquals(String.format(Locale.ROOT, "%.2f|%5d", 1.5, 7), Explanation.fill("%.2f|%5d", 1.5, 7));
  }

  @Test
  void refusesArgumentsThatThePatternDoesNotUse() {
    // an unused argument is a mistake in the caller (e.g. an English word given only to the Chinese text)
    assertThrows(IllegalArgumentException.class, () -> Explanation.fill("第 %d 名", 1, "rank 1"));
    assertThrows(IllegalArgumentException.class, () -> Explanation.say("第 %d 名", "rank %d", 1, 2));
  }

  @Test
  void showsTheLotteryKeyOnlyWhenTheLotteryDecided() {
    Explanation drawn = Explanation.ranked("R", LocalizedText.of("z", "e"), 2,
        new Standing(1, null, java.util.Map.of(), "abc"));
    assertEquals("abc", drawn.lotteryKey().orElseThrow());
    assertEquals(true, Explanation.of("R", LocalizedText.of("z", "e")).lotteryKey().isEmpty());
  }
}
