package org.civicplatform.core.registration.control;

/**
 * Registration numbers (报名号) in the seed's style: the tenant's prefix, the school year and at least six
 * digits of a database sequence, e.g. {@code ES2024000123}. Unique because the sequence is, and
 * unambiguous because the prefix is letters only and the year has four digits: every number reads back
 * as one (prefix, year, sequence). The Keycloak login form recognises exactly this shape.
 */
public final class RegistrationNumbers {

  private RegistrationNumbers() {}

  /**
   * @throws IllegalArgumentException unless {@code prefix} is 1–4 capital letters (as {@code
   *     ParentIdentity} requires), {@code year} has four digits and {@code sequence} is not negative
   */
  public static String format(String prefix, int year, long sequence) {
    if (prefix == null || !prefix.matches("[A-Z]{1,4}")) {
      throw new IllegalArgumentException("prefix must be 1-4 capital letters");
    }
    if (year < 1000 || year > 9999) {
      throw new IllegalArgumentException("year must have four digits: " + year);
    }
    if (sequence < 0) {
      throw new IllegalArgumentException("negative sequence value");
    }
    return prefix + year + String.format("%06d", sequence);
  }
}
