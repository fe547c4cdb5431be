package org.civicplatform.kunshan.points;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class PointsMessagesTest {

  @Test
  void hasEveryMessageInChineseAndEnglish() {
    assertEquals(
        PointsMessages.bundle(Locale.SIMPLIFIED_CHINESE).keySet(),
        PointsMessages.bundle(Locale.ENGLISH).keySet());
  }

  @Test
  void fillsInArgumentsWithoutGroupingDigits() {
    assertEquals(
        "There is no points rule set for 2023. Years with a rule set: 2024.",
        PointsMessages.text("points.year.unknown", "2023", "2024").en());
  }
}
