package org.civicplatform.core.registration.control;

import org.civicplatform.spi.LocalizedText;

/**
 * What an abuse limit counts, and per what: each scope has its own limits (configuration key {@code
 * platform.registration.limits.<key>}), its own problem type and text for the 429.
 */
public enum LimitScope {
  /** SMS codes sent to one mobile number (any purpose). */
  SMS_NUMBER("sms-per-number", "sms-rate-limited",
      LocalizedText.of("该手机号获取验证码过于频繁", "Too many codes for this number")),
  /** SMS codes requested from one client address, whatever the numbers (短信轰炸 / SMS pumping). */
  SMS_ADDRESS("sms-per-address", "sms-address-rate-limited",
      LocalizedText.of("您所在的网络获取验证码过于频繁", "Too many SMS codes requested from your network")),
  /** Sign-up attempts (注册) from one client address, successful or not. */
  SIGN_UP_ADDRESS("sign-up-per-address", "sign-up-rate-limited",
      LocalizedText.of("您所在的网络注册尝试过于频繁", "Too many sign-up attempts from your network")),
  /** Recovery attempts (找回报名号和密码) from one client address, successful or not. */
  RECOVERY_ADDRESS("recovery-per-address", "recovery-rate-limited",
      LocalizedText.of("您所在的网络找回报名号和密码的尝试过于频繁", "Too many recovery attempts from your network"));

  private final String key;
  private final String problemType;
  private final LocalizedText what;

  LimitScope(String key, String problemType, LocalizedText what) {
    this.key = key;
    this.problemType = problemType;
    this.what = what;
  }

  /** The configuration key's last part and the value stored in {@code limit_event.scope}. */
  public String key() {
    return key;
  }

  public String problemType() {
    return problemType;
  }

  /** What happened too often, as the start of the 429's detail. */
  public LocalizedText what() {
    return what;
  }
}
