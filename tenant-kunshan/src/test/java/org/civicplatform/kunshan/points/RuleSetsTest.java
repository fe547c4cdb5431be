package org.civicplatform.kunshan.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleSetsTest {

  @Test
  void shipsTheDefault2024RuleSet() {
    RuleSets defaults = RuleSets.defaults();
    assertEquals(RuleSet.default2024(), defaults.forYear(2024).orElseThrow());
    assertEquals(Set.of(2024), defaults.years());
  }

  @Test
  void hasNoRuleSetForAnotherYear() {
    assertTrue(RuleSets.defaults().forYear(2023).isEmpty());
  }

  @Test
  void refusesTwoRuleSetsForOneYear() {
    RuleSet again = RuleSet.default2024().forYear(2024, "other", LocalDate.of(2024, 3, 31));
    assertThrows(
        IllegalArgumentException.class, () -> new RuleSets(List.of(RuleSet.default2024(), again)));
  }

  @Test
  void refusesToBeEmpty() {
    assertThrows(IllegalArgumentException.class, () -> new RuleSets(List.of()));
  }

  @Test
  void findsTheLatestYear() {
    RuleSet next = RuleSet.default2024().forYear(2025, "kunshan-2025", LocalDate.of(2025, 3, 31));
    assertEquals(next, new RuleSets(List.of(next, RuleSet.default2024())).latest());
  }
}
