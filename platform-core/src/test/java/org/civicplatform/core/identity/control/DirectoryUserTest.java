package org.civicplatform.core.identity.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DirectoryUserTest {

  static DirectoryUser user(Map<String, List<String>> attributes, String... groups) {
    return new DirectoryUser("id", "name", true, null, null, attributes, List.of(groups), Set.of("reviewer"));
  }

  @Test
  void aMemberOfADistrictGroupBelongsToItsTenant() {
    assertTrue(user(Map.of(), "/tenants/kunshan/districts/hq").ofTenantOnly("kunshan"));
    assertFalse(user(Map.of(), "/tenants/kunshan/districts/hq").ofTenantOnly("siming"));
  }

  @Test
  void theTenantAttributeAloneIsEnough() {
    assertTrue(user(Map.of("tenant", List.of("siming"))).ofTenantOnly("siming"));
  }

  @Test
  void aUserWithGroupsInTwoTenantsBelongsToNeitherAlone() {
    DirectoryUser both = user(Map.of(), "/tenants/kunshan/districts/hq", "/tenants/siming/districts/zhonghua");
    assertFalse(both.ofTenantOnly("kunshan"));
    assertFalse(both.ofTenantOnly("siming"));
  }

  @Test
  void aTenantWhoseIdPrefixesAnotherIsNotConfused() {
    assertFalse(user(Map.of(), "/tenants/kunshan-east/districts/a").ofTenantOnly("kunshan"));
  }

  @Test
  void aUserOfNoTenantBelongsToNone() {
    assertFalse(user(Map.of()).ofTenantOnly("kunshan"));
  }
}
