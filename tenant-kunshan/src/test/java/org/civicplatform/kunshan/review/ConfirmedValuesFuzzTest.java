package org.civicplatform.kunshan.review;

import org.civicplatform.spi.testing.FuzzText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Coverage-guided fuzzing of the values a department confirms (部门审核): insurance months are whole
 * numbers within their range — compared as numbers, never wrapped into an int first — and dates are
 * real days written yyyy-MM-dd from 1900.
 */
class ConfirmedValuesFuzzTest {

  static final DateTimeFormatter STRICT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  @FuzzTest
  void takesMonthsOnlyAsWholeNumbersWithinTheRange(FuzzedDataProvider data) {
    int max = data.consumeInt(0, 120);
    BigDecimal months = switch (data.consumeInt(0, 2)) {
      case 0 -> BigDecimal.valueOf(data.consumeInt(-5, 130));
      case 1 -> BigDecimal.valueOf(data.consumeLong());
      default -> new BigDecimal(new BigInteger(data.consumeBytes(20).length == 0 ? new byte[] {7} : data.consumeBytes(20)),
          data.consumeInt(-25, 5));
    };
    Integer taken = KunshanConfirmations.whole(Json.createValue(months), max);
    boolean whole = months.scale() == 0;
    boolean inRange = months.signum() >= 0 && months.compareTo(BigDecimal.valueOf(max)) <= 0;
    assertEquals(whole && inRange, taken != null, () -> months + " of at most " + max);
    if (taken != null) {
      assertEquals(0, months.compareTo(BigDecimal.valueOf(taken)), "the value stored is the value sent");
    }
  }

  @FuzzTest
  void takesOnlyRealDaysFrom1900WrittenYearMonthDay(byte[] data) {
    String typed = FuzzText.of(data);
    LocalDate parsed = KunshanConfirmations.date(typed);
    LocalDate expected;
    try {
      String t = typed.strip();
      expected = t.length() == 10 && t.chars().allMatch(c -> c == '-' || c >= '0' && c <= '9')
          ? LocalDate.parse(t, STRICT) : null;
    } catch (DateTimeParseException e) {
      expected = null;
    }
    if (expected != null && expected.getYear() < 1900) {
      expected = null;
    }
    assertEquals(expected, parsed, typed);
    if (parsed != null) {
      assertTrue(parsed.getYear() >= 1900 && parsed.getYear() <= 9999);
    }
  }
}
