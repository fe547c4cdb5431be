package org.civicplatform.core.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.identity.ParentIdentity;
import org.civicplatform.spi.identity.RealNameLevel;
import org.junit.jupiter.api.Test;

class RealNameCheckTest {

  /** A tenant that only answers name() and parentIdentity(). */
  static TenantModule tenant(ParentIdentity identity) {
    return (TenantModule) Proxy.newProxyInstance(RealNameCheckTest.class.getClassLoader(),
        new Class<?>[] {TenantModule.class}, (proxy, method, args) -> switch (method.getName()) {
          case "parentIdentity" -> identity;
          case "name" -> LocalizedText.of("思明区预登记", "Siming pre-registration");
          case "id" -> "city";
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  static Caller caller(String level, String... roles) {
    return new Caller("u1", "someone", Set.of(roles), Set.of("city"), Set.of(), null, level);
  }

  static final TenantModule REQUIRES_PRIMARY = tenant(ParentIdentity.realName(RealNameLevel.PRIMARY));
  static final TenantModule REQUIRES_INTERMEDIATE = tenant(ParentIdentity.realName(RealNameLevel.INTERMEDIATE));

  @Test
  void aParentWithoutALevelIsRefusedWithA403InBothLanguages() {
    ProblemException refusal = RealNameCheck.refusal(caller(null, "parent"), REQUIRES_PRIMARY).orElseThrow();
    assertEquals(403, refusal.status());
    assertEquals("real-name-level-required", refusal.kind());
    assertTrue(refusal.detail().zh().contains("初级"), refusal.detail().zh());
    assertTrue(refusal.detail().zh().contains("未实名认证"), refusal.detail().zh());
    assertTrue(refusal.detail().en().contains("real-name verification"), refusal.detail().en());
  }

  @Test
  void aParentAtTheRequiredLevelPasses() {
    assertTrue(RealNameCheck.refusal(caller("初级", "parent"), REQUIRES_PRIMARY).isEmpty());
  }

  @Test
  void aHigherLevelSatisfiesALowerRequirement() {
    assertTrue(RealNameCheck.refusal(caller("高级", "parent"), REQUIRES_INTERMEDIATE).isEmpty());
  }

  @Test
  void aLowerLevelDoesNotSatisfyAHigherRequirement() {
    assertTrue(RealNameCheck.refusal(caller("初级", "parent"), REQUIRES_INTERMEDIATE).isPresent());
  }

  @Test
  void anUnknownLevelCountsAsNone() {
    assertTrue(RealNameCheck.refusal(caller("gold", "parent"), REQUIRES_PRIMARY).isPresent());
  }

  @Test
  void staffAreNeverAskedForARealNameLevel() {
    for (String role : List.of("reviewer", "tenant-admin", "platform-admin")) {
      assertTrue(RealNameCheck.refusal(caller(null, role), REQUIRES_PRIMARY).isEmpty(), role);
    }
  }

  @Test
  void aTenantWithoutARequirementLetsEveryParentIn() {
    assertTrue(RealNameCheck.refusal(caller(null, "parent"), tenant(ParentIdentity.phoneRegistration("ES"))).isEmpty());
    assertTrue(RealNameCheck.refusal(caller(null, "parent"), tenant(ParentIdentity.EXTERNAL)).isEmpty());
  }
}
