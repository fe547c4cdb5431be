package org.civicplatform.core.registry.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.civicplatform.spi.registry.HouseholdPerson;

/**
 * People added to the simulated household registry at run time (development and tests, through {@code
 * dev/registries/household/people}), answered before the class-path fixtures. Kept in memory only.
 */
@ApplicationScoped
public class SimulatedHouseholdPeople {

  private final Map<String, HouseholdPerson> people = new ConcurrentHashMap<>();

  public void add(HouseholdPerson person) {
    people.put(key(person.idNumber()), person);
  }

  public Optional<HouseholdPerson> person(String idNumber) {
    return idNumber == null ? Optional.empty() : Optional.ofNullable(people.get(key(idNumber)));
  }

  public int size() {
    return people.size();
  }

  private static String key(String idNumber) {
    return idNumber.strip().toUpperCase(Locale.ROOT);
  }
}
