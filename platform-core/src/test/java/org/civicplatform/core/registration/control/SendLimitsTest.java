package org.civicplatform.core.registration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SendLimitsTest {

  /** The shipped per-number limits: one code per 60 s, ten per 24 h. */
  static final List<Limit> POLICY = Limit.parse("test", "1/60s,10/24h");
  static final Instant NOW = Instant.parse("2024-05-01T08:00:00Z");

  @Test
  void aNumberNeverSentACodeMayBeSentOne() {
    assertTrue(SendLimits.retryAfter(List.of(), NOW, POLICY).isEmpty());
  }

  @Test
  void aSecondCodeWithinSixtySecondsWaitsForTheRest() {
    OptionalLong wait = SendLimits.retryAfter(List.of(NOW.minusSeconds(15)), NOW, POLICY);
    assertEquals(45, wait.getAsLong());
  }

  @Test
  void partialSecondsAreRoundedUp() {
    OptionalLong wait = SendLimits.retryAfter(List.of(NOW.minusMillis(59_500)), NOW, POLICY);
    assertEquals(1, wait.getAsLong());
  }

  @Test
  void sixtySecondsAfterTheLastCodeANewOneMayBeSent() {
    assertTrue(SendLimits.retryAfter(List.of(NOW.minusSeconds(60)), NOW, POLICY).isEmpty());
  }

  @Test
  void nineCodesTodayStillAllowATenth() {
    assertTrue(SendLimits.retryAfter(hourly(9), NOW, POLICY).isEmpty());
  }

  @Test
  void tenCodesWithin24HoursRefuseTheEleventhUntilTheOldestLeavesTheWindow() {
    List<Instant> sends = hourly(10); // 10, 9, …, 1 hours ago
    OptionalLong wait = SendLimits.retryAfter(sends, NOW, POLICY);
    assertEquals(Duration.ofHours(14).toSeconds(), wait.getAsLong());
  }

  @Test
  void codesOlderThan24HoursDoNotCount() {
    List<Instant> sends = new ArrayList<>(hourly(9));
    sends.add(NOW.minus(Duration.ofHours(25)));
    sends.add(NOW.minus(Duration.ofHours(24)));
    assertTrue(SendLimits.retryAfter(sends, NOW, POLICY).isEmpty());
  }

  @Test
  void theLongerOfBothWaitsIsAnswered() {
    List<Instant> sends = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sends.add(NOW.minusSeconds(10 + i)); // ten codes in the last 20 seconds
    }
    long wait = SendLimits.retryAfter(sends, NOW, POLICY).getAsLong();
    assertEquals(Duration.ofHours(24).toSeconds() - 19, wait);
  }

  @Test
  void theOrderOfTheInputDoesNotMatter() {
    List<Instant> sends = new ArrayList<>(hourly(10));
    java.util.Collections.reverse(sends);
    assertEquals(Duration.ofHours(14).toSeconds(), SendLimits.retryAfter(sends, NOW, POLICY).getAsLong());
  }

  static List<Instant> hourly(int count) {
    List<Instant> sends = new ArrayList<>();
    for (int i = count; i >= 1; i--) {
      sends.add(NOW.minus(Duration.ofHours(i)));
    }
    return sends;
  }

  @Test
  void anAddressWithTwentyCodesInTheLastHourWaitsUntilTheOldestIsAnHourOld() {
    List<Limit> perAddress = Limit.parse("test", "20/1h,100/24h");
    List<Instant> sends = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sends.add(NOW.minusSeconds(60L * (i + 1))); // one a minute for the last 20 minutes
    }
    assertEquals(Duration.ofMinutes(40).toSeconds(), SendLimits.retryAfter(sends, NOW, perAddress).getAsLong());
    assertTrue(SendLimits.retryAfter(sends.subList(0, 19), NOW, perAddress).isEmpty(), "nineteen leave room");
  }

  @Test
  void theDailyLimitOfAnAddressHoldsWhenEveryHourStaysBelowItsOwn() {
    List<Limit> perAddress = Limit.parse("test", "20/1h,100/24h");
    List<Instant> sends = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      sends.add(NOW.minusSeconds(3600L * 20 * (i + 1) / 100)); // 100 spread over the last 20 hours: 5 an hour
    }
    assertEquals(Duration.ofHours(4).toSeconds(), SendLimits.retryAfter(sends, NOW, perAddress).getAsLong());
  }
}
