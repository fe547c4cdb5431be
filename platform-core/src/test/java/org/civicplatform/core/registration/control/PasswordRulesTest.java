package org.civicplatform.core.registration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {

  @Test
  void aPasswordMeetingTheRealmPolicyPasses() {
    assertTrue(PasswordRules.check("password", "Demo#2024", "13900000000").isEmpty());
  }

  @Test
  void aMissingPasswordIsRequired() {
    assertEquals("password.required", PasswordRules.check("password", null, "x").get(0).code());
  }

  @Test
  void weakPasswordsAreRefusedNamingTheField() {
    for (String weak : new String[] {"Sh#1", "demo#2024", "DEMO#2024", "Demo2024x", "Demo#abcd"}) {
      var errors = PasswordRules.check("newPassword", weak, "13900000000");
      assertEquals(1, errors.size(), weak);
      assertEquals("newPassword", errors.get(0).field());
      assertEquals("password.weak", errors.get(0).code());
    }
  }

  @Test
  void thePasswordMustNotBeTheUsername() {
    assertEquals("password.username", PasswordRules.check("p", "Ab#1ab.cd", "ab#1AB.cd").get(0).code());
  }
}
