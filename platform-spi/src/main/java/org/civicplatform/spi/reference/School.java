package org.civicplatform.spi.reference;

import java.util.List;
import java.util.Map;
import org.civicplatform.spi.LocalizedText;

/**
 * A school with its seats per stage and its zone (施教区).
 *
 * @param code stable code
 * @param name official name
 * @param districtCode the district it belongs to
 * @param publicSchool public (公办) or private (民办)
 * @param seats seats per stage code (e.g. {@code PRIMARY} → 450)
 * @param zone address patterns of its school zone (used to recommend it from an address)
 */
public record School(
    String code,
    LocalizedText name,
    String districtCode,
    boolean publicSchool,
    Map<String, Integer> seats,
    List<String> zone) {

  public School {
    seats = Map.copyOf(seats);
    zone = List.copyOf(zone);
  }
}
