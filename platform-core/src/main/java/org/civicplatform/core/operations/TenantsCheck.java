package org.civicplatform.core.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.TenantModule;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Reports the enabled and disabled tenants; ready when at least one tenant is enabled. */
@Readiness
@ApplicationScoped
public class TenantsCheck implements HealthCheck {

  @Inject Tenants tenants;

  @Override
  public HealthCheckResponse call() {
    var enabled = tenants.enabled().stream().map(TenantModule::id).toList();
    return HealthCheckResponse.named("tenants")
        .status(!enabled.isEmpty())
        .withData("enabled", String.join(",", enabled))
        .withData("disabled", String.join(",", tenants.disabled()))
        .build();
  }
}
