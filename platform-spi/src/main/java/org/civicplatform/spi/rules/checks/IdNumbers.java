package org.civicplatform.spi.rules.checks;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.civicplatform.spi.rules.FieldError;

/**
 * The 18-character mainland resident identity number (居民身份证号码, 公民身份号码) of GB 11643-1999: six digits
 * of address code, eight of birth date {@code yyyyMMdd}, three of sequence code whose last digit is
 * odd for men and even for women, and one check character computed with ISO 7064 MOD 11-2.
 *
 * <p>Every method accepts the number as typed: spaces anywhere are removed and a lower-case {@code
 * x} counts as {@code X} ({@link #normalise}). Nothing here throws for bad input: {@link #check}
 * returns the {@link FieldError} to show next to the field, the accessors return an empty {@link
 * Optional}.
 */
public final class IdNumbers {

  /** Length of a mainland identity number. */
  public static final int LENGTH = 18;

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARACTERS = "10X98765432";
  private static final int EARLIEST_BIRTH_YEAR = 1900;

  private IdNumbers() {}

  /**
   * The number without spaces and with an upper-case {@code X}; {@code null} stays {@code null}.
   */
  public static String normalise(String raw) {
    String stripped = Spaces.strip(raw);
    return stripped == null ? null : stripped.toUpperCase(Locale.ROOT);
  }

  /**
   * The problem with a number, if any: missing, not 17 digits plus a digit or X, a birth date that
   * is not a real date (or before 1900), or a wrong check character.
   *
   * @param field the field path reported in the error
   * @param raw the number as typed
   */
  public static Optional<FieldError> check(String field, String raw) {
    String number = normalise(raw);
    if (number == null || number.isEmpty()) {
      return Optional.of(CheckMessages.error(field, "id-number.required"));
    }
    if (!number.matches("\\d{17}[\\dX]")) {
      return Optional.of(CheckMessages.error(field, "id-number.format"));
    }
    if (parseBirthDate(number).isEmpty()) {
      return Optional.of(CheckMessages.error(field, "id-number.birth-date"));
    }
    if (number.charAt(17) != checkCharacter(number.substring(0, 17))) {
      return Optional.of(CheckMessages.error(field, "id-number.check-digit"));
    }
    return Optional.empty();
  }

  /** As {@link #check(String, String)}, and the birth date must not be after {@code today}. */
  public static Optional<FieldError> check(String field, String raw, LocalDate today) {
    Optional<FieldError> error = check(field, raw);
    if (error.isEmpty() && birthDate(raw).orElseThrow().isAfter(today)) {
      return Optional.of(CheckMessages.error(field, "id-number.birth-date-future"));
    }
    return error;
  }

  /** Whether {@link #check(String, String)} finds nothing wrong. */
  public static boolean isValid(String raw) {
    return check("", raw).isEmpty();
  }

  /**
   * The check character (校验码) for the first 17 digits: the weighted sum of the digits with weights
   * 2<sup>17−i</sup> mod 11 (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2), taken mod 11,
   * maps 0…10 to {@code 1 0 X 9 8 7 6 5 4 3 2}.
   *
   * @throws IllegalArgumentException unless {@code first17} is exactly 17 ASCII digits
   */
  public static char checkCharacter(String first17) {
    if (first17 == null || !first17.matches("\\d{17}")) {
      throw new IllegalArgumentException("17 digits expected");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS.charAt(sum % 11);
  }

  /** The birth date (出生日期) recorded in a {@link #isValid valid} number, else empty. */
  public static Optional<LocalDate> birthDate(String raw) {
    return isValid(raw) ? parseBirthDate(normalise(raw)) : Optional.empty();
  }

  /**
   * What a parent typed beside a valid mainland number and the number contradict: a birth date other than
   * the number's ({@code <prefix>birthDate}). Blank or malformed dates, and numbers that are not valid, give
   * nothing here (their own checks name them). The gender is left to review: fixtures and registries disagree
   * on it more often than people do.
   */
  public static java.util.List<org.civicplatform.spi.rules.FieldError> contradictions(
      String prefix, String idNumber, String birthDate) {
    java.util.List<org.civicplatform.spi.rules.FieldError> errors = new java.util.ArrayList<>();
    Optional<LocalDate> born = birthDate(idNumber);
    if (born.isPresent() && birthDate != null && !birthDate.isBlank() && !born.get().toString().equals(birthDate.strip())) {
      errors.add(org.civicplatform.spi.rules.FieldError.of(prefix + "birthDate", "birth-date.id-mismatch",
          "出生日期与身份证号码不一致：身份证号码中的出生日期为 " + born.get() + "。",
          "The date of birth does not match the ID number, which records " + born.get() + "."));
    }
    return errors;
  }

  /** The gender recorded by the 17th digit of a {@link #isValid valid} number, else empty. */
  public static Optional<Gender> gender(String raw) {
    if (!isValid(raw)) {
      return Optional.empty();
    }
    int digit = normalise(raw).charAt(16) - '0';
    return Optional.of(digit % 2 == 1 ? Gender.MALE : Gender.FEMALE);
  }

  /**
   * The number as shown to reviewers and in lists: the first four and last four characters, every
   * other one replaced by {@code *} ({@code 3205**********0139}). A text of eight characters or
   * fewer is masked entirely; characters are counted as code points; {@code null} stays {@code null}.
   */
  public static String mask(String raw) {
    String number = normalise(raw);
    return number == null ? null : Masks.keep(number, 4, 4);
  }

  private static Optional<LocalDate> parseBirthDate(String number) {
    try {
      int year = Integer.parseInt(number.substring(6, 10));
      int month = Integer.parseInt(number.substring(10, 12));
      int day = Integer.parseInt(number.substring(12, 14));
      if (year < EARLIEST_BIRTH_YEAR) {
        return Optional.empty();
      }
      return Optional.of(LocalDate.of(year, month, day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
