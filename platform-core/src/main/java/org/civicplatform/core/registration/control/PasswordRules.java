package org.civicplatform.core.registration.control;

import java.util.ArrayList;
import java.util.List;
import org.civicplatform.core.problems.Problem;

/**
 * The realm's password policy (length 8, a digit, a lower- and an upper-case letter, a special
 * character, not the username), checked before Keycloak is asked so the answer names the field.
 */
public final class PasswordRules {

  static final int MIN = 8;
  static final int MAX = 64;

  /**
   * The same rule as Keycloak states it in both realm files (checked by {@code PasswordPolicyTest}); the
   * hints in the portal and the admin console say it in words.
   */
  public static final String KEYCLOAK_POLICY = "length(8) and digits(1) and lowerCase(1) and upperCase(1)"
      + " and specialChars(1) and notUsername(undefined) and passwordHistory(3)";

  private PasswordRules() {}

  public static List<Problem.InvalidField> check(String field, String password, String username) {
    List<Problem.InvalidField> errors = new ArrayList<>();
    if (password == null || password.isEmpty()) {
      errors.add(new Problem.InvalidField(field, "password.required", "请设置密码。", "Choose a password."));
      return errors;
    }
    boolean digit = password.chars().anyMatch(Character::isDigit);
    boolean lower = password.chars().anyMatch(Character::isLowerCase);
    boolean upper = password.chars().anyMatch(Character::isUpperCase);
    boolean special = password.chars().anyMatch(c -> !Character.isLetterOrDigit(c) && !Character.isWhitespace(c));
    if (password.length() < MIN || password.length() > MAX || !digit || !lower || !upper || !special) {
      errors.add(new Problem.InvalidField(field, "password.weak",
          "密码须为8至64位，且包含数字、大写字母、小写字母和特殊字符。",
          "The password needs 8 to 64 characters with a digit, an upper-case and a lower-case letter and a special character."));
    } else if (password.equalsIgnoreCase(username)) {
      errors.add(new Problem.InvalidField(field, "password.username",
          "密码不能与手机号（用户名）相同。", "The password must not be the mobile number (username)."));
    }
    return errors;
  }
}
