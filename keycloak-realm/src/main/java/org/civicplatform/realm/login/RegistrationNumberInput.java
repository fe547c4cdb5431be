package org.civicplatform.realm.login;

import java.util.Locale;
import java.util.regex.Pattern;

/** Recognises a registration number (报名号) typed into the login form's username field. */
final class RegistrationNumberInput {

  /**
   * As the platform issues them (RegistrationNumbers): the tenant's 1–4 letters, the four-digit year and
   * the sequence zero-padded to six digits, or longer without a leading zero once it passes 999999
   * (ES2024000001, ES20241234567; never ES20240000011).
   */
  static final Pattern REGISTRATION_NUMBER =
      Pattern.compile("[A-Za-z]{1,4}[1-9][0-9]{3}(?:[0-9]{6}|[1-9][0-9]{6,18})");

  /** What the platform's field checks remove as spaces: white space, the ideographic space, zero-width. */
  private static final Pattern SPACES = Pattern.compile("[\\p{javaWhitespace}\\p{Z}\\u200B-\\u200D\\u2060\\uFEFF]+");

  private RegistrationNumberInput() {}

  /**
   * The registration number in its issued form (upper case, spaces removed), or null when {@code typed} is
   * not one (a mobile number or a staff username goes to the standard lookup unchanged).
   */
  static String normalise(String typed) {
    if (typed == null) {
      return null;
    }
    String compact = SPACES.matcher(typed).replaceAll("");
    return REGISTRATION_NUMBER.matcher(compact).matches() ? compact.toUpperCase(Locale.ROOT) : null;
  }
}
