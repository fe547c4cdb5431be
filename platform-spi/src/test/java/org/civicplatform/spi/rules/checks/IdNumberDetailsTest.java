package org.civicplatform.spi.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdNumberDetailsTest {

  @Test
  void computesTheCheckCharacterWithTheStandardWeights() {
    assertEquals('X', IdNumbers.checkCharacter("11010519491231002"));
    assertEquals('9', IdNumbers.checkCharacter("32058319850109013"));
    assertEquals('7', IdNumbers.checkCharacter("44030820180601101"));
  }

  @Test
  void refusesToComputeACheckCharacterForAnythingButSeventeenDigits() {
    assertThrows(IllegalArgumentException.class, () -> IdNumbers.checkCharacter("1234"));
    assertThrows(IllegalArgumentException.class, () -> IdNumbers.checkCharacter(null));
  }

  @Test
  void readsTheBirthDateFromCharactersSevenToFourteen() {
    assertEquals(Optional.of(LocalDate.of(1985, 1, 9)), IdNumbers.birthDate("320583198501090139"));
  }

  @Test
  void givesNoBirthDateForAnInvalidNumber() {
    assertEquals(Optional.empty(), IdNumbers.birthDate("320583198501090138"));
  }

  @Test
  void readsAnOddSeventeenthDigitAsMale() {
    assertEquals(Optional.of(Gender.MALE), IdNumbers.gender("320583198501090139"));
  }

  @Test
  void readsAnEvenSeventeenthDigitAsFemale() {
    assertEquals(Optional.of(Gender.FEMALE), IdNumbers.gender("11010519491231002X"));
  }

  @Test
  void givesNoGenderForAnInvalidNumber() {
    assertTrue(IdNumbers.gender("11010519491231002Y").isEmpty());
  }

  @Test
  void masksAllButTheFirstFourAndLastFourCharacters() {
    assertEquals("3205**********0139", IdNumbers.mask("320583198501090139"));
  }

  @Test
  void masksAfterRemovingSpacesAndUpperCasingX() {
    assertEquals("1101**********002X", IdNumbers.mask("110105 19491231 002x"));
  }

  @Test
  void masksShortTextsEntirely() {
    assertEquals("******", IdNumbers.mask("123456"));
    assertNull(IdNumbers.mask(null));
  }

  @Test
  void normalisesBySpacesRemovedAndUpperCaseX() {
    assertEquals("11010519491231002X", IdNumbers.normalise(" 110105\u300019491231002x "));
  }

  @Test
  void aTypedBirthDateOtherThanTheNumbersIsNamedWithTheNumbersDate() {
    String id = "320583201803150015";
    var errors = IdNumbers.contradictions("family.student.", id, "2018-04-15");
    assertEquals(1, errors.size());
    assertEquals("family.student.birthDate", errors.get(0).field());
    assertTrue(errors.get(0).message().zh().contains("2018-03-15"), errors.toString());
    assertEquals(java.util.List.of(), IdNumbers.contradictions("p.", id, "2018-03-15"));
    assertEquals(java.util.List.of(), IdNumbers.contradictions("p.", id, null));
    assertEquals(java.util.List.of(), IdNumbers.contradictions("p.", "not a number", "2018-04-15"));
  }
}
