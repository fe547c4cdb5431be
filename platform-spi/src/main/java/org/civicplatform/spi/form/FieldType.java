package org.civicplatform.spi.form;

/** How a field is entered and which generic checks the core applies before the tenant's rules. */
public enum FieldType {
  TEXT,
  /** Long free text (family notes). */
  TEXTAREA,
  NUMBER,
  /** ISO date yyyy-MM-dd, a real day from 1900-01-01 to today (checked by {@code Dates}: forms ask for past events). */
  DATE,
  /** One of {@link FormField#options()}, shown as radio buttons or a list. */
  CHOICE,
  /** Several of {@link FormField#options()}. */
  MULTI_CHOICE,
  /** Yes/no. */
  BOOLEAN,
  /** An identity document number; validated by the tenant's rules according to its id-type field. */
  ID_NUMBER,
  /** A mainland mobile number (11 digits, 1[3-9]x). */
  MOBILE,
  /** An address, possibly with fixed prefix (e.g. 江苏省昆山市). */
  ADDRESS,
  /** A school picked from the tenant's school list (filtered by {@link FormField#source()}). */
  SCHOOL,
  /** A district (区镇/街道) of the tenant. */
  DISTRICT,
  /** A person chosen among the family members entered elsewhere (e.g. 积分主体, 房屋所有权人). */
  FAMILY_MEMBER
}
