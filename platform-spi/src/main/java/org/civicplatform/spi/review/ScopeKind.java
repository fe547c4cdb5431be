package org.civicplatform.spi.review;

/** What kind of reviewer scope owns a stage's tasks. */
public enum ScopeKind {
  /** Done by the platform itself (registry checks); no human queue. */
  AUTOMATIC,
  /** A district window (区镇窗口 / 街道): the task goes to reviewers holding the application's district. */
  DISTRICT,
  /** A department (部门, e.g. 不动产登记): reviewers holding that department, any district. */
  DEPARTMENT,
  /** A private school (民办学校): reviewers of the school chosen in the application. */
  SCHOOL,
  /** Any reviewer of the tenant. */
  TENANT
}
