package org.civicplatform.spi.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class IdNumberPropertiesTest {

  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  @Provide
  Arbitrary<LocalDate> birthDates() {
    LocalDate first = LocalDate.of(1900, 1, 1);
    return Arbitraries.longs()
        .between(0, ChronoUnit.DAYS.between(first, LocalDate.of(2030, 12, 31)))
        .map(first::plusDays);
  }

  @Provide
  Arbitrary<String> validNumbers() {
    Arbitrary<String> address =
        Arbitraries.strings().numeric().ofLength(6).filter(s -> s.charAt(0) != '0');
    Arbitrary<String> sequence = Arbitraries.strings().numeric().ofLength(3);
    return Combinators.combine(address, birthDates(), sequence)
        .as((a, d, s) -> a + d.format(BASIC) + s)
        .map(first17 -> first17 + IdNumbers.checkCharacter(first17));
  }

  @Property
  void acceptsEveryNumberBuiltWithItsCheckCharacter(@ForAll("validNumbers") String number) {
    assertTrue(IdNumbers.isValid(number));
  }

  @Property
  void rejectsANumberWithAnySingleCharacterChanged(
      @ForAll("validNumbers") String number,
      @ForAll @IntRange(min = 0, max = 17) int position,
      @ForAll @IntRange(min = 1, max = 10) int shift) {
    String alphabet = position == 17 ? "0123456789X" : "0123456789";
    int index = alphabet.indexOf(number.charAt(position));
    char changed = alphabet.charAt((index + shift) % alphabet.length());
    if (changed == number.charAt(position)) {
      changed = alphabet.charAt((index + 1) % alphabet.length());
    }
    String altered = number.substring(0, position) + changed + number.substring(position + 1);
    assertFalse(IdNumbers.isValid(altered), altered);
  }

  @Property
  void rejectsANumberWithTwoNeighbouringDigitsSwapped(
      @ForAll("validNumbers") String number, @ForAll @IntRange(min = 0, max = 15) int position) {
    char a = number.charAt(position);
    char b = number.charAt(position + 1);
    if (a != b) {
      String swapped = number.substring(0, position) + b + a + number.substring(position + 2);
      assertFalse(IdNumbers.isValid(swapped), swapped);
    }
  }

  @Property
  void returnsTheBirthDateItWasBuiltWith(@ForAll("birthDates") LocalDate birthDate) {
    String first17 = "320583" + birthDate.format(BASIC) + "013";
    String number = first17 + IdNumbers.checkCharacter(first17);
    assertEquals(birthDate, IdNumbers.birthDate(number).orElseThrow());
  }

  @Property
  void readsGenderFromTheParityOfTheSeventeenthDigit(@ForAll("validNumbers") String number) {
    Gender expected = (number.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    assertEquals(expected, IdNumbers.gender(number).orElseThrow());
  }

  @Property
  void masksEveryValidNumberToFourStarsFourWithTenStars(@ForAll("validNumbers") String number) {
    String masked = IdNumbers.mask(number);
    assertEquals(number.substring(0, 4) + "**********" + number.substring(14), masked);
  }
}
