package org.civicplatform.core.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmsRetryTest {

  static final Duration BASE = Duration.ofSeconds(30);

  @Test
  void theFirstRetryWaitsTheBaseDelay() {
    assertEquals(Duration.ofSeconds(30), SmsRetry.nextDelay(1, 8, BASE));
  }

  @Test
  void eachFurtherRetryWaitsTwiceAsLong() {
    assertEquals(Duration.ofSeconds(120), SmsRetry.nextDelay(3, 8, BASE));
  }

  @Test
  void noRetryWaitsMoreThanAnHour() {
    assertEquals(Duration.ofHours(1), SmsRetry.nextDelay(30, 40, BASE));
  }

  @Test
  void afterTheLastAttemptThereIsNoNextOne() {
    assertNull(SmsRetry.nextDelay(8, 8, BASE));
  }
}
