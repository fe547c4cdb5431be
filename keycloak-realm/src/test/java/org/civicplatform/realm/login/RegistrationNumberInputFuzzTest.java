package org.civicplatform.realm.login;

import org.civicplatform.spi.testing.FuzzText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Locale;

/**
 * Coverage-guided fuzzing of the login form's registration-number recogniser. The platform issues
 * {@code <1-4 capital letters><4-digit year><sequence: 6 digits zero-padded, or more without a leading 0>}
 * (RegistrationNumbers, ParentIdentity);
 * every such number, typed with spaces or in lower case, signs in by that number, and nothing else is
 * taken for one (a mobile number or a staff username goes to the standard lookup).
 */
class RegistrationNumberInputFuzzTest {

  /** Spaces as the platform's field checks remove them (Spaces): white space, separators, zero-width. */
  static String withoutSpaces(String typed) {
    StringBuilder kept = new StringBuilder();
    typed.codePoints().filter(c -> !(Character.isWhitespace(c) || Character.isSpaceChar(c)
        || c >= 0x200B && c <= 0x200D || c == 0x2060 || c == 0xFEFF)).forEach(kept::appendCodePoint);
    return kept.toString();
  }

  static String reference(String typed) {
    String compact = withoutSpaces(typed);
    int letters = 0;
    while (letters < compact.length() && letters < 5
        && (compact.charAt(letters) >= 'A' && compact.charAt(letters) <= 'Z'
            || compact.charAt(letters) >= 'a' && compact.charAt(letters) <= 'z')) {
      letters++;
    }
    String digits = compact.substring(letters);
    String sequence = digits.length() >= 4 ? digits.substring(4) : "";
    boolean shape = letters >= 1 && letters <= 4 && digits.length() >= 10 && digits.length() <= 23
        && digits.chars().allMatch(c -> c >= '0' && c <= '9') && digits.charAt(0) != '0'
        && (sequence.length() == 6 || sequence.charAt(0) != '0');
    return shape ? compact.toUpperCase(Locale.ROOT) : null;
  }

  @FuzzTest
  void recognisesExactlyTheIssuedShape(byte[] data) {
    String typed = FuzzText.of(data);
    assertEquals(reference(typed), RegistrationNumberInput.normalise(typed), typed);
  }

  @FuzzTest
  void everyIssuedNumberSignsInHoweverItIsTyped(FuzzedDataProvider data) {
    StringBuilder prefix = new StringBuilder();
    for (int i = data.consumeInt(1, 4); i > 0; i--) {
      prefix.append((char) ('A' + data.consumeInt(0, 25)));
    }
    String issued = prefix.toString() + data.consumeInt(1000, 9999)
        + String.format("%06d", data.consumeLong(0, Long.MAX_VALUE));
    StringBuilder typed = new StringBuilder();
    String[] spaces = {"", " ", "\u3000", "\t", "\u00a0"};
    for (char c : issued.toCharArray()) {
      typed.append(data.consumeBoolean() ? Character.toLowerCase(c) : c).append(data.pickValue(spaces));
    }
    assertEquals(issued, RegistrationNumberInput.normalise(typed.toString()), typed::toString);
    assertNull(RegistrationNumberInput.normalise(issued.substring(prefix.length())), "digits alone are not one");
  }
}
