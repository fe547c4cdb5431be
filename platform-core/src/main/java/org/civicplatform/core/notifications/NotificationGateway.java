package org.civicplatform.core.notifications;

/**
 * Where the platform's messages to people go. The default, {@link OutboxGateway}, writes them to the
 * {@code sms_outbox} table; a real SMS provider is another implementation, enabled as a CDI
 * {@code @Alternative} with a {@code @Priority}, that reads the same rows or replaces the outbox.
 */
public interface NotificationGateway {

  /** Sends (or queues) a text message. Joins the caller's transaction when there is one. */
  void send(SmsMessage message);
}
