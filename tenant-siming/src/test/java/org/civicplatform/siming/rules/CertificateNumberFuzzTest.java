package org.civicplatform.siming.rules;

import org.civicplatform.spi.testing.FuzzText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Locale;
import org.civicplatform.spi.rules.checks.Spaces;

/**
 * Coverage-guided fuzzing of Siming's certificate and contract numbers (seed 002 §(3): upper case, no
 * spaces, without the -1 / -2 suffix). The number is normalised when the step is saved and again when
 * the registry is asked, so normalising must be idempotent: the registry sees the number stored.
 */
class CertificateNumberFuzzTest {

  @FuzzTest
  void normalisingTwiceGivesTheNumberStoredWithoutSpacesOrSuffix(byte[] data) {
    String typed = FuzzText.of(data);
    String stored = SimingRules.certificateNumber(typed);
    assertEquals(stored, SimingRules.certificateNumber(stored), () -> "typed " + typed);
    assertFalse(Spaces.containsAny(stored), () -> "spaces left in " + stored);
    assertEquals(stored.toUpperCase(Locale.ROOT), stored);
    assertFalse(stored.matches("(?s).*-[0-9]"), () -> "a suffix left in " + stored);
    String contract = SimingRules.contractNumber(typed);
    assertEquals(contract, SimingRules.contractNumber(contract));
    assertEquals(Spaces.strip(typed).toUpperCase(Locale.ROOT), contract);
  }
}
