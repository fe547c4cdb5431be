package org.civicplatform.kunshan.points;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.civicplatform.spi.rules.FieldError;
import org.civicplatform.spi.rules.RuleViolation;

/**
 * Computes the points (积分) of one points subject under one year's {@link RuleSet}, as
 * kunshan-rules.md defines them:
 *
 * <ol>
 *   <li>房产年限: complete months from the registration date to the cut-off × the points per month, up
 *       to the cap if the rule set has one;
 *   <li>专业技术职称(职业资格)或文化程度: the highest of the three lines;
 *   <li>参保年限: for each insurance type, recent months × their weight + earlier months × theirs;
 *   <li>先进典型: the highest honour, not added;
 *   <li>遵规守法: the rule set's points for a clean record.
 * </ol>
 *
 * <p>Each item is computed exactly ({@link Fraction}) and rounded half-up to 2 decimals once; the
 * total is the sum of the rounded counted indicators. A pending (核算中) line has no value and does
 * not count; an indicator that takes the highest of several lines takes it over the confirmed ones
 * and is pending only while all of them are.
 */
public final class PointsCalculator {

  private final RuleSet ruleSet;

  public PointsCalculator(RuleSet ruleSet) {
    this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
  }

  public RuleSet ruleSet() {
    return ruleSet;
  }

