package org.civicplatform.spi.identity;

/**
 * How a tenant's parents get their accounts, declared by the tenant and enforced by the core.
 *
 * @param registrationNumberPrefix non-null when parents register on the platform with a mobile number
 *     and an SMS code; the prefix of the registration number (报名号) issued, e.g. {@code ES} gives
 *     {@code ES2024000123}
 * @param minimumRealNameLevel non-null when parents must carry at least this real-name level (实名认证等级)
 *     in their token to use the tenant's parent endpoints (e.g. brokered from a city portal)
 */
public record ParentIdentity(String registrationNumberPrefix, RealNameLevel minimumRealNameLevel) {

  /** Accounts come from elsewhere; no level required. The default. */
  public static final ParentIdentity EXTERNAL = new ParentIdentity(null, null);

  /** Parents register with a mobile number; registration numbers start with {@code prefix}. */
  public static ParentIdentity phoneRegistration(String prefix) {
    if (prefix == null || !prefix.matches("[A-Z]{1,4}")) {
      throw new IllegalArgumentException("prefix must be 1-4 capital letters: " + prefix);
    }
    return new ParentIdentity(prefix, null);
  }

  /** Parents sign in through an identity provider that must vouch for at least {@code level}. */
  public static ParentIdentity realName(RealNameLevel level) {
    return new ParentIdentity(null, java.util.Objects.requireNonNull(level, "level"));
  }

  public boolean phoneRegistration() {
    return registrationNumberPrefix != null;
  }
}
