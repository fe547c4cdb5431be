package org.civicplatform.core.registration.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.civicplatform.core.problems.Problem;

/** Coverage-guided fuzzing of the typed SMS code: exactly six ASCII digits, spaces around ignored. */
class CodeInputFuzzTest {

  @FuzzTest
  void takesExactlySixAsciiDigitsAndNamesTheFieldOtherwise(byte[] data) {
    String typed = new String(data, StandardCharsets.UTF_8);
    List<Problem.InvalidField> errors = new ArrayList<>();
    String code = Registrations.code("code", typed, errors);
    String t = typed.strip();
    boolean six = t.length() == 6 && t.chars().allMatch(c -> c >= '0' && c <= '9');
    if (six) {
      assertEquals(t, code);
      assertEquals(List.of(), errors);
    } else {
      assertNull(code, typed);
      assertEquals(1, errors.size());
      assertEquals("code", errors.get(0).field());
      assertEquals("code.format", errors.get(0).code());
    }
  }
}
