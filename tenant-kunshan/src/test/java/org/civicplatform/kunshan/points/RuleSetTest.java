package org.civicplatform.kunshan.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleSetTest {

  private final RuleSet defaults = RuleSet.default2024();

  @Test
  void cutsOffOnThirtyFirstMarch2024() {
    assertEquals(LocalDate.of(2024, 3, 31), defaults.cutOff());
    assertEquals("kunshan-2024-default", defaults.version());
  }

  @Test
  void placesTheRecentThirtySixMonthsFromApril2021ToMarch2024() {
    assertEquals(YearMonth.of(2021, 4), defaults.recentFrom());
    assertEquals(YearMonth.of(2024, 3), defaults.recentTo());
  }

  @Test
  void placesTheEarlierEightyFourMonthsFromApril2014ToMarch2021() {
    assertEquals(YearMonth.of(2014, 4), defaults.earlierFrom());
    assertEquals(YearMonth.of(2021, 3), defaults.earlierTo());
  }

  @Test
  void weighsRecentMonthsFourTwelfthsAndEarlierMonthsTwoTwelfths() {
    assertEquals(Fraction.of(1, 3), defaults.recentPointsPerMonth());
    assertEquals(Fraction.of(1, 6), defaults.earlierPointsPerMonth());
  }

  @Test
  void givesOneSixthPropertyPointPerMonthWithoutCap() {
    assertEquals(Fraction.of(1, 6), defaults.propertyPointsPerMonth());
    assertNull(defaults.propertyCap());
  }

  @Test
  void givesTwentyForLawAbiding() {
    assertEquals(0, new BigDecimal("20").compareTo(defaults.lawAbidingPoints()));
  }

  @Test
  void requiresAResidencePermitIssuedByThirtyFirstMarch2023() {
    assertEquals(LocalDate.of(2023, 3, 31), defaults.residencePermitIssuedBy());
    assertEquals(12, defaults.minimumPensionMonths());
  }

  @Test
  void admitsToPrimaryChildrenBornByThirtyFirstAugust2018() {
    assertEquals(LocalDate.of(2018, 8, 31), defaults.latestPrimaryBirthDate());
  }

  @Test
  void refusesAPointsTableWithoutEveryLevel() {
    Map<Education, BigDecimal> partial = new EnumMap<>(defaults.educationPoints());
    partial.remove(Education.DOCTOR);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new RuleSet(
                2024,
                "x",
                defaults.cutOff(),
                36,
                Fraction.of(1, 3),
                84,
                Fraction.of(1, 6),
                Fraction.of(1, 6),
                null,
                partial,
                defaults.vocationalPoints(),
                defaults.titlePoints(),
                defaults.honourPoints(),
                BigDecimal.TEN,
                3,
                1,
                12,
                6,
                defaults.primaryBirthCutOff()));
  }

  @Test
  void refusesANegativeCap() {
    assertThrows(
        IllegalArgumentException.class, () -> defaults.withPropertyCap(new BigDecimal("-1")));
  }

  @Test
  void copiesItsParametersToAnotherYear() {
    RuleSet next = defaults.forYear(2025, "kunshan-2025-default", LocalDate.of(2025, 3, 31));
    assertEquals(2025, next.year());
    assertEquals(YearMonth.of(2022, 4), next.recentFrom());
    assertEquals(defaults.titlePoints(), next.titlePoints());
  }
}
