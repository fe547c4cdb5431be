package org.civicplatform.core.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The default carrier: accepts every message (the text stays in the outbox, where the demo and tests read
 * it). {@code platform.sms.simulated.fail-attempts=N} makes every message fail its first N attempts, to show
 * and test the retries.
 */
@ApplicationScoped
public class SimulatedSmsProvider implements SmsProvider {

  private static final Logger LOG = Logger.getLogger(SimulatedSmsProvider.class.getName());

  @Inject Config config;

  private final Map<Long, Integer> attempts = new ConcurrentHashMap<>();

  @Override
  public void deliver(long outboxId, SmsMessage message) throws SmsProviderException {
    int failFirst = config.getOptionalValue("platform.sms.simulated.fail-attempts", Integer.class).orElse(0);
    int attempt = attempts.merge(outboxId, 1, Integer::sum);
    if (attempt <= failFirst) {
      throw new SmsProviderException("simulated carrier refusal " + attempt + " of " + failFirst);
    }
    attempts.remove(outboxId);
    LOG.fine(() -> "SMS " + outboxId + " (" + message.purpose() + ") delivered to " + message.recipient());
  }
}
