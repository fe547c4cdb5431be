package org.civicplatform.spi.rules.checks;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import org.civicplatform.spi.rules.FieldError;

/**
 * Dates typed by parents (日期): exactly {@code yyyy-MM-dd} with ASCII digits, a day that exists, from
 * 1900-01-01 to today. Every date a form asks for records something that has happened (a birth, a
 * purchase, an award, a graduation, an issue date), so a date after today is a typing error.
 *
 * <p>{@link LocalDate#parse} alone is not enough: it also takes {@code 0000-01-01}, {@code -0001-01-01}
 * and {@code +10000-01-01}.
 */
public final class Dates {

  /** The earliest date a form takes (as for the birth date inside an identity number). */
  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  private Dates() {}

  /**
   * The date written {@code yyyy-MM-dd} (ASCII digits, no sign, a real day), else empty. Spaces around
   * it are ignored; nothing else is.
   */
  public static Optional<LocalDate> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String date = text.strip();
    if (date.length() != 10 || date.charAt(4) != '-' || date.charAt(7) != '-'
        || !digits(date, 0, 4) || !digits(date, 5, 7) || !digits(date, 8, 10)) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(date.substring(0, 4)),
          Integer.parseInt(date.substring(5, 7)), Integer.parseInt(date.substring(8, 10))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The problem with a typed date, if any: not written {@code yyyy-MM-dd}, no such day, before 1900 or
   * after {@code today}.
   */
  public static Optional<FieldError> check(String field, String text, LocalDate today) {
    Optional<LocalDate> date = parse(text);
    if (date.isEmpty()) {
      return Optional.of(CheckMessages.error(field, "date.format"));
    }
    if (date.get().isBefore(EARLIEST)) {
      return Optional.of(CheckMessages.error(field, "date.too-early"));
    }
    if (date.get().isAfter(today)) {
      return Optional.of(CheckMessages.error(field, "date.future", today.toString()));
    }
    return Optional.empty();
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
