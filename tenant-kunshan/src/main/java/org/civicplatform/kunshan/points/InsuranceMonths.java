package org.civicplatform.kunshan.points;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Months of social insurance paid in Kunshan (在昆参保月数) per type, in the two parts of the window: the
 * recent part (近 36 个月) and the earlier part (前 84 个月). A type that is absent has 0 months. Ranges
 * are checked against the year's {@link RuleSet} by {@link PointsCalculator#check}.
 *
 * @param recent months per type in the recent part
 * @param earlier months per type in the earlier part
 */
public record InsuranceMonths(
    Map<InsuranceType, Integer> recent, Map<InsuranceType, Integer> earlier) {

  /** No insurance at all. */
  public static final InsuranceMonths NONE = new InsuranceMonths(Map.of(), Map.of());

  public InsuranceMonths {
    recent = copy(recent);
    earlier = copy(earlier);
  }

  /** The same months for all five types. */
  public static InsuranceMonths uniform(int recentMonths, int earlierMonths) {
    Map<InsuranceType, Integer> recent = new EnumMap<>(InsuranceType.class);
    Map<InsuranceType, Integer> earlier = new EnumMap<>(InsuranceType.class);
    for (InsuranceType type : InsuranceType.values()) {
      recent.put(type, recentMonths);
      earlier.put(type, earlierMonths);
    }
    return new InsuranceMonths(recent, earlier);
  }

  public int recent(InsuranceType type) {
    return recent.getOrDefault(type, 0);
  }

  public int earlier(InsuranceType type) {
    return earlier.getOrDefault(type, 0);
  }

  public InsuranceMonths withRecent(InsuranceType type, int months) {
    Map<InsuranceType, Integer> changed = new EnumMap<>(InsuranceType.class);
    changed.putAll(recent);
    changed.put(type, months);
    return new InsuranceMonths(changed, earlier);
  }

  public InsuranceMonths withEarlier(InsuranceType type, int months) {
    Map<InsuranceType, Integer> changed = new EnumMap<>(InsuranceType.class);
    changed.putAll(earlier);
    changed.put(type, months);
    return new InsuranceMonths(recent, changed);
  }

  private static Map<InsuranceType, Integer> copy(Map<InsuranceType, Integer> months) {
    Map<InsuranceType, Integer> copy = new EnumMap<>(InsuranceType.class);
    if (months != null) {
      months.forEach(
          (type, count) -> {
            if (type != null && count != null && count != 0) {
              copy.put(type, count);
            }
          });
    }
    return Collections.unmodifiableMap(copy);
  }
}
