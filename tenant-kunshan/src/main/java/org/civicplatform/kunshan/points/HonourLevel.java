package org.civicplatform.kunshan.points;

/** The level of the authority that awarded an honour. */
public enum HonourLevel {
  /** County-level city (县级市, 昆山). */
  COUNTY,
  /** Prefecture-level city (地级市, 苏州). */
  CITY,
  /** Province (省级). */
  PROVINCE,
  /** Nation (国家级). */
  NATIONAL
}
