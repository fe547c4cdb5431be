package org.civicplatform.core.registration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeHasherTest {

  final CodeHasher hasher = new CodeHasher("a-test-pepper-of-enough-length");

  @Test
  void newCodesHaveSixDigitsAndVary() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String code = CodeHasher.newCode(6);
      assertTrue(code.matches("\\d{6}"), code);
      seen.add(code);
    }
    assertTrue(seen.size() > 190, "codes repeat too often: " + seen.size());
  }

  @Test
  void theStoredFormIsAHexDigestWithoutTheCodeInIt() {
    String hash = hasher.hash("13900000000", "REGISTER", "123456");
    assertTrue(hash.matches("[0-9a-f]{64}"), hash);
    assertFalse(hash.contains("123456"));
    assertEquals(hash, hasher.hash("13900000000", "REGISTER", "123456"));
  }

  @Test
  void aCodeIsBoundToItsNumberPurposeAndPepper() {
    String hash = hasher.hash("13900000000", "REGISTER", "123456");
    assertNotEquals(hash, hasher.hash("13900000001", "REGISTER", "123456"));
    assertNotEquals(hash, hasher.hash("13900000000", "RECOVER", "123456"));
    assertNotEquals(hash, new CodeHasher("another-pepper-of-enough-length").hash("13900000000", "REGISTER", "123456"));
  }

  @Test
  void aShortPepperIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new CodeHasher("short"));
  }
}
