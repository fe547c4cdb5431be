package org.civicplatform.core.registration.control;

/**
 * Registration numbers (报名号) in the seed's style: the tenant's prefix, the school year and at least six
 * digits of a database sequence, e.g. {@code ES2024000123}. Unique because the sequence is.
 */
public final class RegistrationNumbers {

  private RegistrationNumbers() {}

  public static String format(String prefix, int year, long sequence) {
    if (sequence < 0) {
      throw new IllegalArgumentException("negative sequence value");
    }
    return prefix + year + String.format("%06d", sequence);
  }
}
