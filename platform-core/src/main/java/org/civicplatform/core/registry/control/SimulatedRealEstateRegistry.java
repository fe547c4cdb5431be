package org.civicplatform.core.registry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.civicplatform.spi.registry.PropertyRecord;
import org.civicplatform.spi.registry.RealEstateRegistry;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/** 不动产登记 as a remote service, simulated from fixture data (timeout, retry, circuit breaker, bulkhead). */
@ApplicationScoped
public class SimulatedRealEstateRegistry implements RealEstateRegistry {

  @Inject RegistryFixtures fixtures;
  @Inject SimulatedConditions conditions;

  @Override
  @Timeout(value = 3, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 2, delay = 100)
  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 3, delayUnit = ChronoUnit.SECONDS)
  @Bulkhead(10)
  public Optional<PropertyRecord> property(String number) {
    conditions.call("real-estate");
    return fixtures.property(number);
  }
}
