package org.civicplatform.spi.rules.checks;

import org.civicplatform.spi.testing.FuzzText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.civicplatform.spi.rules.FieldError;

/**
 * Coverage-guided fuzzing of the GB 11643 identity-number check (regression mode under {@code mvn test}
 * replays {@code IdNumbersFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes). The reference below
 * recomputes the ISO 7064 MOD 11-2 check character from its definition, not from the class's table.
 */
class IdNumbersFuzzTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  static final Set<String> CODES = Set.of("id-number.required", "id-number.format", "id-number.birth-date",
      "id-number.check-digit", "id-number.birth-date-future");

  /** What GB 11643-1999 accepts: 17 ASCII digits, a real birth date from 1900, the MOD 11-2 character. */
  static boolean reference(String typed) {
    String n = Spaces.strip(typed).replace('x', 'X');
    if (n.length() != 18) {
      return false;
    }
    for (int i = 0; i < 17; i++) {
      if (n.charAt(i) < '0' || n.charAt(i) > '9') {
        return false;
      }
    }
    LocalDate born;
    try {
      born = LocalDate.of(Integer.parseInt(n.substring(6, 10)), Integer.parseInt(n.substring(10, 12)),
          Integer.parseInt(n.substring(12, 14)));
    } catch (DateTimeException e) {
      return false;
    }
    if (born.getYear() < 1900) {
      return false;
    }
    return n.charAt(17) == referenceCheck(n.substring(0, 17));
  }

  /** a₁ = (12 − Σ aᵢ·(2^(i−1) mod 11)) mod 11, positions counted from the right, 10 written X. */
  static char referenceCheck(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int weight = BigInteger.TWO.pow(17 - i).mod(BigInteger.valueOf(11)).intValue();
      sum += (first17.charAt(i) - '0') * weight;
    }
    int value = (12 - sum % 11) % 11;
    return value == 10 ? 'X' : (char) ('0' + value);
  }

  @FuzzTest
  void acceptsExactlyTheNumbersTheStandardAcceptsAndNeverThrows(byte[] data) {
    String typed = FuzzText.of(data);
    Optional<FieldError> error = IdNumbers.check("f", typed);
    boolean valid = reference(typed);
    assertEquals(valid, error.isEmpty(), () -> "check of " + typed + " gave " + error);
    error.ifPresent(e -> {
      assertEquals("f", e.field());
      assertTrue(CODES.contains(e.code()), e.code());
      assertFalse(e.message().zh().isBlank());
      assertFalse(e.message().en().isBlank());
    });
    String normalised = IdNumbers.normalise(typed);
    assertEquals(normalised, IdNumbers.normalise(normalised), "normalising twice changes nothing");
    assertFalse(Spaces.containsAny(normalised));
    String masked = IdNumbers.mask(typed);
    assertEquals(normalised.codePointCount(0, normalised.length()), masked.codePointCount(0, masked.length()),
        "the mask keeps the number of characters");
    if (FuzzText.wellFormed(normalised)) {
      assertTrue(FuzzText.wellFormed(masked), () -> "the mask cut a character of " + typed);
    }
    Optional<FieldError> dated = IdNumbers.check("f", typed, TODAY);
    if (valid) {
      LocalDate born = IdNumbers.birthDate(typed).orElseThrow();
      assertEquals(normalised.substring(6, 14), born.toString().replace("-", ""));
      assertEquals((normalised.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE,
          IdNumbers.gender(typed).orElseThrow());
      assertEquals(born.isAfter(TODAY), dated.isPresent(), "a birth date after today is refused");
      assertEquals(normalised.substring(0, 4) + "**********" + normalised.substring(14), masked);
    } else {
      assertTrue(IdNumbers.birthDate(typed).isEmpty());
      assertTrue(IdNumbers.gender(typed).isEmpty());
      assertTrue(dated.isPresent());
    }
  }

  /** Every number the standard issues is accepted; changing any one digit of it is caught. */
  @FuzzTest
  void acceptsEveryIssuedNumberAndCatchesEverySingleDigitError(FuzzedDataProvider data) {
    LocalDate born = LocalDate.of(1900, 1, 1).plusDays(data.consumeInt(0, 60_000));
    StringBuilder first17 = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      first17.append((char) ('0' + data.consumeInt(0, 9)));
    }
    first17.append(born.toString().replace("-", ""));
    for (int i = 0; i < 3; i++) {
      first17.append((char) ('0' + data.consumeInt(0, 9)));
    }
    String number = first17 + String.valueOf(referenceCheck(first17.toString()));
    assertEquals(referenceCheck(first17.toString()), IdNumbers.checkCharacter(first17.toString()));
    assertTrue(IdNumbers.isValid(number), number);
    assertTrue(IdNumbers.isValid(number.toLowerCase()), "a lower-case x is an X");
    assertEquals(born, IdNumbers.birthDate(number).orElseThrow());
    int position = data.consumeInt(0, 17);
    char original = number.charAt(position);
    char replacement = position == 17 && data.consumeBoolean() ? 'X' : (char) ('0' + data.consumeInt(0, 9));
    if (replacement != original) {
      String changed = number.substring(0, position) + replacement + number.substring(position + 1);
      assertFalse(IdNumbers.isValid(changed), () -> number + " with one character changed: " + changed);
    }
  }
}
