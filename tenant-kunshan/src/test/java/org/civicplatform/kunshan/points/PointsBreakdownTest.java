package org.civicplatform.kunshan.points;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PointsBreakdownTest {

  private static Map<PointsItem, BigDecimal> allZero() {
    Map<PointsItem, BigDecimal> values = new EnumMap<>(PointsItem.class);
    for (PointsItem item : PointsItem.values()) {
      values.put(item, new BigDecimal("0.00"));
    }
    return values;
  }

  @Test
  void refusesATotalThatIsNotTheSumOfTheCountedItems() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new PointsBreakdown(2024, "v", allZero(), Set.of(), new BigDecimal("1.00")));
  }

  @Test
  void refusesAnItemThatIsBothValuedAndPending() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new PointsBreakdown(
                2024, "v", allZero(), Set.of(PointsItem.PROPERTY), new BigDecimal("0.00")));
  }

  @Test
  void refusesAnItemThatIsNeitherValuedNorPending() {
    Map<PointsItem, BigDecimal> values = allZero();
    values.remove(PointsItem.TITLE);
    assertThrows(
        IllegalArgumentException.class,
        () -> new PointsBreakdown(2024, "v", values, Set.of(), new BigDecimal("0.00")));
  }
}
