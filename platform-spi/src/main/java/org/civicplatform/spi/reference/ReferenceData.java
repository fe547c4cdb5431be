package org.civicplatform.spi.reference;

import java.util.List;

/** Districts and schools a tenant ships as demo data (administrators maintain the real ones). */
public record ReferenceData(List<District> districts, List<School> schools) {

  public static final ReferenceData EMPTY = new ReferenceData(List.of(), List.of());

  public ReferenceData {
    districts = List.copyOf(districts);
    schools = List.copyOf(schools);
  }
}
