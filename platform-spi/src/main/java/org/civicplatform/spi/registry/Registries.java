package org.civicplatform.spi.registry;

/** The registry connectors the core hands to a tenant's checks. */
public interface Registries {

  HouseholdRegistry household();

  RealEstateRegistry realEstate();
}
