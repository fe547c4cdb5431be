package org.civicplatform.spi.identity;

import java.util.Optional;

/**
 * Real-name verification level (实名认证等级) a city portal such as iXiamen vouches for: 初级 (primary), 中级
 * (intermediate), 高级 (advanced). Levels are ordered: a higher level satisfies a lower requirement.
 */
public enum RealNameLevel {
  PRIMARY("初级"),
  INTERMEDIATE("中级"),
  ADVANCED("高级");

  private final String label;

  RealNameLevel(String label) {
    this.label = label;
  }

  /** The label as the token's {@code real_name_level} claim carries it, e.g. 初级. */
  public String label() {
    return label;
  }

  /** The level of a claim value (the Chinese label or the enum name); empty when absent or unknown. */
  public static Optional<RealNameLevel> ofClaim(String claim) {
    if (claim == null || claim.isBlank()) {
      return Optional.empty();
    }
    String value = claim.strip();
    for (RealNameLevel level : values()) {
      if (level.label.equals(value) || level.name().equalsIgnoreCase(value)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  /** Whether this level meets {@code required}. */
  public boolean satisfies(RealNameLevel required) {
    return compareTo(required) >= 0;
  }
}
