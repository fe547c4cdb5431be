package org.civicplatform.core.registration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;

/**
 * Coverage-guided fuzzing of the SMS code check ({@link CodeCheck}, {@link CodeHasher}): a code is
 * accepted only when it is the one sent, unused, in time and within the tries; five wrong tries kill it
 * even for the right code; what is compared is always two 64-character digests, so the time taken does
 * not depend on how many leading digits of a guess are right.
 */
class SmsCodeFuzzTest {

  static final SmsCodePolicy POLICY = SmsCodePolicy.STANDARD;
  static final CodeHasher HASHER = new CodeHasher("fuzzing-pepper-0123456789");
  static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

  @FuzzTest
  void acceptsOnlyTheStoredDigestUnusedInTimeAndWithinTheTries(FuzzedDataProvider data) {
    String storedHash = data.consumeBoolean() ? HASHER.hash("13800000001", "REGISTER", "123456")
        : data.consumeString(70);
    int attempts = data.consumeInt(0, 10);
    Instant expires = NOW.plusSeconds(data.consumeInt(-600, 600));
    Instant used = data.consumeBoolean() ? NOW.minusSeconds(1) : null;
    String submitted = switch (data.consumeInt(0, 3)) {
      case 0 -> null;
      case 1 -> storedHash;
      case 2 -> HASHER.hash("13800000001", "REGISTER", data.consumeString(8));
      default -> data.consumeRemainingAsString();
    };
    CodeCheck.StoredCode stored = new CodeCheck.StoredCode(storedHash, attempts, expires, used);
    CodeCheck.Result result = CodeCheck.judge(stored, submitted, NOW, POLICY);
    boolean usable = used == null && attempts < POLICY.maxAttempts() && NOW.isBefore(expires);
    boolean right = storedHash.equals(submitted);
    assertEquals(usable && right, result.verdict() == CodeVerdict.ACCEPTED,
        () -> "stored " + storedHash + ", submitted " + submitted + ": " + result);
    assertTrue(result.attempts() == attempts || result.attempts() == attempts + 1, result::toString);
    assertEquals(result.attempts() == attempts + 1, usable && !right, "only a wrong try in time counts");
    assertTrue(result.remaining() >= 0 && result.remaining() <= POLICY.maxAttempts(), result::toString);
    if (result.verdict() == CodeVerdict.WRONG) {
      assertEquals(POLICY.maxAttempts() - result.attempts(), result.remaining());
    }
  }

  /** Any sequence of tries: at most five wrong ones are ever judged, and after them the right code fails. */
  @FuzzTest
  void fiveWrongTriesKillTheCodeWhateverFollows(FuzzedDataProvider data) {
    String code = String.format("%06d", data.consumeInt(0, 999_999));
    String hash = HASHER.hash("13900000002", "RECOVER", code);
    CodeCheck.StoredCode stored = new CodeCheck.StoredCode(hash, 0, NOW.plus(POLICY.validity()), null);
    int wrong = 0;
    int tries = data.consumeInt(1, 30);
    for (int i = 0; i < tries && stored.usedAt() == null; i++) {
      boolean rightCode = data.consumeBoolean();
      String guess = rightCode ? code : String.format("%06d", data.consumeInt(0, 999_999));
      CodeCheck.Result result = CodeCheck.judge(stored, HASHER.hash("13900000002", "RECOVER", guess), NOW, POLICY);
      if (guess.equals(code) && wrong < POLICY.maxAttempts()) {
        assertEquals(CodeVerdict.ACCEPTED, result.verdict());
        stored = new CodeCheck.StoredCode(hash, result.attempts(), stored.expiresAt(), NOW);
      } else {
        assertNotEquals(CodeVerdict.ACCEPTED, result.verdict(), () -> "accepted after wrong tries");
        if (wrong < POLICY.maxAttempts()) {
          wrong++;
        }
        assertEquals(wrong, result.attempts());
        assertEquals(wrong >= POLICY.maxAttempts() ? CodeVerdict.EXHAUSTED : CodeVerdict.WRONG, result.verdict());
        stored = new CodeCheck.StoredCode(hash, result.attempts(), stored.expiresAt(), null);
      }
    }
  }

  /** The stored form is 64 lower-case hex characters for any input, and differs for another code. */
  @FuzzTest
  void digestsHaveOneLengthAndTellCodesApart(FuzzedDataProvider data) {
    String phone = data.consumeString(20);
    String purpose = data.pickValue(SmsPurpose.values()).name();
    String a = data.consumeString(12);
    String b = data.consumeRemainingAsString();
    String hashA = HASHER.hash(phone, purpose, a);
    assertTrue(hashA.matches("[0-9a-f]{64}"), hashA);
    assertEquals(hashA, HASHER.hash(phone, purpose, a), "the same code gives the same digest");
    if (!a.equals(b) && !phone.contains(":")
        && java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(a)
        && java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(b)) {
      assertNotEquals(hashA, HASHER.hash(phone, purpose, b), () -> "codes " + a + " and " + b);
    }
  }
}
