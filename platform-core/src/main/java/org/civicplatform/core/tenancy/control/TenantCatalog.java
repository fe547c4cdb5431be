package org.civicplatform.core.tenancy.control;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.civicplatform.spi.TenantModule;

/**
 * The enabled tenants, by id. Built once at start-up from every {@link TenantModule} found; two modules
 * with the same id are a deployment error, never a silent override.
 */
public final class TenantCatalog {

  private final Map<String, TenantModule> enabled;
  private final List<String> disabled;

  private TenantCatalog(Map<String, TenantModule> enabled, List<String> disabled) {
    this.enabled = enabled;
    this.disabled = disabled;
  }

  /**
   * @param modules every tenant module discovered
   * @param isEnabled whether a tenant id is enabled by configuration
   * @throws DuplicateTenantException when two modules share an id
   */
  public static TenantCatalog of(Collection<? extends TenantModule> modules, Predicate<String> isEnabled) {
    Map<String, TenantModule> all = new TreeMap<>();
    for (TenantModule module : modules) {
      TenantModule previous = all.putIfAbsent(module.id(), module);
      if (previous != null) {
        throw new DuplicateTenantException(module.id(), previous.getClass(), module.getClass());
      }
    }
    Map<String, TenantModule> on = new LinkedHashMap<>();
    List<String> off = new java.util.ArrayList<>();
    all.forEach(
        (id, module) -> {
          if (isEnabled.test(id)) {
            on.put(id, module);
          } else {
            off.add(id);
          }
        });
    return new TenantCatalog(Map.copyOf(on), List.copyOf(off));
  }

  public Optional<TenantModule> find(String id) {
    return Optional.ofNullable(enabled.get(id));
  }

  /** Enabled tenants ordered by id. */
  public List<TenantModule> enabled() {
    return enabled.values().stream().sorted(java.util.Comparator.comparing(TenantModule::id)).toList();
  }

  public List<String> disabled() {
    return disabled;
  }
}
