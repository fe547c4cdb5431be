package org.civicplatform.kunshan.allocation;

import static org.civicplatform.kunshan.allocation.KunshanAllocation.INSURANCE;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.NON_POINTS_APPLICANT;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.PERMIT_ISSUED_ON;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.POINTS;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.POINTS_APPLICANT;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.PRIVATE_1;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.PRIVATE_2;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.PROPERTY;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.PUBLIC;
import static org.civicplatform.kunshan.allocation.KunshanAllocation.SECOND_ROUND;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.civicplatform.spi.allocation.AllocationInput;
import org.civicplatform.spi.allocation.Applicant;
import org.civicplatform.spi.allocation.SchoolSeats;
import org.civicplatform.spi.allocation.SeededLottery;

/**
 * Random Kunshan instances for property tests and the benchmark. Values come from small sets when asked
 * ({@code coarse}), so that ties, full schools and full districts are common.
 */
final class KunshanInstances {

  static final List<String> STAGES = List.of("PRIMARY", "JUNIOR");

  private KunshanInstances() {}

  /**
   * @param random the source of everything random
   * @param districts number of districts
   * @param publicSchools public schools (spread over the districts)
   * @param privateSchools private schools
   * @param applicants number of applicants
   * @param seatsPerSchool the largest seat count of a school (counts are 0 … this)
   * @param coarse draw values from small sets so that ties are frequent
   */
  static AllocationInput random(Random random, int districts, int publicSchools, int privateSchools,
      int applicants, int seatsPerSchool, boolean coarse) {
    List<SchoolSeats> schools = new ArrayList<>();
    Map<String, List<String>> publicByDistrictAndStage = new HashMap<>();
    List<List<String>> privateByStage = List.of(new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < publicSchools + privateSchools; i++) {
      boolean isPublic = i < publicSchools;
      String district = "d" + (i % districts);
      String code = (isPublic ? "pub-" : "priv-") + i;
      Map<String, Integer> seats = new HashMap<>();
      int offered = random.nextInt(3); // 0: primary only, 1: junior only, 2: both
      for (int s = 0; s < STAGES.size(); s++) {
        if (offered == 2 || offered == s) {
          seats.put(STAGES.get(s), random.nextInt(seatsPerSchool + 1));
          if (isPublic) {
            publicByDistrictAndStage.computeIfAbsent(district + "/" + STAGES.get(s), k -> new ArrayList<>()).add(code);
          } else {
            privateByStage.get(s).add(code);
          }
        }
      }
      schools.add(new SchoolSeats(code, district, isPublic, seats, Set.of()));
    }
    List<Applicant> list = new ArrayList<>(applicants);
    for (int i = 0; i < applicants; i++) {
      int stageIndex = random.nextInt(STAGES.size());
      String stage = STAGES.get(stageIndex);
      String district = "d" + random.nextInt(districts);
      boolean pointsApplicant = random.nextInt(10) < 7;
      Applicant a = Applicant.of(String.format("A%06d", i), district, stage,
              pointsApplicant ? POINTS_APPLICANT : NON_POINTS_APPLICANT)
          .reviewComplete(random.nextInt(10) < 8);
      if (pointsApplicant) {
        a = a.with(POINTS, amount(random, coarse ? 3 : 20000, coarse ? new String[] {"100", "100.50", "120"} : null))
            .with(INSURANCE, amount(random, coarse ? 2 : 13000, coarse ? new String[] {"50", "60"} : null))
            .with(PROPERTY, amount(random, coarse ? 2 : 8000, coarse ? new String[] {"0", "41.17"} : null));
        if (random.nextInt(10) < 7) {
          a = a.with(PERMIT_ISSUED_ON, LocalDate.of(2015, 1, 1).plusDays(random.nextInt(coarse ? 3 : 3000)));
        }
      }
      List<String> privates = privateByStage.get(stageIndex);
      if (!privates.isEmpty() && random.nextInt(10) < 3) {
        a = a.choosing(PRIVATE_1, privates.get(random.nextInt(privates.size())));
      }
      List<String> publics = publicByDistrictAndStage.getOrDefault(district + "/" + stage, List.of());
      if (!publics.isEmpty() && random.nextInt(10) < 8) {
        a = a.choosing(PUBLIC, publics.get(random.nextInt(publics.size())));
        List<String> second = new ArrayList<>(publics);
        Collections.shuffle(second, random);
        a = a.choosing(SECOND_ROUND, second.subList(0, random.nextInt(Math.min(second.size(), 10) + 1)));
      }
      if (!privates.isEmpty() && random.nextInt(10) < 4) {
        a = a.choosing(PRIVATE_2, privates.get(random.nextInt(privates.size())));
      }
      list.add(a);
    }
    return AllocationInput.of(SeededLottery.commitment("instance-" + random.nextLong()), schools, list);
  }

  private static BigDecimal amount(Random random, int bound, String[] coarse) {
    if (coarse != null) {
      return new BigDecimal(coarse[random.nextInt(coarse.length)]);
    }
    return BigDecimal.valueOf(random.nextInt(bound), 2);
  }
}
