package org.civicplatform.kunshan.points;

import static org.civicplatform.kunshan.points.SeedProfiles.calculate;
import static org.civicplatform.kunshan.points.SeedProfiles.points;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.civicplatform.spi.rules.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HonourPointsTest {

  private static Honour honour(HonourKind kind, HonourLevel level) {
    return new Honour(kind, level, LocalDate.of(2021, 5, 1));
  }

  @ParameterizedTest
  @CsvSource({"COUNTY, 10.00", "CITY, 15.00", "PROVINCE, 20.00", "NATIONAL, 30.00"})
  void givesTheHonourTablePointsByLevel(HonourLevel level, String expected) {
    PointsBreakdown breakdown =
        calculate(PointsProfile.empty().withHonours(List.of(honour(HonourKind.BRAVERY, level))));
    assertEquals(points(expected), breakdown.value(PointsItem.HONOURS).orElseThrow());
  }

  @ParameterizedTest
  @CsvSource({"BRAVERY, BRAVERY", "MODEL_WORKER, MODEL_WORKER", "MORAL_MODEL, MORAL_MODEL"})
  void showsEachKindOnItsOwnLine(HonourKind kind, PointsItem line) {
    PointsBreakdown breakdown =
        calculate(PointsProfile.empty().withHonours(List.of(honour(kind, HonourLevel.CITY))));
    assertEquals(points("15.00"), breakdown.value(line).orElseThrow());
    assertEquals(points("15.00"), breakdown.value(PointsItem.HONOURS).orElseThrow());
  }

  @Test
  void countsOnlyTheHighestHonourNotTheirSum() {
    PointsBreakdown breakdown =
        calculate(
            PointsProfile.empty()
                .withHonours(
                    List.of(
                        honour(HonourKind.BRAVERY, HonourLevel.COUNTY),
                        honour(HonourKind.MODEL_WORKER, HonourLevel.PROVINCE),
                        honour(HonourKind.MORAL_MODEL, HonourLevel.CITY),
                        honour(HonourKind.MODEL_WORKER, HonourLevel.COUNTY))));
    assertEquals(points("20.00"), breakdown.value(PointsItem.HONOURS).orElseThrow());
    assertEquals(points("20.00"), breakdown.value(PointsItem.MODEL_WORKER).orElseThrow());
    assertEquals(points("40.00"), breakdown.total());
  }

  @Test
  void givesNothingWithoutHonours() {
    assertEquals(
        points("0.00"), calculate(PointsProfile.empty()).value(PointsItem.HONOURS).orElseThrow());
  }

  @Test
  void ignoresAnHonourWhoseDepartmentHasNotConfirmedIt() {
    PointsBreakdown breakdown =
        calculate(
            PointsProfile.empty()
                .withHonours(
                    List.of(
                        honour(HonourKind.BRAVERY, HonourLevel.NATIONAL),
                        honour(HonourKind.MORAL_MODEL, HonourLevel.COUNTY)))
                .withPending(PointsItem.BRAVERY));
    assertTrue(breakdown.isPending(PointsItem.BRAVERY));
    assertEquals(points("10.00"), breakdown.value(PointsItem.HONOURS).orElseThrow());
  }

  @Test
  void isPendingWhileAllThreeKindsArePending() {
    PointsBreakdown breakdown =
        calculate(
            PointsProfile.empty()
                .withPending(PointsItem.BRAVERY, PointsItem.MODEL_WORKER, PointsItem.MORAL_MODEL));
    assertTrue(breakdown.isPending(PointsItem.HONOURS));
  }

  @Test
  void rejectsAnHonourAwardedAfterTheCutOffNamingTheEntry() {
    PointsProfile profile =
        PointsProfile.empty()
            .withHonours(
                List.of(
                    honour(HonourKind.BRAVERY, HonourLevel.CITY),
                    new Honour(
                        HonourKind.MORAL_MODEL, HonourLevel.CITY, LocalDate.of(2024, 4, 1))));
    RuleViolation violation = assertThrows(RuleViolation.class, () -> calculate(profile));
    assertEquals("honours[1].awardedOn", violation.errors().get(0).field());
  }
}
