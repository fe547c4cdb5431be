package org.civicplatform.core.tenancy.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.spi.TenantModule;
import org.eclipse.microprofile.config.Config;

/**
 * Collects the tenant modules at start-up (deployment fails on a duplicate id) and answers which are
 * enabled ({@code tenant.<id>.enabled}, default true).
 */
@Startup
@Singleton
public class Tenants {

  private static final Logger LOG = Logger.getLogger(Tenants.class.getName());

  @Inject @Any Instance<TenantModule> modules;
  @Inject Config config;

  private TenantCatalog catalog;

  @PostConstruct
  void collect() {
    List<TenantModule> found = modules.stream().toList();
    catalog =
        TenantCatalog.of(
            found,
            id -> config.getOptionalValue("tenant." + id + ".enabled", Boolean.class).orElse(true));
    LOG.info(() -> "Tenants enabled: " + catalog.enabled().stream().map(TenantModule::id).toList()
        + ", disabled: " + catalog.disabled());
  }

  public List<TenantModule> enabled() {
    return catalog.enabled();
  }

  public List<String> disabled() {
    return catalog.disabled();
  }

  public Optional<TenantModule> find(String id) {
    return catalog.find(id);
  }

  /** The enabled tenant with this id, or a 404 problem. */
  public TenantModule require(String id) {
    return find(id).orElseThrow(() -> ProblemException.notFound("tenant", id));
  }
}