  /**
   * The inputs outside the rule set's ranges, with the field paths of the estimate request:
   * insurance months below 0 or beyond the part's length ({@code insuranceMonths.recent.pension}),
   * a property registered after the cut-off ({@code propertyRegisteredOn}), an honour awarded after
   * it ({@code honours[0].awardedOn}, entries counted from 0).
   */
  public List<FieldError> check(PointsProfile profile) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate registeredOn = profile.propertyRegisteredOn();
    if (registeredOn != null && registeredOn.isAfter(ruleSet.cutOff())) {
      errors.add(
          PointsMessages.error(
              "propertyRegisteredOn",
              "points.property.after-cut-off",
              ruleSet.cutOff().toString()));
    }
    for (InsuranceType type : InsuranceType.values()) {
      checkMonths(
          errors,
          "recent",
          type,
          profile.insuranceMonths().recent(type),
          ruleSet.recentMonths(),
          ruleSet.recentFrom().toString(),
          ruleSet.recentTo().toString());
    }
    for (InsuranceType type : InsuranceType.values()) {
      checkMonths(
          errors,
          "earlier",
          type,
          profile.insuranceMonths().earlier(type),
          ruleSet.earlierMonths(),
          ruleSet.earlierFrom().toString(),
          ruleSet.earlierTo().toString());
    }
    List<Honour> honours = profile.honours();
    for (int i = 0; i < honours.size(); i++) {
      LocalDate awardedOn = honours.get(i).awardedOn();
      if (awardedOn != null && awardedOn.isAfter(ruleSet.cutOff())) {
        errors.add(
            PointsMessages.error(
                "honours[" + i + "].awardedOn",
                "points.honour.after-cut-off",
                ruleSet.cutOff().toString()));
      }
    }
    return errors;
  }

  /**
   * The breakdown of a profile.
   *
   * @throws RuleViolation when {@link #check} finds inputs out of range
   */
  public PointsBreakdown calculate(PointsProfile profile) {
    List<FieldError> errors = check(profile);
    if (!errors.isEmpty()) {
      throw new RuleViolation(errors);
    }
    Map<PointsItem, BigDecimal> values = new EnumMap<>(PointsItem.class);
    Set<PointsItem> pending = EnumSet.noneOf(PointsItem.class);

    for (PointsItem item : PointsItem.values()) {
      if (!item.reviewed()) {
        continue;
      }
      if (profile.isPending(item)) {
        pending.add(item);
      } else {
        values.put(item, Fraction.of(line(item, profile)).rounded());
      }
    }
    highestOf(PointsItem.TITLE_OR_EDUCATION, values, pending);
    highestOf(PointsItem.HONOURS, values, pending);

    BigDecimal total = BigDecimal.ZERO.setScale(Fraction.SCALE);
    for (Map.Entry<PointsItem, BigDecimal> entry : values.entrySet()) {
      if (entry.getKey().counted()) {
        total = total.add(entry.getValue());
      }
    }
    return new PointsBreakdown(ruleSet.year(), ruleSet.version(), values, pending, total);
  }

  /**
   * Complete months of ownership at the cut-off, as {@link ChronoUnit#MONTHS} counts them
   * (2003-08-15 → 2024-03-31 is 247); 0 without a property.
   */
  public long propertyMonths(LocalDate registeredOn) {
    if (registeredOn == null || registeredOn.isAfter(ruleSet.cutOff())) {
      return 0;
    }
    return ChronoUnit.MONTHS.between(registeredOn, ruleSet.cutOff());
  }

  /** Indicator 1, 房产年限, rounded. */
  public BigDecimal property(LocalDate registeredOn) {
    Fraction points = ruleSet.propertyPointsPerMonth().times(propertyMonths(registeredOn));
    if (ruleSet.propertyCap() != null) {
      points = points.min(Fraction.of(ruleSet.propertyCap()));
    }
    return points.rounded();
  }

  /** Indicator 3, 参保年限, rounded. */
  public BigDecimal insurance(InsuranceMonths months) {
    Fraction points = Fraction.ZERO;
    for (InsuranceType type : InsuranceType.values()) {
      points =
          points
              .plus(ruleSet.recentPointsPerMonth().times(months.recent(type)))
              .plus(ruleSet.earlierPointsPerMonth().times(months.earlier(type)));
    }
    return points.rounded();
  }

  /** The points of the highest honour of one kind, 0 without one. */
  BigDecimal honour(List<Honour> honours, HonourKind kind) {
    return honours.stream()
        .filter(h -> h.kind() == kind)
        .map(h -> ruleSet.honourPoints().get(h.level()))
        .max(BigDecimal::compareTo)
        .orElse(BigDecimal.ZERO);
  }

  private void checkMonths(
      List<FieldError> errors,
      String part,
      InsuranceType type,
      int months,
      int length,
      String from,
      String to) {
    if (months < 0 || months > length) {
      errors.add(
          PointsMessages.error(
              "insuranceMonths." + part + "." + type.jsonName(),
              "points.insurance.months.range",
              String.valueOf(length),
              from,
              to));
    }
  }

  /** The value of a line a department confirms, before rounding. */
  private BigDecimal line(PointsItem item, PointsProfile profile) {
    return switch (item) {
      case PROPERTY -> property(profile.propertyRegisteredOn());
      case EDUCATION -> ruleSet.educationPoints().get(profile.education());
      case VOCATIONAL -> ruleSet.vocationalPoints().get(profile.vocationalLevel());
      case TITLE -> ruleSet.titlePoints().get(profile.titleLevel());
      case INSURANCE -> insurance(profile.insuranceMonths());
      case BRAVERY -> honour(profile.honours(), HonourKind.BRAVERY);
      case MODEL_WORKER -> honour(profile.honours(), HonourKind.MODEL_WORKER);
      case MORAL_MODEL -> honour(profile.honours(), HonourKind.MORAL_MODEL);
      case LAW_ABIDING ->
          Boolean.TRUE.equals(profile.lawAbiding()) ? ruleSet.lawAbidingPoints() : BigDecimal.ZERO;
      case TITLE_OR_EDUCATION, HONOURS ->
          throw new IllegalArgumentException(item + " is the highest of its lines");
    };
  }

  private static void highestOf(
      PointsItem indicator, Map<PointsItem, BigDecimal> values, Set<PointsItem> pending) {
    Optional<BigDecimal> highest =
        indicator.lines().stream()
            .map(values::get)
            .filter(Objects::nonNull)
            .max(BigDecimal::compareTo);
    if (highest.isPresent()) {
      values.put(indicator, highest.get());
    } else {
      pending.add(indicator);
    }
  }
}
