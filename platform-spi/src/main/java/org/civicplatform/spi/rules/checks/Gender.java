package org.civicplatform.spi.rules.checks;

/** Gender (性别) as an identity number records it: odd 17th digit male, even female. */
public enum Gender {
  /** 男. */
  MALE,
  /** 女. */
  FEMALE
}
