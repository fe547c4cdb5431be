package org.civicplatform.kunshan.points;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The points rule sets by admission year (年度积分规则). At most one per year. */
public final class RuleSets {

  private final SortedMap<Integer, RuleSet> byYear;

  /**
   * @throws IllegalArgumentException when empty or when two rule sets share a year
   */
  public RuleSets(Collection<RuleSet> ruleSets) {
    SortedMap<Integer, RuleSet> map = new TreeMap<>();
    for (RuleSet ruleSet : ruleSets) {
      if (map.putIfAbsent(ruleSet.year(), ruleSet) != null) {
        throw new IllegalArgumentException("two rule sets for " + ruleSet.year());
      }
    }
    if (map.isEmpty()) {
      throw new IllegalArgumentException("at least one rule set is needed");
    }
    this.byYear = Collections.unmodifiableSortedMap(map);
  }

  /** The shipped defaults: {@link RuleSet#default2024()}. */
  public static RuleSets defaults() {
    return new RuleSets(List.of(RuleSet.default2024()));
  }

  public Optional<RuleSet> forYear(int year) {
    return Optional.ofNullable(byYear.get(year));
  }

  /** The rule set of the latest year, used when a request names no year. */
  public RuleSet latest() {
    return byYear.get(byYear.lastKey());
  }

  public SortedSet<Integer> years() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(byYear.keySet()));
  }
}
