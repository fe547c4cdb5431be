package org.civicplatform.kunshan.points;

import static org.civicplatform.kunshan.points.SeedProfiles.points;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.civicplatform.spi.rules.FieldError;
import org.civicplatform.spi.rules.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InsurancePointsTest {

  private final PointsCalculator calculator = new PointsCalculator(RuleSet.default2024());

  @Test
  void givesFourTwelfthsPerMonthOfEachTypeInTheRecentThirtySixMonths() {
    assertEquals(
        points("12.00"),
        calculator.insurance(InsuranceMonths.NONE.withRecent(InsuranceType.PENSION, 36)));
    assertEquals(
        points("0.33"),
        calculator.insurance(InsuranceMonths.NONE.withRecent(InsuranceType.PENSION, 1)));
  }

  @Test
  void givesTwoTwelfthsPerMonthOfEachTypeInTheEarlierEightyFourMonths() {
    assertEquals(
        points("14.00"),
        calculator.insurance(InsuranceMonths.NONE.withEarlier(InsuranceType.MEDICAL, 84)));
    assertEquals(
        points("0.17"),
        calculator.insurance(InsuranceMonths.NONE.withEarlier(InsuranceType.MEDICAL, 1)));
  }

  @ParameterizedTest
  @EnumSource(InsuranceType.class)
  void countsEveryOneOfTheFiveTypesAlike(InsuranceType type) {
    InsuranceMonths months = InsuranceMonths.NONE.withRecent(type, 36).withEarlier(type, 84);
    assertEquals(points("26.00"), calculator.insurance(months));
  }

  @Test
  void reachesAtMostOneHundredThirty() {
    assertEquals(points("130.00"), calculator.insurance(InsuranceMonths.uniform(36, 84)));
    assertEquals(points("130.00"), RuleSet.default2024().maximumInsurancePoints());
  }

  @Test
  void roundsTheExactSumOnceRatherThanEachType() {
    // five types × 1 earlier month = 10/12 = 0.8333…, not 5 × 0.17 = 0.85
    assertEquals(points("0.83"), calculator.insurance(InsuranceMonths.uniform(0, 1)));
  }

  @Test
  void givesNothingWithoutInsurance() {
    assertEquals(points("0.00"), calculator.insurance(InsuranceMonths.NONE));
  }

  @Test
  void rejectsMoreRecentMonthsThanThePartHasNamingTheField() {
    List<String> fields =
        fields(
            PointsProfile.empty()
                .withInsuranceMonths(InsuranceMonths.NONE.withRecent(InsuranceType.PENSION, 37)));
    assertEquals(List.of("insuranceMonths.recent.pension"), fields);
  }

  @Test
  void rejectsMoreEarlierMonthsThanThePartHasNamingTheField() {
    List<String> fields =
        fields(
            PointsProfile.empty()
                .withInsuranceMonths(
                    InsuranceMonths.NONE.withEarlier(InsuranceType.MATERNITY, 85)));
    assertEquals(List.of("insuranceMonths.earlier.maternity"), fields);
  }

  @Test
  void rejectsNegativeMonthsNamingTheField() {
    List<String> fields =
        fields(
            PointsProfile.empty()
                .withInsuranceMonths(InsuranceMonths.NONE.withRecent(InsuranceType.INJURY, -1)));
    assertEquals(List.of("insuranceMonths.recent.injury"), fields);
  }

  @Test
  void explainsTheRangeWithTheWindowMonthsInBothLanguages() {
    FieldError error =
        calculator
            .check(
                PointsProfile.empty()
                    .withInsuranceMonths(
                        InsuranceMonths.NONE.withRecent(InsuranceType.PENSION, 40)))
            .get(0);
    assertEquals("points.insurance.months.range", error.code());
    assertTrue(error.message().zh().contains("2021-04 至 2024-03"), error.message().zh());
    assertTrue(error.message().en().contains("between 0 and 36"), error.message().en());
  }

  @Test
  void showsInsuranceAsPendingUntilConfirmed() {
    PointsBreakdown breakdown =
        SeedProfiles.calculate(SeedProfiles.reviewed().withPending(PointsItem.INSURANCE));
    assertTrue(breakdown.isPending(PointsItem.INSURANCE));
    assertEquals(points("66.17"), breakdown.total());
  }

  private List<String> fields(PointsProfile profile) {
    RuleViolation violation =
        assertThrows(RuleViolation.class, () -> calculator.calculate(profile));
    return violation.errors().stream().map(FieldError::field).toList();
  }
}
