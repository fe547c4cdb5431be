package org.civicplatform.spi.registry;

import java.util.Optional;

/** 公安户籍: the household registry, asked remotely. Throws {@link RegistryUnavailable} when it cannot answer. */
public interface HouseholdRegistry {

  /** The person registered under an ID number, or empty when the registry has no such person. */
  Optional<HouseholdPerson> person(String idNumber);
}
