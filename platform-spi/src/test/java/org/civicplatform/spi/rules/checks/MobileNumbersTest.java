package org.civicplatform.spi.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.civicplatform.spi.rules.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumbersTest {

  private static String codeOf(String raw) {
    return MobileNumbers.check("family.guardians[0].phone", raw).map(FieldError::code).orElse("ok");
  }

  @ParameterizedTest
  @ValueSource(strings = {"13012345678", "15912345678", "19912345678", "16612345678"})
  void acceptsElevenDigitsStartingThirteenToNineteen(String number) {
    assertEquals("ok", codeOf(number));
  }

  @Test
  void removesSpacesBeforeChecking() {
    assertEquals("ok", codeOf("138 1234\u30005678"));
    assertEquals("13812345678", MobileNumbers.normalise(" 138 1234 5678 "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"12012345678", "10012345678", "23812345678"})
  void rejectsNumbersWithAnotherPrefix(String number) {
    assertEquals("mobile.format", codeOf(number));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1381234567", "138123456789", "+8613812345678", "138-1234-5678"})
  void rejectsAnythingButElevenDigits(String number) {
    assertEquals("mobile.format", codeOf(number));
  }

  @Test
  void reportsAMissingNumberAsRequired() {
    assertEquals("mobile.required", codeOf(""));
    assertEquals("mobile.required", codeOf(null));
  }

  @Test
  void explainsInChineseAndEnglish() {
    FieldError error = MobileNumbers.check("phone", "12").orElseThrow();
    assertEquals("phone", error.field());
    assertTrue(error.message().zh().contains("11 位"));
    assertTrue(error.message().en().contains("11 digits"));
  }

  @Test
  void masksAllButTheFirstThreeAndLastFourDigits() {
    assertEquals("138****5678", MobileNumbers.mask("13812345678"));
  }

  @Test
  void answersValidityWithoutThrowing() {
    assertTrue(MobileNumbers.isValid("13812345678"));
    assertFalse(MobileNumbers.isValid("x"));
  }
}
