package org.civicplatform.spi.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A property as the real-estate registry knows it.
 *
 * @param number the certificate or filed contract number
 * @param contract true when only a filed purchase contract exists (no title yet)
 * @param owners owners with their shares
 * @param registrationDate title registration date, or the contract's handover date
 * @param address the property's address
 */
public record PropertyRecord(
    String number, boolean contract, List<Owner> owners, LocalDate registrationDate, String address) {

  public PropertyRecord {
    owners = List.copyOf(owners);
  }

  /** One owner: ID number, name and share in percent. */
  public record Owner(String idNumber, String name, BigDecimal sharePercent) {}

  /** The owner with this ID number, if they are one. */
  public Optional<Owner> owner(String idNumber) {
    return owners.stream().filter(o -> o.idNumber().equalsIgnoreCase(idNumber)).findFirst();
  }
}
