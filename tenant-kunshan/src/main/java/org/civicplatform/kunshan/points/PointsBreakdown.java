package org.civicplatform.kunshan.points;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A computed score (积分明细): every line of the progress page, each either a value rounded to 2
 * decimals or pending (核算中), and the total (总积分) of the counted, confirmed indicators.
 *
 * @param year the admission year of the rule set used
 * @param ruleSet the version id of the rule set used
 * @param values the value of every item that is not pending, scale 2
 * @param pending the items shown as 核算中; they have no value and do not count
 * @param total the sum of the values of the {@link PointsItem#counted() counted} items, scale 2
 */
public record PointsBreakdown(
    int year,
    String ruleSet,
    Map<PointsItem, BigDecimal> values,
    Set<PointsItem> pending,
    BigDecimal total) {

  public PointsBreakdown {
    Objects.requireNonNull(ruleSet, "ruleSet");
    Map<PointsItem, BigDecimal> valueCopy = new EnumMap<>(PointsItem.class);
    valueCopy.putAll(values);
    Set<PointsItem> pendingCopy = EnumSet.noneOf(PointsItem.class);
    pendingCopy.addAll(pending);
    BigDecimal sum = BigDecimal.ZERO.setScale(Fraction.SCALE);
    for (PointsItem item : PointsItem.values()) {
      if (valueCopy.containsKey(item) == pendingCopy.contains(item)) {
        throw new IllegalArgumentException(item + " must have a value or be pending, not both");
      }
      if (item.counted() && valueCopy.containsKey(item)) {
        sum = sum.add(valueCopy.get(item));
      }
    }
    if (total.compareTo(sum) != 0) {
      throw new IllegalArgumentException("total " + total + " is not the sum " + sum);
    }
    values = Collections.unmodifiableMap(valueCopy);
    pending = Collections.unmodifiableSet(pendingCopy);
  }

  /** The value of one item; empty while it is pending. */
  public Optional<BigDecimal> value(PointsItem item) {
    return Optional.ofNullable(values.get(item));
  }

  public boolean isPending(PointsItem item) {
    return pending.contains(item);
  }
}
