package org.civicplatform.realm.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RegistrationNumberInputTest {

  @Test
  void aRegistrationNumberIsRecognisedAsIssued() {
    assertEquals("ES2024000001", RegistrationNumberInput.normalise("ES2024000001"));
  }

  @Test
  void lowerCaseAndSpacesTypedOnAPhoneAreForgiven() {
    assertEquals("ES2024000001", RegistrationNumberInput.normalise(" es 2024 000001 "));
  }

  @Test
  void aMobileNumberGoesToTheStandardLookup() {
    assertNull(RegistrationNumberInput.normalise("13800000001"));
  }

  @Test
  void aStaffUsernameGoesToTheStandardLookup() {
    assertNull(RegistrationNumberInput.normalise("ks-window-huaqiao"));
  }

  @Test
  void somethingLongerThanANumberIsNotOne() {
    assertNull(RegistrationNumberInput.normalise("ES20240000011"));
  }
}
