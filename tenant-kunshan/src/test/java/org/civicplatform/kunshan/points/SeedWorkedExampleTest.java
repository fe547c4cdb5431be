package org.civicplatform.kunshan.points;

import static org.civicplatform.kunshan.points.SeedProfiles.calculate;
import static org.civicplatform.kunshan.points.SeedProfiles.points;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SeedWorkedExampleTest {

  @Test
  void countsTwoHundredFortySevenMonthsOfPropertyAsFortyOneSeventeen() {
    PointsBreakdown breakdown = calculate(SeedProfiles.reviewed());
    assertEquals(Optional.of(points("41.17")), breakdown.value(PointsItem.PROPERTY));
  }

  @Test
  void countsFullRecentAndEightEarlierMonthsOfAllFiveTypesAsSixtySixSixtySeven() {
    PointsBreakdown breakdown = calculate(SeedProfiles.reviewed());
    assertEquals(Optional.of(points("66.67")), breakdown.value(PointsItem.INSURANCE));
  }

  @Test
  void totalsOneHundredSevenEightyFourBeforeTheDepartmentsReview() {
    PointsBreakdown breakdown = calculate(SeedProfiles.beforeDepartmentReview());
    assertEquals(points("107.84"), breakdown.total());
  }

  @Test
  void showsTheUnreviewedLinesAsPendingBeforeTheDepartmentsReview() {
    PointsBreakdown breakdown = calculate(SeedProfiles.beforeDepartmentReview());
    assertEquals(
        EnumSet.of(
            PointsItem.VOCATIONAL,
            PointsItem.TITLE,
            PointsItem.BRAVERY,
            PointsItem.MODEL_WORKER,
            PointsItem.MORAL_MODEL,
            PointsItem.HONOURS,
            PointsItem.LAW_ABIDING),
        breakdown.pending());
    assertEquals(Optional.of(points("0.00")), breakdown.value(PointsItem.EDUCATION));
  }

  @Test
  void totalsOneHundredThirtyTwoEightyFourAfterTheDepartmentsReview() {
    PointsBreakdown breakdown = calculate(SeedProfiles.reviewed());
    assertEquals(points("132.84"), breakdown.total());
    assertTrue(breakdown.pending().isEmpty());
  }

  @Test
  void showsEveryLineOfTheProgressPageAfterTheDepartmentsReview() {
    PointsBreakdown breakdown = calculate(SeedProfiles.reviewed());
    assertEquals(points("41.17"), breakdown.value(PointsItem.PROPERTY).orElseThrow());
    assertEquals(points("0.00"), breakdown.value(PointsItem.EDUCATION).orElseThrow());
    assertEquals(points("5.00"), breakdown.value(PointsItem.VOCATIONAL).orElseThrow());
    assertEquals(points("5.00"), breakdown.value(PointsItem.TITLE).orElseThrow());
    assertEquals(points("5.00"), breakdown.value(PointsItem.TITLE_OR_EDUCATION).orElseThrow());
    assertEquals(points("66.67"), breakdown.value(PointsItem.INSURANCE).orElseThrow());
    assertEquals(points("20.00"), breakdown.value(PointsItem.LAW_ABIDING).orElseThrow());
    assertEquals(points("0.00"), breakdown.value(PointsItem.BRAVERY).orElseThrow());
    assertEquals(points("0.00"), breakdown.value(PointsItem.MODEL_WORKER).orElseThrow());
    assertEquals(points("0.00"), breakdown.value(PointsItem.MORAL_MODEL).orElseThrow());
    assertEquals(points("0.00"), breakdown.value(PointsItem.HONOURS).orElseThrow());
  }

  @Test
  void stampsTheScoreWithTheRuleSetVersion() {
    PointsBreakdown breakdown = calculate(SeedProfiles.reviewed());
    assertEquals("kunshan-2024-default", breakdown.ruleSet());
    assertEquals(2024, breakdown.year());
  }
}
