package org.civicplatform.kunshan.points;

import static org.civicplatform.kunshan.points.SeedProfiles.calculate;
import static org.civicplatform.kunshan.points.SeedProfiles.points;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleOrEducationPointsTest {

  @ParameterizedTest
  @CsvSource({
    "NONE, 0.00",
    "JUNIOR_COLLEGE, 5.00",
    "BACHELOR, 10.00",
    "MASTER, 15.00",
    "DOCTOR, 20.00"
  })
  void givesTheEducationTablePoints(Education education, String expected) {
    PointsBreakdown breakdown = calculate(PointsProfile.empty().withEducation(education));
    assertEquals(points(expected), breakdown.value(PointsItem.EDUCATION).orElseThrow());
    assertEquals(points(expected), breakdown.value(PointsItem.TITLE_OR_EDUCATION).orElseThrow());
  }

  @ParameterizedTest
  @CsvSource({
    "NONE, 0.00",
    "LEVEL5, 2.00",
    "LEVEL4, 5.00",
    "LEVEL3, 10.00",
    "LEVEL2, 15.00",
    "LEVEL1, 20.00"
  })
  void givesTheVocationalQualificationTablePoints(VocationalLevel level, String expected) {
    PointsBreakdown breakdown = calculate(PointsProfile.empty().withVocationalLevel(level));
    assertEquals(points(expected), breakdown.value(PointsItem.VOCATIONAL).orElseThrow());
    assertEquals(points(expected), breakdown.value(PointsItem.TITLE_OR_EDUCATION).orElseThrow());
  }

  @ParameterizedTest
  @CsvSource({
    "NONE, 0.00",
    "JUNIOR, 5.00",
    "INTERMEDIATE, 10.00",
    "ASSOCIATE_SENIOR, 15.00",
    "SENIOR, 20.00"
  })
  void givesTheProfessionalTitleTablePoints(TitleLevel level, String expected) {
    PointsBreakdown breakdown = calculate(PointsProfile.empty().withTitleLevel(level));
    assertEquals(points(expected), breakdown.value(PointsItem.TITLE).orElseThrow());
    assertEquals(points(expected), breakdown.value(PointsItem.TITLE_OR_EDUCATION).orElseThrow());
  }

  @Test
  void countsOnlyTheHighestOfEducationQualificationAndTitle() {
    PointsBreakdown breakdown =
        calculate(
            PointsProfile.empty()
                .withEducation(Education.BACHELOR)
                .withVocationalLevel(VocationalLevel.LEVEL2)
                .withTitleLevel(TitleLevel.INTERMEDIATE));
    assertEquals(points("15.00"), breakdown.value(PointsItem.TITLE_OR_EDUCATION).orElseThrow());
    assertEquals(points("35.00"), breakdown.total());
  }

  @Test
  void countsEqualLinesOnceNotTwice() {
    PointsBreakdown breakdown =
        calculate(
            PointsProfile.empty()
                .withVocationalLevel(VocationalLevel.LEVEL4)
                .withTitleLevel(TitleLevel.JUNIOR));
    assertEquals(points("5.00"), breakdown.value(PointsItem.TITLE_OR_EDUCATION).orElseThrow());
    assertEquals(points("25.00"), breakdown.total());
  }

  @Test
  void takesTheHighestOfTheConfirmedLinesWhileOthersArePending() {
    PointsBreakdown breakdown =
        calculate(
            PointsProfile.empty()
                .withEducation(Education.JUNIOR_COLLEGE)
                .withTitleLevel(TitleLevel.SENIOR)
                .withPending(PointsItem.TITLE));
    assertTrue(breakdown.isPending(PointsItem.TITLE));
    assertEquals(points("5.00"), breakdown.value(PointsItem.TITLE_OR_EDUCATION).orElseThrow());
  }

  @Test
  void isPendingWhileAllThreeLinesArePending() {
    PointsBreakdown breakdown =
        calculate(
            PointsProfile.empty()
                .withEducation(Education.DOCTOR)
                .withPending(PointsItem.EDUCATION, PointsItem.VOCATIONAL, PointsItem.TITLE));
    assertTrue(breakdown.isPending(PointsItem.TITLE_OR_EDUCATION));
    assertEquals(points("20.00"), breakdown.total());
  }
}
