package org.civicplatform.spi.rules.checks;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import org.civicplatform.spi.rules.FieldError;

/**
 * The age window (入学年龄) for starting school. By default a child enters primary school (小学一年级) in
 * {@code schoolYear} when born on or before 31 August of {@code schoolYear − 6}; a tenant whose
 * year uses another day or age passes them explicitly.
 */
public final class SchoolAge {

  /** 8 月 31 日, the default last birthday for the entry year. */
  public static final MonthDay PRIMARY_BIRTH_CUT_OFF = MonthDay.of(8, 31);

  /** The default age (in years, reached by the cut-off day) for primary school. */
  public static final int PRIMARY_ENTRY_AGE = 6;

  private SchoolAge() {}

  /** The latest birth date that may enter primary school in {@code schoolYear} (default rule). */
  public static LocalDate latestBirthDateForPrimary(int schoolYear) {
    return latestBirthDateForPrimary(schoolYear, PRIMARY_ENTRY_AGE, PRIMARY_BIRTH_CUT_OFF);
  }

  /** The latest birth date for entry at {@code entryAge} with the given cut-off day. */
  public static LocalDate latestBirthDateForPrimary(int schoolYear, int entryAge, MonthDay cutOff) {
    return cutOff.atYear(schoolYear - entryAge);
  }

  /** Born on or before 31 August of {@code schoolYear − 6}. */
  public static boolean eligibleForPrimary(LocalDate birthDate, int schoolYear) {
    return !birthDate.isAfter(latestBirthDateForPrimary(schoolYear));
  }

  /** The error for a child too young for primary school in {@code schoolYear}, if so. */
  public static Optional<FieldError> checkPrimary(
      String field, LocalDate birthDate, int schoolYear) {
    return checkPrimary(field, birthDate, schoolYear, PRIMARY_ENTRY_AGE, PRIMARY_BIRTH_CUT_OFF);
  }

  /** As {@link #checkPrimary(String, LocalDate, int)} with an explicit age and cut-off day. */
  public static Optional<FieldError> checkPrimary(
      String field, LocalDate birthDate, int schoolYear, int entryAge, MonthDay cutOff) {
    LocalDate latest = latestBirthDateForPrimary(schoolYear, entryAge, cutOff);
    if (!birthDate.isAfter(latest)) {
      return Optional.empty();
    }
    return Optional.of(
        CheckMessages.error(
            field,
            "age.primary.too-young",
            String.valueOf(latest.getYear()),
            String.valueOf(latest.getMonthValue()),
            String.valueOf(latest.getDayOfMonth()),
            latest.toString()));
  }
}
