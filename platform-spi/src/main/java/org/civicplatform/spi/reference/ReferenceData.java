package org.civicplatform.spi.reference;

import java.util.List;

/**
 * Districts, schools (with their seats and zone patterns) and the enrolment calendar a tenant ships as
 * its initial data: the core seeds its tables from it on first start; administrators maintain them after.
 */
public record ReferenceData(List<District> districts, List<School> schools, List<CalendarPhase> calendar) {

  public static final ReferenceData EMPTY = new ReferenceData(List.of(), List.of(), List.of());

  public ReferenceData {
    districts = List.copyOf(districts);
    schools = List.copyOf(schools);
    calendar = List.copyOf(calendar);
  }

  /** Districts and schools without a calendar. */
  public ReferenceData(List<District> districts, List<School> schools) {
    this(districts, schools, List.of());
  }
}
