package org.civicplatform.core.registration.control;

import java.time.Duration;

/**
 * The rules of an SMS verification code (短信验证码) itself: how long, how long valid, how many tries.
 * How often codes may be sent (per number, per client address) is configuration: {@link RequestLimits}.
 *
 * @param digits length of a code
 * @param validity how long a code may be used after it was sent
 * @param maxAttempts wrong tries after which the code is locked (even the right code is then refused)
 */
public record SmsCodePolicy(int digits, Duration validity, int maxAttempts) {

  /** 6 digits, 5 minutes, 5 tries. */
  public static final SmsCodePolicy STANDARD = new SmsCodePolicy(6, Duration.ofMinutes(5), 5);
}
