package org.civicplatform.kunshan.points;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of one year's points rule set (积分规则). Every number of kunshan-rules.md lives here
 * and nowhere else: the tenant administrator may change any of them for a year, and every score is
 * stamped with the {@link #version} it used.
 *
 * @param year the admission year the rule set applies to
 * @param version stable id of the rule set, e.g. {@code kunshan-2024-default}
 * @param cutOff the cut-off date (计分截止日) every indicator is counted up to
 * @param recentMonths length of the recent part of the insurance window (36)
 * @param recentPointsPerMonth points per month and type in the recent part (4/12)
 * @param earlierMonths length of the earlier part of the insurance window (84)
 * @param earlierPointsPerMonth points per month and type in the earlier part (2/12)
 * @param propertyPointsPerMonth property points per complete month of ownership (1/6)
 * @param propertyCap most property points, or null for no cap (the 2024 default)
 * @param educationPoints points per education level (文化程度)
 * @param vocationalPoints points per vocational level (职业资格)
 * @param titlePoints points per professional title (专业技术职称)
 * @param honourPoints points per honour level (先进典型), the same for every kind
 * @param lawAbidingPoints points for a clean public-security record (遵规守法)
 * @param lawAbidingYears years before the cut-off the public-security check looks at (3)
 * @param residencePermitYears years a residence permit (居住证) must be held at the cut-off (1)
 * @param minimumPensionMonths months of pension insurance in the window for a 积分生 without property
 *     (12)
 * @param primaryEntryAge age for primary school (6)
 * @param primaryBirthCutOff last birthday in the year {@code year − primaryEntryAge} (08-31)
 */
public record RuleSet(
    int year,
    String version,
    LocalDate cutOff,
    int recentMonths,
    Fraction recentPointsPerMonth,
    int earlierMonths,
    Fraction earlierPointsPerMonth,
    Fraction propertyPointsPerMonth,
    BigDecimal propertyCap,
    Map<Education, BigDecimal> educationPoints,
    Map<VocationalLevel, BigDecimal> vocationalPoints,
    Map<TitleLevel, BigDecimal> titlePoints,
    Map<HonourLevel, BigDecimal> honourPoints,
    BigDecimal lawAbidingPoints,
    int lawAbidingYears,
    int residencePermitYears,
    int minimumPensionMonths,
    int primaryEntryAge,
    MonthDay primaryBirthCutOff) {

  public RuleSet {
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("a rule set needs a version id");
    }
    Objects.requireNonNull(cutOff, "cutOff");
    Objects.requireNonNull(recentPointsPerMonth, "recentPointsPerMonth");
    Objects.requireNonNull(earlierPointsPerMonth, "earlierPointsPerMonth");
    Objects.requireNonNull(propertyPointsPerMonth, "propertyPointsPerMonth");
    Objects.requireNonNull(primaryBirthCutOff, "primaryBirthCutOff");
    requireNotNegative(lawAbidingPoints, "lawAbidingPoints");
    if (propertyCap != null) {
      requireNotNegative(propertyCap, "propertyCap");
    }
    if (recentMonths <= 0 || earlierMonths < 0) {
      throw new IllegalArgumentException("insurance window parts must have months");
    }
    educationPoints = table(Education.class, educationPoints, "educationPoints");
    vocationalPoints = table(VocationalLevel.class, vocationalPoints, "vocationalPoints");
    titlePoints = table(TitleLevel.class, titlePoints, "titlePoints");
    honourPoints = table(HonourLevel.class, honourPoints, "honourPoints");
  }

  /** The 2024 default rule set of kunshan-rules.md ({@code kunshan-2024-default}). */
  public static RuleSet default2024() {
    return new RuleSet(
        2024,
        "kunshan-2024-default",
        LocalDate.of(2024, 3, 31),
        36,
        Fraction.of(4, 12),
        84,
        Fraction.of(2, 12),
        Fraction.of(1, 6),
        null,
        Map.of(
            Education.NONE, points(0),
            Education.JUNIOR_COLLEGE, points(5),
            Education.BACHELOR, points(10),
            Education.MASTER, points(15),
            Education.DOCTOR, points(20)),
        Map.of(
            VocationalLevel.NONE, points(0),
            VocationalLevel.LEVEL5, points(2),
            VocationalLevel.LEVEL4, points(5),
            VocationalLevel.LEVEL3, points(10),
            VocationalLevel.LEVEL2, points(15),
            VocationalLevel.LEVEL1, points(20)),
        Map.of(
            TitleLevel.NONE, points(0),
            TitleLevel.JUNIOR, points(5),
            TitleLevel.INTERMEDIATE, points(10),
            TitleLevel.ASSOCIATE_SENIOR, points(15),
            TitleLevel.SENIOR, points(20)),
        Map.of(
            HonourLevel.COUNTY, points(10),
            HonourLevel.CITY, points(15),
            HonourLevel.PROVINCE, points(20),
            HonourLevel.NATIONAL, points(30)),
        points(20),
        3,
        1,
        12,
        6,
        MonthDay.of(8, 31));
  }

  /** This rule set with another property cap (null removes it). */
  public RuleSet withPropertyCap(BigDecimal cap) {
    return new RuleSet(
        year,
        version,
        cutOff,
        recentMonths,
        recentPointsPerMonth,
        earlierMonths,
        earlierPointsPerMonth,
        propertyPointsPerMonth,
        cap,
        educationPoints,
        vocationalPoints,
        titlePoints,
        honourPoints,
        lawAbidingPoints,
        lawAbidingYears,
        residencePermitYears,
        minimumPensionMonths,
        primaryEntryAge,
        primaryBirthCutOff);
  }

  /** These parameters for another year, version and cut-off date (a new year's starting point). */
  public RuleSet forYear(int otherYear, String otherVersion, LocalDate otherCutOff) {
    return new RuleSet(
        otherYear,
        otherVersion,
        otherCutOff,
        recentMonths,
        recentPointsPerMonth,
        earlierMonths,
        earlierPointsPerMonth,
        propertyPointsPerMonth,
        propertyCap,
        educationPoints,
        vocationalPoints,
        titlePoints,
        honourPoints,
        lawAbidingPoints,
        lawAbidingYears,
        residencePermitYears,
        minimumPensionMonths,
        primaryEntryAge,
        primaryBirthCutOff);
  }

  /** Last month of the recent part: the month of the cut-off (2024-03). */
  public YearMonth recentTo() {
    return YearMonth.from(cutOff);
  }

  /** First month of the recent part (2021-04). */
  public YearMonth recentFrom() {
    return recentTo().minusMonths(recentMonths - 1L);
  }

  /** Last month of the earlier part, just before the recent part (2021-03). */
  public YearMonth earlierTo() {
    return recentFrom().minusMonths(1);
  }

  /** First month of the earlier part (2014-04). */
  public YearMonth earlierFrom() {
    return recentFrom().minusMonths(earlierMonths);
  }

  /** The most insurance points anyone can have: five types, both parts full (130 in 2024). */
  public BigDecimal maximumInsurancePoints() {
    return recentPointsPerMonth
        .times(recentMonths)
        .plus(earlierPointsPerMonth.times(earlierMonths))
        .times(InsuranceType.values().length)
        .rounded();
  }

  /** A residence permit issued on or before this date has been held long enough. */
  public LocalDate residencePermitIssuedBy() {
    return cutOff.minusYears(residencePermitYears);
  }

  /** First day the 遵规守法 check looks at. */
  public LocalDate lawAbidingSince() {
    return cutOff.minusYears(lawAbidingYears);
  }

  /** The latest birth date that may enter primary school in {@link #year}. */
  public LocalDate latestPrimaryBirthDate() {
    return primaryBirthCutOff.atYear(year - primaryEntryAge);
  }

  private static BigDecimal points(int value) {
    return BigDecimal.valueOf(value);
  }

  private static void requireNotNegative(BigDecimal value, String name) {
    if (value == null || value.signum() < 0) {
      throw new IllegalArgumentException(name + " must be zero or more");
    }
  }

  private static <E extends Enum<E>> Map<E, BigDecimal> table(
      Class<E> keys, Map<E, BigDecimal> given, String name) {
    Objects.requireNonNull(given, name);
    Map<E, BigDecimal> copy = new EnumMap<>(keys);
    for (E key : keys.getEnumConstants()) {
      BigDecimal value = given.get(key);
      requireNotNegative(value, name + "." + key);
      copy.put(key, value);
    }
    return Collections.unmodifiableMap(copy);
  }
}
