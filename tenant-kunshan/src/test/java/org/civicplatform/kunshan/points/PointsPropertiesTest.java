package org.civicplatform.kunshan.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PointsPropertiesTest {

  private final RuleSet ruleSet = RuleSet.default2024();
  private final PointsCalculator calculator = new PointsCalculator(ruleSet);

  @Provide
  Arbitrary<InsuranceMonths> insuranceMonths() {
    Arbitrary<Integer> recent = Arbitraries.integers().between(0, 36);
    Arbitrary<Integer> earlier = Arbitraries.integers().between(0, 84);
    Arbitrary<InsuranceMonths> start = Arbitraries.just(InsuranceMonths.NONE);
    for (InsuranceType type : InsuranceType.values()) {
      start =
          Combinators.combine(start, recent, earlier)
              .as((months, r, e) -> months.withRecent(type, r).withEarlier(type, e));
    }
    return start;
  }

  @Provide
  Arbitrary<LocalDate> registrationDates() {
    LocalDate first = LocalDate.of(1980, 1, 1);
    long days = first.until(ruleSet.cutOff(), java.time.temporal.ChronoUnit.DAYS);
    return Arbitraries.longs().between(0, days).map(first::plusDays).injectNull(0.1);
  }

  @Provide
  Arbitrary<List<Honour>> honours() {
    Arbitrary<Honour> honour =
        Combinators.combine(
                Arbitraries.of(HonourKind.class),
                Arbitraries.of(HonourLevel.class),
                Arbitraries.of(LocalDate.of(2020, 1, 1)).injectNull(0.3))
            .as(Honour::new);
    return honour.list().ofMaxSize(4);
  }

  @Provide
  Arbitrary<Set<PointsItem>> pendingItems() {
    List<PointsItem> reviewed =
        EnumSet.allOf(PointsItem.class).stream().filter(PointsItem::reviewed).toList();
    return Arbitraries.of(reviewed).set().ofMaxSize(reviewed.size());
  }

  @Provide
  Arbitrary<PointsProfile> profiles() {
    return Builders.withBuilder(PointsProfile::empty)
        .use(registrationDates())
        .in((p, d) -> p.withPropertyRegisteredOn(d))
        .use(insuranceMonths())
        .in((p, m) -> p.withInsuranceMonths(m))
        .use(Arbitraries.of(Education.class))
        .in((p, e) -> p.withEducation(e))
        .use(Arbitraries.of(VocationalLevel.class))
        .in((p, v) -> p.withVocationalLevel(v))
        .use(Arbitraries.of(TitleLevel.class))
        .in((p, t) -> p.withTitleLevel(t))
        .use(honours())
        .in((p, h) -> p.withHonours(h))
        .use(Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.2))
        .in((p, l) -> p.withLawAbiding(l))
        .use(pendingItems())
        .in((p, s) -> p.withPending(s.toArray(PointsItem[]::new)))
        .build();
  }

  @Property
  void totalEqualsTheSumOfTheRoundedCountedItems(@ForAll("profiles") PointsProfile profile) {
    PointsBreakdown breakdown = calculator.calculate(profile);
    BigDecimal sum =
        breakdown.values().entrySet().stream()
            .filter(e -> e.getKey().counted())
            .map(java.util.Map.Entry::getValue)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(0, sum.compareTo(breakdown.total()));
  }

  @Property
  void everyItemHasAValueOrIsPendingNeverBoth(@ForAll("profiles") PointsProfile profile) {
    PointsBreakdown breakdown = calculator.calculate(profile);
    for (PointsItem item : PointsItem.values()) {
      assertNotEquals(breakdown.isPending(item), breakdown.value(item).isPresent(), item.name());
    }
  }

  @Property
  void aPendingItemNeverCounts(@ForAll("profiles") PointsProfile profile) {
    PointsBreakdown reviewedAll =
        calculator.calculate(
            profile
                .withPending()
                .withLawAbiding(
                    profile.lawAbiding() == null ? Boolean.TRUE : profile.lawAbiding()));
    PointsBreakdown partly = calculator.calculate(profile);
    assertTrue(partly.total().compareTo(reviewedAll.total()) <= 0);
  }

  @Property
  void insuranceNeverExceedsOneHundredThirty(@ForAll("insuranceMonths") InsuranceMonths months) {
    assertTrue(calculator.insurance(months).compareTo(new BigDecimal("130")) <= 0);
  }

  @Property
  void insuranceGrowsWithEveryRecentMonth(
      @ForAll("insuranceMonths") InsuranceMonths months, @ForAll InsuranceType type) {
    if (months.recent(type) < ruleSet.recentMonths()) {
      InsuranceMonths more = months.withRecent(type, months.recent(type) + 1);
      assertTrue(calculator.insurance(more).compareTo(calculator.insurance(months)) > 0);
    }
  }

  @Property
  void insuranceGrowsWithEveryEarlierMonth(
      @ForAll("insuranceMonths") InsuranceMonths months, @ForAll InsuranceType type) {
    if (months.earlier(type) < ruleSet.earlierMonths()) {
      InsuranceMonths more = months.withEarlier(type, months.earlier(type) + 1);
      assertTrue(calculator.insurance(more).compareTo(calculator.insurance(months)) > 0);
    }
  }

  @Property
  void propertyNeverFallsForAnEarlierRegistration(
      @ForAll("registrationDates") LocalDate date, @ForAll @IntRange(min = 1, max = 400) int days) {
    if (date != null) {
      BigDecimal earlier = calculator.property(date.minusDays(days));
      assertTrue(earlier.compareTo(calculator.property(date)) >= 0);
    }
  }

  @Property
  void propertyIsTwoPointsPerTwelveCompleteMonths(@ForAll @IntRange(min = 0, max = 60) int years) {
    LocalDate registered = ruleSet.cutOff().minusYears(years);
    assertEquals(0, calculator.property(registered).compareTo(BigDecimal.valueOf(2L * years)));
  }

  @Property
  void titleOrEducationIsTheHighestOfItsConfirmedLines(@ForAll("profiles") PointsProfile profile) {
    PointsBreakdown breakdown = calculator.calculate(profile);
    BigDecimal highest =
        PointsItem.TITLE_OR_EDUCATION.lines().stream()
            .map(breakdown::value)
            .flatMap(java.util.Optional::stream)
            .max(BigDecimal::compareTo)
            .orElse(null);
    assertEquals(highest, breakdown.value(PointsItem.TITLE_OR_EDUCATION).orElse(null));
  }

  @Property
  void honoursNeverExceedTheHighestLevel(@ForAll("profiles") PointsProfile profile) {
    BigDecimal highest = ruleSet.honourPoints().get(HonourLevel.NATIONAL);
    calculator
        .calculate(profile)
        .value(PointsItem.HONOURS)
        .ifPresent(value -> assertTrue(value.compareTo(highest) <= 0));
  }
}
