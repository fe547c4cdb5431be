package org.civicplatform.core.notifications;

/**
 * The carrier's SMS interface (短信平台), outside our reach like the registries: {@link SimulatedSmsProvider}
 * by default; a real one is a CDI {@code @Alternative} with a {@code @Priority}.
 */
public interface SmsProvider {

  /**
   * Hands one message to the carrier.
   *
   * @param outboxId the outbox row id, sent along as the carrier's idempotency key (a retried message is
   *     not delivered twice by a carrier that honours it)
   * @throws SmsProviderException when the carrier refused or did not answer; the message is retried
   */
  void deliver(long outboxId, SmsMessage message) throws SmsProviderException;

  /** A refusal or time-out of the carrier. */
  class SmsProviderException extends Exception {
    public SmsProviderException(String message) {
      super(message);
    }
  }
}
