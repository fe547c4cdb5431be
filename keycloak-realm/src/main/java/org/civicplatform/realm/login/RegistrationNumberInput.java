package org.civicplatform.realm.login;

import java.util.Locale;
import java.util.regex.Pattern;

/** Recognises a registration number (报名号) typed into the login form's username field. */
final class RegistrationNumberInput {

  /** Two letters + year + six digits, as the platform issues them (e.g. ES2024000001). */
  static final Pattern REGISTRATION_NUMBER = Pattern.compile("[A-Za-z]{2}\\d{10}");

  private RegistrationNumberInput() {}

  /**
   * The registration number in its issued form (upper case, spaces removed), or null when {@code typed} is
   * not one (a mobile number or a staff username goes to the standard lookup unchanged).
   */
  static String normalise(String typed) {
    if (typed == null) {
      return null;
    }
    String compact = typed.replaceAll("\\s+", "");
    return REGISTRATION_NUMBER.matcher(compact).matches() ? compact.toUpperCase(Locale.ROOT) : null;
  }
}
