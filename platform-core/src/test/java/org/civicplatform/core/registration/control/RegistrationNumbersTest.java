package org.civicplatform.core.registration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RegistrationNumbersTest {

  @Test
  void registrationNumbersFollowTheSeedsStyle() {
    assertEquals("ES2024000100", RegistrationNumbers.format("ES", 2024, 100));
  }

  @Test
  void theSequenceMayOutgrowSixDigits() {
    assertEquals("ES20241234567", RegistrationNumbers.format("ES", 2024, 1_234_567));
  }
}
