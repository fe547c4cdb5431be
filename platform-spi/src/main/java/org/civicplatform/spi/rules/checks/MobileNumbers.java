package org.civicplatform.spi.rules.checks;

import java.util.Optional;
import org.civicplatform.spi.rules.FieldError;

/**
 * Mainland mobile numbers (手机号码): 11 digits beginning with 13 to 19. Spaces anywhere are removed
 * first ({@link Spaces}); country codes are not accepted.
 */
public final class MobileNumbers {

  private static final String PATTERN = "1[3-9]\\d{9}";

  private MobileNumbers() {}

  /** The number without spaces; {@code null} stays {@code null}. */
  public static String normalise(String raw) {
    return Spaces.strip(raw);
  }

  /** The problem with a number, if any: missing or not 11 digits starting 13–19. */
  public static Optional<FieldError> check(String field, String raw) {
    String number = normalise(raw);
    if (number == null || number.isEmpty()) {
      return Optional.of(CheckMessages.error(field, "mobile.required"));
    }
    if (!number.matches(PATTERN)) {
      return Optional.of(CheckMessages.error(field, "mobile.format"));
    }
    return Optional.empty();
  }

  /** Whether {@link #check} finds nothing wrong. */
  public static boolean isValid(String raw) {
    return check("", raw).isEmpty();
  }

  /**
   * The number as shown in lists: first three and last four digits ({@code 138****5678}); a text of
   * seven characters or fewer is masked entirely; {@code null} stays {@code null}.
   */
  public static String mask(String raw) {
    String number = normalise(raw);
    return number == null ? null : Masks.keep(number, 3, 4);
  }
}
