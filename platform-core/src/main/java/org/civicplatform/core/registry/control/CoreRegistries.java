package org.civicplatform.core.registry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.civicplatform.spi.registry.HouseholdRegistry;
import org.civicplatform.spi.registry.RealEstateRegistry;
import org.civicplatform.spi.registry.Registries;
import org.civicplatform.spi.registry.RegistryUnavailable;
import org.civicplatform.spi.registry.SocialInsuranceRegistry;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * The connectors handed to a tenant's checks. Any fault-tolerance failure (timeout, open circuit, full
 * bulkhead) reaches the tenant as {@link RegistryUnavailable}, so nothing is concluded from an outage.
 */
@ApplicationScoped
public class CoreRegistries implements Registries {

  @Inject HouseholdRegistry household;
  @Inject RealEstateRegistry realEstate;
  @Inject SocialInsuranceRegistry socialInsurance;

  @Override
  public HouseholdRegistry household() {
    return id -> guarded("household", () -> household.person(id));
  }

  @Override
  public RealEstateRegistry realEstate() {
    return number -> guarded("real-estate", () -> realEstate.property(number));
  }

  @Override
  public SocialInsuranceRegistry socialInsurance() {
    return (id, name) -> guarded("social-insurance", () -> socialInsurance.record(id, name));
  }

  static <T> T guarded(String registry, Supplier<T> call) {
    try {
      return call.get();
    } catch (FaultToleranceException e) {
      throw new RegistryUnavailable(registry, e);
    }
  }
}
