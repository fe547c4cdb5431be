package org.civicplatform.core.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

  @Test
  void thePolicyAllowsScriptsAndStylesFromOurOriginOnlyAndKeycloakForTokenCalls() {
    String policy = SecurityHeaders.policy("https://login.example.gov.cn/auth/");
    assertTrue(policy.contains("script-src 'self';"), policy);
    assertTrue(policy.contains("style-src 'self';"), policy);
    assertTrue(policy.contains("connect-src 'self' https://login.example.gov.cn;"), policy);
    assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    assertTrue(policy.contains("object-src 'none'"), policy);
    assertFalse(policy.contains("unsafe"), policy);
  }

  @Test
  void anOriginKeepsAnExplicitPortAndDropsThePath() {
    assertEquals("http://localhost:8180", SecurityHeaders.origin("http://localhost:8180/realms/civic"));
  }

  @Test
  void aKeycloakAddressThatIsNoHttpUrlAddsNothingToThePolicy() {
    assertEquals("", SecurityHeaders.origin("javascript:alert(1)"));
    assertTrue(SecurityHeaders.policy("not a url").contains("connect-src 'self';"));
  }

  @Test
  void onlyApiPathsAreNeverStored() {
    assertTrue(SecurityHeaders.api("/api/me"));
    assertTrue(SecurityHeaders.api("/api"));
    assertFalse(SecurityHeaders.api("/apidocs.html"));
    assertFalse(SecurityHeaders.api("/js/api.js"));
  }
}
