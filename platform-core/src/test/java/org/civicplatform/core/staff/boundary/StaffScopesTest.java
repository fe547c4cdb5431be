package org.civicplatform.core.staff.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicplatform.core.identity.control.DirectoryUser;
import org.civicplatform.core.problems.ProblemException;
import org.junit.jupiter.api.Test;

class StaffScopesTest {

  @Test
  void aScopeNamesAGroupOfTheAdministratorsTenant() {
    assertEquals("/tenants/kunshan/districts/hq", Staff.groupPath("kunshan", "district:hq"));
    assertEquals("/tenants/kunshan/departments/real-estate", Staff.groupPath("kunshan", "department:real-estate"));
    assertEquals("/tenants/siming/schools/sm-1", Staff.groupPath("siming", "school:sm-1"));
  }

  @Test
  void malformedScopesCannotReachAnotherPath() {
    assertNull(Staff.groupPath("kunshan", "district:../../siming/districts/zhonghua"));
    assertNull(Staff.groupPath("kunshan", "tenant:siming"));
    assertNull(Staff.groupPath("kunshan", "district"));
    assertThrows(ProblemException.class, () -> Staff.path("kunshan", "district", "a/b"));
  }

  @Test
  void theViewListsOnlyTheTenantsScopes() {
    DirectoryUser user = new DirectoryUser("id", "ks-window-multi", true, "伟", "张", Map.of(),
        List.of("/tenants/kunshan/districts/lj", "/tenants/kunshan/districts/gxq", "/tenants/kunshan"), Set.of("reviewer"));
    assertEquals(List.of("district:gxq", "district:lj"), Staff.view(user, "kunshan").scopes());
  }

  @Test
  void onlyReviewersOfTheTenantAreManageable() {
    DirectoryUser reviewer = new DirectoryUser("id", "r", true, null, null, Map.of(),
        List.of("/tenants/kunshan/districts/hq"), Set.of("reviewer"));
    DirectoryUser admin = new DirectoryUser("id", "a", true, null, null, Map.of(),
        List.of("/tenants/kunshan"), Set.of("reviewer", "tenant-admin"));
    DirectoryUser parent = new DirectoryUser("id", "p", true, null, null, Map.of(),
        List.of("/tenants/kunshan"), Set.of("parent"));
    assertTrue(Staff.manageable(reviewer, "kunshan"));
    assertFalse(Staff.manageable(reviewer, "siming"));
    assertFalse(Staff.manageable(admin, "kunshan"));
    assertFalse(Staff.manageable(parent, "kunshan"));
  }
}
