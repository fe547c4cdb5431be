package org.civicplatform.kunshan.points;

/** Professional technical title (专业技术职称), line 2c of the rules. */
public enum TitleLevel {
  /** 无. */
  NONE,
  /** 初级. */
  JUNIOR,
  /** 中级. */
  INTERMEDIATE,
  /** 副高级. */
  ASSOCIATE_SENIOR,
  /** 正高级. */
  SENIOR
}
