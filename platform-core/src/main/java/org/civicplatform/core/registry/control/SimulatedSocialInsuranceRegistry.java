package org.civicplatform.core.registry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import org.civicplatform.spi.registry.InsuranceRecord;
import org.civicplatform.spi.registry.SocialInsuranceRegistry;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * 社保 / 医保 as a remote service, simulated from fixture data ({@code registry/social-insurance.json}):
 * timeout, retry, circuit breaker and bulkhead as a real connector keeps them.
 */
@ApplicationScoped
public class SimulatedSocialInsuranceRegistry implements SocialInsuranceRegistry {

  @Inject RegistryFixtures fixtures;
  @Inject SimulatedConditions conditions;

  @Override
  @Timeout(value = 3, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 2, delay = 100)
  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 3, delayUnit = ChronoUnit.SECONDS)
  @Bulkhead(10)
  public InsuranceRecord record(String idNumber, String name) {
    conditions.call("social-insurance");
    return fixtures.insurance(idNumber);
  }
}
