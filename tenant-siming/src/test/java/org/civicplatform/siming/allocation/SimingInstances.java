package org.civicplatform.siming.allocation;

import static org.civicplatform.siming.allocation.SimingAllocation.COLLECTIVE;
import static org.civicplatform.siming.allocation.SimingAllocation.DISTRICT;
import static org.civicplatform.siming.allocation.SimingAllocation.HOT;
import static org.civicplatform.siming.allocation.SimingAllocation.PARENT_REGISTERED_ON;
import static org.civicplatform.siming.allocation.SimingAllocation.SIMING_REGISTERED_ON;
import static org.civicplatform.siming.allocation.SimingAllocation.ZONE;
import static org.civicplatform.siming.allocation.SimingAllocation.ZONE_REGISTERED_ON;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.civicplatform.spi.allocation.AllocationInput;
import org.civicplatform.spi.allocation.Applicant;
import org.civicplatform.spi.allocation.SchoolSeats;
import org.civicplatform.spi.allocation.SeededLottery;

/** Random Siming instances: few distinct days so that ties are common, some hot schools, full schools. */
final class SimingInstances {

  static final String PRIMARY = "PRIMARY";
  private static final LocalDate START = LocalDate.of(2010, 1, 1);

  private SimingInstances() {}

  static AllocationInput random(Random random, int schools, int applicants, int seatsPerSchool, int distinctDays) {
    List<SchoolSeats> list = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < schools; i++) {
      String code = "sch-" + i;
      codes.add(code);
      SchoolSeats school = new SchoolSeats(code, "street-" + (i % 3), true,
          Map.of(PRIMARY, random.nextInt(seatsPerSchool + 1)), Set.of());
      list.add(random.nextInt(3) == 0 ? school.tagged(HOT) : school);
    }
    List<Applicant> people = new ArrayList<>();
    for (int i = 0; i < applicants; i++) {
      String category = String.valueOf(1 + random.nextInt(7));
      Applicant a = Applicant.of(String.format("S%05d", i), "street-" + random.nextInt(3), PRIMARY, category);
      for (String code : List.of(ZONE_REGISTERED_ON, PARENT_REGISTERED_ON, SIMING_REGISTERED_ON)) {
        if (random.nextInt(10) > 0) {
          a = a.with(code, START.plusDays(random.nextInt(distinctDays)));
        }
      }
      if (!"6".equals(category) && random.nextInt(10) < 9) {
        a = a.choosing(ZONE, codes.get(random.nextInt(codes.size())));
      }
      if ("6".equals(category) && random.nextInt(10) < 6) {
        a = a.choosing(COLLECTIVE, codes.get(random.nextInt(codes.size())));
      }
      List<String> district = new ArrayList<>(codes);
      Collections.shuffle(district, random);
      a = a.choosing(DISTRICT, district.subList(0, random.nextInt(Math.min(5, district.size()) + 1)));
      people.add(a);
    }
    return AllocationInput.of(SeededLottery.commitment("siming-" + random.nextLong()), list, people);
  }
}
