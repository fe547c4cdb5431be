package org.civicplatform.spi.registry;

/** The registry connectors the core hands to a tenant's checks. */
public interface Registries {

  HouseholdRegistry household();

  RealEstateRegistry realEstate();

  /** 社保 / 医保; connectors that do not offer it throw {@link UnsupportedOperationException}. */
  default SocialInsuranceRegistry socialInsurance() {
    throw new UnsupportedOperationException("no social-insurance registry");
  }
}
