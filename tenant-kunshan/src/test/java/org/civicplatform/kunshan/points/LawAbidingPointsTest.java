package org.civicplatform.kunshan.points;

import static org.civicplatform.kunshan.points.SeedProfiles.calculate;
import static org.civicplatform.kunshan.points.SeedProfiles.points;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LawAbidingPointsTest {

  @Test
  void givesTwentyForACleanPublicSecurityRecord() {
    PointsBreakdown breakdown = calculate(PointsProfile.empty().withLawAbiding(true));
    assertEquals(points("20.00"), breakdown.value(PointsItem.LAW_ABIDING).orElseThrow());
    assertEquals(points("20.00"), breakdown.total());
  }

  @Test
  void givesNothingAfterADetentionOrPenalty() {
    PointsBreakdown breakdown = calculate(PointsProfile.empty().withLawAbiding(false));
    assertEquals(points("0.00"), breakdown.value(PointsItem.LAW_ABIDING).orElseThrow());
  }

  @Test
  void isPendingUntilPublicSecurityHasReviewed() {
    PointsBreakdown breakdown = calculate(PointsProfile.empty().withLawAbiding(null));
    assertTrue(breakdown.isPending(PointsItem.LAW_ABIDING));
    assertEquals(points("0.00"), breakdown.total());
  }

  @Test
  void looksBackThreeYearsBeforeTheCutOff() {
    assertEquals(java.time.LocalDate.of(2021, 3, 31), RuleSet.default2024().lawAbidingSince());
  }
}
