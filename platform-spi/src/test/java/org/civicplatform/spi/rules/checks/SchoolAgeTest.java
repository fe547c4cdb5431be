package org.civicplatform.spi.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.MonthDay;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.civicplatform.spi.rules.FieldError;
import org.junit.jupiter.api.Test;

class SchoolAgeTest {

  @Test
  void admitsAChildBornOnThirtyFirstAugustSixYearsBefore() {
    assertTrue(SchoolAge.eligibleForPrimary(LocalDate.of(2018, 8, 31), 2024));
  }

  @Test
  void refusesAChildBornOnFirstSeptemberSixYearsBefore() {
    assertFalse(SchoolAge.eligibleForPrimary(LocalDate.of(2018, 9, 1), 2024));
  }

  @Test
  void admitsOlderChildren() {
    assertTrue(SchoolAge.eligibleForPrimary(LocalDate.of(2016, 12, 31), 2024));
  }

  @Test
  void explainsTheLatestBirthDateInBothLanguages() {
    FieldError error =
        SchoolAge.checkPrimary("family.student.birthDate", LocalDate.of(2018, 9, 1), 2024)
            .orElseThrow();
    assertEquals("family.student.birthDate", error.field());
    assertEquals("age.primary.too-young", error.code());
    assertTrue(error.message().zh().contains("2018 年 8 月 31 日"), error.message().zh());
    assertTrue(error.message().en().contains("2018-08-31"), error.message().en());
  }

  @Test
  void findsNothingWrongWithAnOldEnoughChild() {
    assertTrue(SchoolAge.checkPrimary("f", LocalDate.of(2018, 8, 31), 2024).isEmpty());
  }

  @Test
  void usesAnotherCutOffDayAndAgeWhenGiven() {
    assertEquals(
        LocalDate.of(2017, 12, 31),
        SchoolAge.latestBirthDateForPrimary(2024, 7, MonthDay.of(12, 31)));
    assertTrue(
        SchoolAge.checkPrimary("f", LocalDate.of(2018, 1, 1), 2024, 7, MonthDay.of(12, 31))
            .isPresent());
  }

  @Property
  void isEligibleExactlyUpToTheCutOffDay(
      @ForAll @IntRange(min = 2000, max = 2100) int year,
      @ForAll @IntRange(min = -400, max = 400) int offsetDays) {
    LocalDate birthDate = LocalDate.of(year - 6, 8, 31).plusDays(offsetDays);
    assertEquals(offsetDays <= 0, SchoolAge.eligibleForPrimary(birthDate, year));
  }
}
