package org.civicplatform.spi.rules.checks;

import org.civicplatform.spi.testing.FuzzText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;
import java.util.Set;
import org.civicplatform.spi.rules.FieldError;

/** Coverage-guided fuzzing of the mainland mobile-number check and its mask. */
class MobileNumbersFuzzTest {

  /** 11 ASCII digits, the first 1, the second 3 to 9, after removing spaces. */
  static boolean reference(String typed) {
    String n = Spaces.strip(typed);
    if (n.length() != 11 || n.charAt(0) != '1' || n.charAt(1) < '3' || n.charAt(1) > '9') {
      return false;
    }
    return n.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  @FuzzTest
  void acceptsExactlyElevenDigitMainlandNumbersAndMasksWithoutCuttingCharacters(byte[] data) {
    String typed = FuzzText.of(data);
    Optional<FieldError> error = MobileNumbers.check("phone", typed);
    assertEquals(reference(typed), error.isEmpty(), () -> typed + " gave " + error);
    error.ifPresent(e -> {
      assertEquals("phone", e.field());
      assertTrue(Set.of("mobile.required", "mobile.format").contains(e.code()), e.code());
    });
    String normalised = MobileNumbers.normalise(typed);
    assertEquals(normalised, MobileNumbers.normalise(normalised));
    String masked = MobileNumbers.mask(typed);
    assertEquals(normalised.codePointCount(0, normalised.length()), masked.codePointCount(0, masked.length()));
    if (FuzzText.wellFormed(normalised)) {
      assertTrue(FuzzText.wellFormed(masked), () -> "the mask cut a character of " + typed);
    }
    if (error.isEmpty()) {
      assertEquals(normalised.substring(0, 3) + "****" + normalised.substring(7), masked);
      assertFalse(masked.substring(3, 7).chars().anyMatch(Character::isDigit), "the middle four are hidden");
    }
  }
}
