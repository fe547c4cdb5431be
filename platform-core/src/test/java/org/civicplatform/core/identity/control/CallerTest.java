package org.civicplatform.core.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

  @Test
  void readsDistrictScopesOfAReviewerHoldingSeveralFromGroupPaths() {
    Caller c = Caller.of("u1", "ks-window-multi", Set.of("reviewer"),
        List.of("/tenants/kunshan/districts/gxq", "/tenants/kunshan/districts/lj"), List.of(), null, null, null);
    assertEquals(Set.of("kunshan"), c.tenants());
    assertEquals(List.of("gxq", "lj"), c.scopeValues("kunshan", "district"));
  }

  @Test
  void acceptsExplicitScopeStringsFromTheToken() {
    Caller c = Caller.of("u2", "ks-dept-housing", Set.of("reviewer"), List.of(),
        List.of("kunshan:department:real-estate"), "kunshan", null, null);
    assertEquals(List.of("real-estate"), c.scopeValues("kunshan", "department"));
  }

  @Test
  void aParentBelongsOnlyToTheTenantOfItsGroup() {
    Caller c = Caller.of("u3", "13800000001", Set.of("parent"), List.of("/tenants/kunshan"), List.of(), "kunshan", "ES2024000001", null);
    assertTrue(c.belongsTo("kunshan"));
    assertFalse(c.belongsTo("siming"));
    assertTrue(c.scopes().isEmpty());
  }

  @Test
  void aPlatformAdminBelongsToEveryTenant() {
    Caller c = Caller.of("u4", "platform-admin", Set.of("platform-admin"), List.of(), List.of(), null, null, null);
    assertTrue(c.belongsTo("siming"));
  }

  @Test
  void ignoresGroupsOutsideTheTenantsTree() {
    Caller c = Caller.of("u5", "x", Set.of("parent"), List.of("/staff/other", "/tenants"), List.of("bad-scope"), null, null, null);
    assertTrue(c.tenants().isEmpty());
    assertTrue(c.scopes().isEmpty());
  }
}
