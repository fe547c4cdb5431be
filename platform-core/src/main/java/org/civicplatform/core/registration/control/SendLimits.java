package org.civicplatform.core.registration.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * Whether one more code may be sent to a number, given when the number was sent codes before: at most
 * one per {@link SmsCodePolicy#sendInterval()} and {@link SmsCodePolicy#dailyLimit()} per rolling
 * {@link SmsCodePolicy#window()}. Pure: the times come from the shared database.
 */
public final class SendLimits {

  private SendLimits() {}

  /**
   * Empty when a code may be sent now; otherwise the whole seconds to wait (at least 1), i.e. the
   * {@code Retry-After} value.
   */
  public static OptionalLong retryAfter(Collection<Instant> earlierSends, Instant now, SmsCodePolicy policy) {
    Instant windowStart = now.minus(policy.window());
    List<Instant> inWindow =
        earlierSends.stream().filter(t -> t.isAfter(windowStart)).sorted().toList();
    Instant allowedAt = now;
    if (!inWindow.isEmpty()) {
      Instant afterInterval = inWindow.get(inWindow.size() - 1).plus(policy.sendInterval());
      if (afterInterval.isAfter(allowedAt)) {
        allowedAt = afterInterval;
      }
      int excess = inWindow.size() - policy.dailyLimit();
      if (excess >= 0) {
        // the oldest sends must leave the window until only dailyLimit - 1 remain
        Instant afterWindow = inWindow.get(excess).plus(policy.window());
        if (afterWindow.isAfter(allowedAt)) {
          allowedAt = afterWindow;
        }
      }
    }
    if (!allowedAt.isAfter(now)) {
      return OptionalLong.empty();
    }
    long millis = Duration.between(now, allowedAt).toMillis();
    return OptionalLong.of(Math.max(1, (millis + 999) / 1000));
  }
}
