package org.civicplatform.core.notifications;

import java.util.Objects;

/**
 * One text message (短信) to a mainland mobile number.
 *
 * @param tenant the tenant it is sent for, or {@code null} for the platform itself
 * @param recipient the mobile number
 * @param purpose a stable tag (e.g. {@code code.REGISTER}, {@code registered}) for statistics and tests
 * @param text the text as the recipient reads it
 */
public record SmsMessage(String tenant, String recipient, String purpose, String text) {

  public SmsMessage {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(text, "text");
  }
}
