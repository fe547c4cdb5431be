package org.civicplatform.core.registration.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * Whether one more event (an SMS code sent, a sign-up tried) is allowed, given when the same subject (a
 * number, a client address) had events before and the {@link Limit}s that hold for it: every limit
 * must leave room. Pure: the times come from the shared database.
 */
public final class SendLimits {

  private SendLimits() {}

  /**
   * Empty when one more event is allowed now; otherwise the whole seconds to wait (at least 1), i.e.
   * the {@code Retry-After} value: the longest wait any limit asks for.
   */
  public static OptionalLong retryAfter(Collection<Instant> earlier, Instant now, List<Limit> limits) {
    Instant allowedAt = now;
    for (Limit limit : limits) {
      Instant windowStart = now.minus(limit.window());
      List<Instant> inWindow = earlier.stream().filter(t -> t.isAfter(windowStart)).sorted().toList();
      int excess = inWindow.size() - limit.count();
      if (excess >= 0) {
        // the oldest events must leave the window until only count - 1 remain
        Instant afterWindow = inWindow.get(excess).plus(limit.window());
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
