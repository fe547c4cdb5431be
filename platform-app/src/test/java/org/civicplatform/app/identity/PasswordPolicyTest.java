package org.civicplatform.app.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.civicplatform.core.registration.control.PasswordRules;
import org.junit.jupiter.api.Test;

/**
 * One password rule, stated the same everywhere (issue 19 finding 8): Keycloak's policy in both realm files is
 * the one {@code PasswordRules} checks before asking Keycloak, and the hints a parent and an administrator read
 * name every part of it.
 */
class PasswordPolicyTest {

  static String resource(String name) throws IOException {
    try (InputStream in = PasswordPolicyTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("not on the class path: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void bothRealmsEnforceTheRuleTheServerChecks() throws IOException {
    for (String realm : List.of("realms/demo/civic-realm.json", "realms/production/civic-realm.json")) {
      String policy = Json.createReader(new java.io.StringReader(resource(realm))).readObject().getString("passwordPolicy");
      assertEquals(PasswordRules.KEYCLOAK_POLICY, policy, realm);
    }
  }

  @Test
  void theParentsAndTheAdministratorsHintsNameEveryPartOfTheRule() throws IOException {
    for (String script : List.of("META-INF/resources/js/accounts.js", "META-INF/resources/js/admin.js")) {
      String text = resource(script);
      for (String part : List.of("8至64位", "数字", "大写字母", "小写字母", "特殊字符", "upper-case", "lower-case", "special character")) {
        assertTrue(text.contains(part), script + " does not say " + part);
      }
      assertTrue(!text.contains("至少8位，须包含字母和数字") && !text.contains("含字母和数字。"), script + " still states the old rule");
    }
    assertTrue(resource("META-INF/resources/js/accounts.js").contains("不能与手机号相同"), "notUsername, in words");
  }
}
