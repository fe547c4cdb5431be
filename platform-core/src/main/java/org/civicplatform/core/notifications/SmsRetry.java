package org.civicplatform.core.notifications;

import java.time.Duration;

/** When a failed SMS is tried again: base × 2^(attempts−1), at most an hour; none after the last attempt. */
public final class SmsRetry {

  static final Duration MAX_DELAY = Duration.ofHours(1);

  private SmsRetry() {}

  /**
   * @param attempts attempts made so far (≥ 1)
   * @return the delay before the next attempt, or null when {@code attempts} reached {@code maxAttempts}
   */
  public static Duration nextDelay(int attempts, int maxAttempts, Duration base) {
    if (attempts >= maxAttempts) {
      return null;
    }
    long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
    Duration delay = base.multipliedBy(factor);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }
}
