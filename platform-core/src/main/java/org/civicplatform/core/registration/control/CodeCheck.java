package org.civicplatform.core.registration.control;

import java.time.Instant;

/**
 * Judges a submitted code against the newest code sent (pure). Wrong tries count up to {@link
 * SmsCodePolicy#maxAttempts()}: the last allowed wrong try already answers {@link CodeVerdict#EXHAUSTED};
 * afterwards the code is {@link CodeVerdict#LOCKED}, the right code included.
 */
public final class CodeCheck {

  private CodeCheck() {}

  /** The stored state of the newest code of a number and purpose. */
  public record StoredCode(String hash, int attempts, Instant expiresAt, Instant usedAt) {}

  /** A verdict and the attempts to store afterwards. */
  public record Result(CodeVerdict verdict, int attempts, int remaining) {}

  public static Result judge(StoredCode stored, String submittedHash, Instant now, SmsCodePolicy policy) {
    if (stored == null || stored.usedAt() != null) {
      return new Result(CodeVerdict.MISSING, stored == null ? 0 : stored.attempts(), 0);
    }
    if (stored.attempts() >= policy.maxAttempts()) {
      return new Result(CodeVerdict.LOCKED, stored.attempts(), 0);
    }
    if (!now.isBefore(stored.expiresAt())) {
      return new Result(CodeVerdict.EXPIRED, stored.attempts(), 0);
    }
    if (sameDigest(stored.hash(), submittedHash)) {
      return new Result(CodeVerdict.ACCEPTED, stored.attempts(), 0);
    }
    int attempts = stored.attempts() + 1;
    int remaining = policy.maxAttempts() - attempts;
    return new Result(remaining <= 0 ? CodeVerdict.EXHAUSTED : CodeVerdict.WRONG, attempts, remaining);
  }

  /**
   * Whether two digests are the same text, in time independent of where they differ. Compared char by
   * char: bytes in US-ASCII would make every other character {@code ?}, so "é" would equal "?".
   */
  static boolean sameDigest(String stored, String submitted) {
    if (stored == null || submitted == null || stored.length() != submitted.length()) {
      return false;
    }
    int difference = 0;
    for (int i = 0; i < stored.length(); i++) {
      difference |= stored.charAt(i) ^ submitted.charAt(i);
    }
    return difference == 0;
  }
}
