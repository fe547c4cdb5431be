package org.civicplatform.core.registration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of registration numbers (报名号): whatever prefix, year and sequence it is
 * given, {@link RegistrationNumbers#format} either refuses them or writes a number that reads back as
 * exactly those three — never one that another (prefix, year, sequence) could also have written.
 */
class RegistrationNumbersFuzzTest {

  /**
   * The issued form the login form recognises: the tenant's 1–4 capital letters, a four-digit year, the
   * sequence zero-padded to six digits or longer without a leading zero.
   */
  static final Pattern ISSUED = Pattern.compile("([A-Z]{1,4})([1-9][0-9]{3})([0-9]{6}|[1-9][0-9]{6,18})");

  @FuzzTest
  void writesOnlyNumbersThatReadBackAsTheirPrefixYearAndSequence(FuzzedDataProvider data) {
    String prefix = data.consumeBoolean() ? data.pickValue(new String[] {"ES", "K", "ABCD"}) : data.consumeString(6);
    int year = data.consumeBoolean() ? data.consumeInt(1000, 9999) : data.consumeInt();
    long sequence = data.consumeBoolean() ? data.consumeLong(0, 9_999_999) : data.consumeLong();
    boolean allowed = prefix.matches("[A-Z]{1,4}") && year >= 1000 && year <= 9999 && sequence >= 0;
    if (!allowed) {
      assertThrows(IllegalArgumentException.class, () -> RegistrationNumbers.format(prefix, year, sequence),
          () -> prefix + " " + year + " " + sequence);
      return;
    }
    String number = RegistrationNumbers.format(prefix, year, sequence);
    Matcher m = ISSUED.matcher(number);
    assertTrue(m.matches(), number);
    assertEquals(prefix, m.group(1));
    assertEquals(year, Integer.parseInt(m.group(2)));
    assertEquals(sequence, Long.parseLong(m.group(3)));
  }
}
