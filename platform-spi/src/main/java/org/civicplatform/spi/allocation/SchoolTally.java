package org.civicplatform.spi.allocation;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A school's seats after a run, for one stage: how many each phase admitted and how many are left (余额),
 * which is what the second round, 统筹 and top-up (补录) publish.
 *
 * @param school the school code
 * @param stage the stage
 * @param seats seats at the start of the run
 * @param admittedByPhase admitted per phase id (phases that admitted nobody are left out)
 * @param seatsLeft seats not taken
 */
public record SchoolTally(
    String school, String stage, int seats, Map<String, Integer> admittedByPhase, int seatsLeft) {

  public SchoolTally {
    Objects.requireNonNull(school, "school");
    Objects.requireNonNull(stage, "stage");
    admittedByPhase = Collections.unmodifiableSortedMap(new TreeMap<>(admittedByPhase));
  }

  public int admitted() {
    return seats - seatsLeft;
  }

  /** The canonical text, as it appears in {@link AllocationResult#canonical()}. */
  public String canonical() {
    return CanonicalJson.write(canonicalForm());
  }

  SortedMap<String, Object> canonicalForm() {
    SortedMap<String, Object> object = CanonicalJson.object();
    object.put("school", school);
    object.put("stage", stage);
    object.put("seats", seats);
    SortedMap<String, Object> admitted = CanonicalJson.object();
    admitted.putAll(admittedByPhase);
    object.put("admitted", admitted);
    object.put("seatsLeft", seatsLeft);
    return object;
  }
}
