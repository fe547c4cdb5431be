package org.civicplatform.spi.rules.checks;

import org.civicplatform.spi.testing.FuzzText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.Set;
import org.civicplatform.spi.rules.FieldError;

/** Coverage-guided fuzzing of typed dates: only real days from 1900 to today, written yyyy-MM-dd. */
class DatesFuzzTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  static final DateTimeFormatter STRICT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  /** The reference: ten ASCII characters the strict pattern reads as a real day. */
  static Optional<LocalDate> reference(String typed) {
    String t = typed.strip();
    if (t.length() != 10 || !t.chars().allMatch(c -> c == '-' || c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(t, STRICT));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @FuzzTest
  void acceptsOnlyRealDaysFrom1900ToTodayAndNeverThrows(byte[] data) {
    String typed = FuzzText.of(data);
    Optional<LocalDate> parsed = Dates.parse(typed);
    assertEquals(reference(typed), parsed, typed);
    parsed.ifPresent(d -> assertEquals(typed.strip(), d.toString(), "a parsed date is written as typed"));
    Optional<FieldError> error = Dates.check("d", typed, TODAY);
    boolean acceptable = parsed.filter(d -> !d.isBefore(LocalDate.of(1900, 1, 1)) && !d.isAfter(TODAY)).isPresent();
    assertEquals(acceptable, error.isEmpty(), () -> typed + " gave " + error);
    error.ifPresent(e -> {
      assertEquals("d", e.field());
      assertTrue(Set.of("date.format", "date.too-early", "date.future").contains(e.code()), e.code());
      assertFalse(e.message().zh().isBlank());
    });
  }

  @FuzzTest
  void everyDayFrom1900ToTodayRoundTripsAndNoLaterDayIsTaken(FuzzedDataProvider data) {
    LocalDate day = LocalDate.of(1800, 1, 1).plusDays(data.consumeInt(0, 120_000));
    LocalDate today = LocalDate.of(1950, 1, 1).plusDays(data.consumeInt(0, 40_000));
    assertEquals(Optional.of(day), Dates.parse(day.toString()));
    assertEquals(Optional.of(day), Dates.parse(" " + day + "\t"));
    boolean inRange = !day.isBefore(Dates.EARLIEST) && !day.isAfter(today);
    assertEquals(inRange, Dates.check("d", day.toString(), today).isEmpty(), day + " on " + today);
  }
}
