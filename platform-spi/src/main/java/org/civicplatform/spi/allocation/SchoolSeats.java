package org.civicplatform.spi.allocation;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.civicplatform.spi.reference.School;

/**
 * A school and its seats (学位数) for one placement run.
 *
 * @param code the school code; also the lottery's school id
 * @param districtCode the district it belongs to
 * @param publicSchool public (公办) or private (民办)
 * @param seats seats per stage code; a stage not listed has no seats
 * @param tags the year's marks the procedure reads, e.g. Siming's {@code HOT} (热点学校)
 */
public record SchoolSeats(
    String code, String districtCode, boolean publicSchool, Map<String, Integer> seats, Set<String> tags) {

  public SchoolSeats {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(districtCode, "districtCode");
    seats = Collections.unmodifiableSortedMap(new TreeMap<>(seats));
    seats.forEach(
        (stage, count) -> {
          if (count == null || count < 0) {
            throw new IllegalArgumentException("school " + code + ": seats for " + stage + " must be >= 0");
          }
        });
    tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
  }

  /** The seats of a reference school, without tags. */
  public static SchoolSeats of(School school) {
    return new SchoolSeats(
        school.code(), school.districtCode(), school.publicSchool(), school.seats(), Set.of());
  }

  public static SchoolSeats ofPublic(String code, String districtCode, String stage, int seats) {
    return new SchoolSeats(code, districtCode, true, Map.of(stage, seats), Set.of());
  }

  public static SchoolSeats ofPrivate(String code, String districtCode, String stage, int seats) {
    return new SchoolSeats(code, districtCode, false, Map.of(stage, seats), Set.of());
  }

  public SchoolSeats tagged(String... more) {
    Set<String> all = new TreeSet<>(tags);
    all.addAll(java.util.Arrays.asList(more));
    return new SchoolSeats(code, districtCode, publicSchool, seats, all);
  }

  public boolean hasTag(String tag) {
    return tags.contains(tag);
  }

  /** The seats for a stage; 0 when the stage is not offered. */
  public int seatsFor(String stage) {
    return seats.getOrDefault(stage, 0);
  }
}
