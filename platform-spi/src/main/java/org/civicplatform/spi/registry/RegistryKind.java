package org.civicplatform.spi.registry;

/**
 * Government registries outside our reach. Each is a connector the core calls as a remote service
 * (timeout, retry, circuit breaker); locally a simulated implementation answers from fixture data.
 */
public enum RegistryKind {
  /** 社保: months paid per insurance type. */
  SOCIAL_INSURANCE,
  /** 不动产登记: certificate, owners and shares, registration date, address. */
  REAL_ESTATE,
  /** 公安户籍: person by ID number, parents, household address and kind. */
  HOUSEHOLD,
  /** 学信网: education credentials by online verification code. */
  EDUCATION_CREDENTIALS
}
