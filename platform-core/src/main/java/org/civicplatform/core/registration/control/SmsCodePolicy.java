package org.civicplatform.core.registration.control;

import java.time.Duration;

/**
 * The rules of SMS verification codes (短信验证码): how long, how long valid, how many tries, how often
 * a number may be sent one.
 *
 * @param digits length of a code
 * @param validity how long a code may be used after it was sent
 * @param maxAttempts wrong tries after which the code is dead
 * @param sendInterval minimum time between two codes to one number
 * @param dailyLimit codes one number may be sent within {@code window}
 * @param window the rolling window of {@code dailyLimit}
 */
public record SmsCodePolicy(
    int digits, Duration validity, int maxAttempts, Duration sendInterval, int dailyLimit, Duration window) {

  /** 6 digits, 5 minutes, 5 tries, one send per 60 s and ten per 24 hours per number. */
  public static final SmsCodePolicy STANDARD =
      new SmsCodePolicy(6, Duration.ofMinutes(5), 5, Duration.ofSeconds(60), 10, Duration.ofHours(24));
}
