package org.civicplatform.core.tenancy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.allocation.AllocationProcedure;
import org.civicplatform.spi.form.FormDefinition;
import org.civicplatform.spi.registry.RegistryKind;
import org.civicplatform.spi.review.ReviewStage;
import org.civicplatform.spi.rules.ApplicationRules;
import org.civicplatform.spi.status.Batch;
import org.junit.jupiter.api.Test;

class TenantCatalogTest {

  /** A minimal tenant: only its id matters to the catalog. */
  record FakeTenant(String id) implements TenantModule {
    @Override public LocalizedText name() { return LocalizedText.of(id, id); }
    @Override public FormDefinition form() { return new FormDefinition(List.of()); }
    @Override public ApplicationRules rules() { return null; }
    @Override public List<ReviewStage> reviewStages() { return List.of(); }
    @Override public Set<RegistryKind> registries() { return Set.of(); }
    @Override public List<Batch> batches() { return List.of(); }
    @Override public AllocationProcedure allocation() { return List::of; }
  }

  static final class OtherFakeTenant extends Object implements TenantModule {
    @Override public String id() { return "kunshan"; }
    @Override public LocalizedText name() { return LocalizedText.of("x", "x"); }
    @Override public FormDefinition form() { return new FormDefinition(List.of()); }
    @Override public ApplicationRules rules() { return null; }
    @Override public List<ReviewStage> reviewStages() { return List.of(); }
    @Override public Set<RegistryKind> registries() { return Set.of(); }
    @Override public List<Batch> batches() { return List.of(); }
    @Override public AllocationProcedure allocation() { return List::of; }
  }

  @Test
  void refusesTwoModulesWithTheSameIdNamingBothClasses() {
    var e = assertThrows(DuplicateTenantException.class,
        () -> TenantCatalog.of(List.of(new FakeTenant("kunshan"), new OtherFakeTenant()), id -> true));
    assertTrue(e.getMessage().contains("'kunshan'"), e.getMessage());
    assertTrue(e.getMessage().contains(FakeTenant.class.getName()) && e.getMessage().contains(OtherFakeTenant.class.getName()));
  }

  @Test
  void leavesOutTenantsDisabledByConfiguration() {
    var catalog = TenantCatalog.of(List.of(new FakeTenant("siming"), new FakeTenant("kunshan")), id -> !id.equals("siming"));
    assertEquals(List.of("kunshan"), catalog.enabled().stream().map(TenantModule::id).toList());
    assertEquals(List.of("siming"), catalog.disabled());
    assertTrue(catalog.find("siming").isEmpty());
  }

  @Test
  void listsEnabledTenantsOrderedById() {
    var catalog = TenantCatalog.of(List.of(new FakeTenant("siming"), new FakeTenant("kunshan"), new FakeTenant("a-city")), id -> true);
    assertEquals(List.of("a-city", "kunshan", "siming"), catalog.enabled().stream().map(TenantModule::id).toList());
  }
}
