package org.civicplatform.kunshan.points;

import static org.civicplatform.kunshan.points.SeedProfiles.calculate;
import static org.civicplatform.kunshan.points.SeedProfiles.points;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RoundingTest {

  @Test
  void roundsEachIndicatorHalfUpToTwoDecimals() {
    assertEquals(points("0.17"), Fraction.of(1, 6).rounded());
    assertEquals(points("0.13"), Fraction.of(1, 8).rounded());
    assertEquals(points("0.83"), Fraction.of(5, 6).rounded());
  }

  @Test
  void sumsTheRoundedIndicatorsRatherThanRoundingTheExactSum() {
    // property 1 month = 1/6 → 0.17, insurance 1 earlier month of one type = 1/6 → 0.17;
    // exact sum 1/3 would round to 0.33, the rules add the rounded items: 0.34.
    PointsBreakdown breakdown =
        calculate(
            PointsProfile.empty()
                .withLawAbiding(false)
                .withPropertyRegisteredOn(LocalDate.of(2024, 2, 29))
                .withInsuranceMonths(InsuranceMonths.NONE.withEarlier(InsuranceType.PENSION, 1)));
    assertEquals(points("0.34"), breakdown.total());
  }

  @Test
  void writesEveryValueWithTwoDecimals() {
    PointsBreakdown breakdown = calculate(SeedProfiles.reviewed());
    breakdown.values().values().forEach(value -> assertEquals(2, value.scale()));
    assertEquals(2, breakdown.total().scale());
  }
}
