package org.civicplatform.spi.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.civicplatform.spi.rules.FieldError;
import org.junit.jupiter.api.Test;

class IdNumberCheckTest {

  static final String VALID = "320583198501090139";
  static final String VALID_WITH_X = "11010519491231002X";

  private static String codeOf(String raw) {
    return IdNumbers.check("family.student.idNumber", raw).map(FieldError::code).orElse("ok");
  }

  @Test
  void acceptsANumberWhoseCheckDigitMatches() {
    assertEquals("ok", codeOf(VALID));
  }

  @Test
  void acceptsXAsTheCheckCharacter() {
    assertEquals("ok", codeOf(VALID_WITH_X));
  }

  @Test
  void acceptsALowerCaseX() {
    assertEquals("ok", codeOf("11010519491231002x"));
  }

  @Test
  void removesSpacesIncludingTheIdeographicSpaceBeforeChecking() {
    assertEquals("ok", codeOf(" 3205 8319\u30008501 0901 39\t"));
  }

  @Test
  void rejectsAWrongCheckDigit() {
    assertEquals("id-number.check-digit", codeOf("320583198501090138"));
  }

  @Test
  void rejectsXWhereADigitIsExpected() {
    assertEquals("id-number.check-digit", codeOf("32058319850109013X"));
  }

  @Test
  void rejectsABirthDateThatIsNotARealDay() {
    assertEquals("id-number.birth-date", codeOf(withCheckCharacter("32058320230230013")));
  }

  @Test
  void rejectsTheTwentyNinthOfFebruaryOutsideLeapYears() {
    assertEquals("id-number.birth-date", codeOf(withCheckCharacter("32058320230229013")));
    assertEquals("ok", codeOf(withCheckCharacter("32058320240229013")));
  }

  @Test
  void rejectsABirthYearBefore1900() {
    assertEquals("id-number.birth-date", codeOf(withCheckCharacter("32058318991231013")));
  }

  @Test
  void rejectsABirthDateAfterTodayWhenTodayIsGiven() {
    String bornLater = withCheckCharacter("32058320240601013");
    LocalDate today = LocalDate.of(2024, 5, 31);
    assertEquals(
        "id-number.birth-date-future", IdNumbers.check("f", bornLater, today).orElseThrow().code());
    assertTrue(IdNumbers.check("f", bornLater, today.plusDays(1)).isEmpty());
  }

  @Test
  void rejectsFifteenDigitFirstGenerationNumbers() {
    assertEquals("id-number.format", codeOf("320583850109013"));
  }

  @Test
  void rejectsLettersOtherThanAFinalX() {
    assertEquals("id-number.format", codeOf("3205831985O1090139"));
    assertEquals("id-number.format", codeOf("32058319850109013Y"));
  }

  @Test
  void rejectsFullWidthDigits() {
    assertEquals("id-number.format", codeOf("３２０５８３１９８５０１０９０１３９"));
  }

  @Test
  void reportsAMissingNumberAsRequired() {
    assertEquals("id-number.required", codeOf(null));
    assertEquals("id-number.required", codeOf(" \u3000 "));
  }

  @Test
  void namesTheFieldAndExplainsInChineseAndEnglish() {
    FieldError error = IdNumbers.check("guardians[0].idNumber", "320583198501090138").orElseThrow();
    assertEquals("guardians[0].idNumber", error.field());
    assertTrue(error.message().zh().contains("校验位"));
    assertTrue(error.message().en().contains("identity number"));
  }

  @Test
  void answersValidityWithoutThrowing() {
    assertTrue(IdNumbers.isValid(VALID));
    assertFalse(IdNumbers.isValid("not a number"));
    assertFalse(IdNumbers.isValid(null));
  }

  static String withCheckCharacter(String first17) {
    return first17 + IdNumbers.checkCharacter(first17);
  }
}
