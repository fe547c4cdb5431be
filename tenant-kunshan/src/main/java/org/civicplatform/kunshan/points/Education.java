package org.civicplatform.kunshan.points;

/** Education level (文化程度, 学历) of the points subject, line 2a of the rules. */
public enum Education {
  /** 无, or below 大专. */
  NONE,
  /** 大专. */
  JUNIOR_COLLEGE,
  /** 本科. */
  BACHELOR,
  /** 硕士研究生. */
  MASTER,
  /** 博士研究生. */
  DOCTOR
}
