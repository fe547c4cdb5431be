package org.civicplatform.core.registry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.civicplatform.spi.registry.HouseholdPerson;
import org.civicplatform.spi.registry.HouseholdRegistry;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * 公安户籍 as a remote service, simulated from fixture data: the fault-tolerance policy is the one a real
 * connector keeps (timeout, retry, circuit breaker, bulkhead).
 */
@ApplicationScoped
public class SimulatedHouseholdRegistry implements HouseholdRegistry {

  @Inject RegistryFixtures fixtures;
  @Inject SimulatedConditions conditions;
  @Inject SimulatedHouseholdPeople added;

  @Override
  @Timeout(value = 3, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 2, delay = 100)
  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 3, delayUnit = ChronoUnit.SECONDS)
  @Bulkhead(10)
  public Optional<HouseholdPerson> person(String idNumber) {
    conditions.call("household");
    return added.person(idNumber).or(() -> fixtures.person(idNumber));
  }
}
