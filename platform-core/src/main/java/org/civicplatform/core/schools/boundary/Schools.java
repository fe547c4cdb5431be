package org.civicplatform.core.schools.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.civicplatform.core.schools.control.SchoolCatalog;
import org.civicplatform.spi.allocation.SchoolSeats;
import org.civicplatform.spi.reference.CalendarPhase;
import org.civicplatform.spi.reference.District;
import org.civicplatform.spi.reference.School;

/**
 * The read side of a tenant's schools for other components (the allocation engine reads the seats here):
 * always what is in the database now, as the administrators last left it.
 */
@ApplicationScoped
public class Schools {

  @Inject SchoolCatalog catalog;

  /**
   * The seats (学位数) of every school offering {@code stage} (all schools when {@code stage} is null), in
   * the shape a placement run takes.
   */
  public List<SchoolSeats> seats(String tenant, String stage) {
    return catalog.schoolList(tenant).stream()
        .filter(s -> stage == null || s.seats().containsKey(stage))
        .map(s -> new SchoolSeats(s.code(), s.districtCode(), s.publicSchool(), s.seats(), Set.of()))
        .toList();
  }

  public List<School> schools(String tenant) {
    return catalog.schoolList(tenant);
  }

  public List<District> districts(String tenant) {
    return catalog.districts(tenant);
  }

  public List<CalendarPhase> calendar(String tenant) {
    return catalog.calendar(tenant);
  }
}
