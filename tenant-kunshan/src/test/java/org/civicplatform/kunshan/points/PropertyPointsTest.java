package org.civicplatform.kunshan.points;

import static org.civicplatform.kunshan.points.SeedProfiles.points;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PropertyPointsTest {

  private final PointsCalculator calculator = new PointsCalculator(RuleSet.default2024());

  @Test
  void countsCompleteMonthsFromRegistrationToTheCutOffAsJavaTimeDoes() {
    assertEquals(247, calculator.propertyMonths(LocalDate.of(2003, 8, 15)));
  }

  @Test
  void doesNotCountAMonthThatIsNotComplete() {
    assertEquals(0, calculator.propertyMonths(LocalDate.of(2024, 3, 1)));
    assertEquals(1, calculator.propertyMonths(LocalDate.of(2024, 2, 29)));
    assertEquals(1, calculator.propertyMonths(LocalDate.of(2024, 2, 28)));
  }

  @Test
  void givesTwoPointsPerYearOfOwnership() {
    assertEquals(points("2.00"), calculator.property(LocalDate.of(2023, 3, 31)));
    assertEquals(points("20.00"), calculator.property(LocalDate.of(2014, 3, 31)));
  }

  @Test
  void givesOneSixthPointPerMonthRoundedHalfUp() {
    assertEquals(points("0.17"), calculator.property(LocalDate.of(2024, 2, 29)));
    assertEquals(points("0.33"), calculator.property(LocalDate.of(2024, 1, 31)));
    assertEquals(points("0.50"), calculator.property(LocalDate.of(2023, 12, 31)));
  }

  @Test
  void givesNothingWithoutAResidentialProperty() {
    PointsBreakdown breakdown = SeedProfiles.calculate(PointsProfile.empty());
    assertEquals(points("0.00"), breakdown.value(PointsItem.PROPERTY).orElseThrow());
  }

  @Test
  void givesNothingForAPropertyRegisteredOnTheCutOffDay() {
    assertEquals(points("0.00"), calculator.property(LocalDate.of(2024, 3, 31)));
  }

  @Test
  void hasNoCapInTheDefaultRuleSet() {
    assertEquals(points("80.00"), calculator.property(LocalDate.of(1984, 3, 31)));
  }

  @Test
  void stopsAtTheCapWhenTheRuleSetHasOne() {
    RuleSet capped = RuleSet.default2024().withPropertyCap(new BigDecimal("30"));
    PointsCalculator withCap = new PointsCalculator(capped);
    assertEquals(points("30.00"), withCap.property(LocalDate.of(2003, 8, 15)));
    assertEquals(points("20.00"), withCap.property(LocalDate.of(2014, 3, 31)));
  }

  @Test
  void showsPropertyAsPendingUntilTheRealEstateRegistryConfirms() {
    PointsBreakdown breakdown =
        SeedProfiles.calculate(SeedProfiles.reviewed().withPending(PointsItem.PROPERTY));
    assertTrue(breakdown.isPending(PointsItem.PROPERTY));
    assertFalse(breakdown.value(PointsItem.PROPERTY).isPresent());
    assertEquals(points("91.67"), breakdown.total());
  }
}
