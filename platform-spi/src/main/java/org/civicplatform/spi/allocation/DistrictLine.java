package org.civicplatform.spi.allocation;

import java.util.Objects;
import java.util.SortedMap;

/**
 * A district line (区镇准入线) of a points ranking: the first {@code seats} ranks are inside it.
 *
 * @param district the district code
 * @param stage the stage
 * @param seats S, the district's public seats for the stage
 * @param candidates how many were ranked
 * @param lastInside the position of the last applicant inside the line (rank min(S, candidates)), or
 *     null when nobody was ranked or S is 0
 */
public record DistrictLine(String district, String stage, int seats, int candidates, Standing lastInside) {

  public DistrictLine {
    Objects.requireNonNull(district, "district");
    Objects.requireNonNull(stage, "stage");
  }

  /** The canonical text, as it appears in {@link AllocationResult#canonical()}. */
  public String canonical() {
    return CanonicalJson.write(canonicalForm());
  }

  SortedMap<String, Object> canonicalForm() {
    SortedMap<String, Object> object = CanonicalJson.object();
    object.put("district", district);
    object.put("stage", stage);
    object.put("seats", seats);
    object.put("candidates", candidates);
    object.put("lastInside", lastInside == null ? null : lastInside.canonicalForm());
    return object;
  }
}
