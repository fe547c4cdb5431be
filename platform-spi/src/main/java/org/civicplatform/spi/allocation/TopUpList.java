package org.civicplatform.spi.allocation;

import java.util.List;

/**
 * The top-up list (补录名单) for administrators: the children left unplaced and the schools with seats
 * left.
 *
 * @param applicants keys of the applicants whose final outcome is {@link Outcome.TopUp}, sorted
 * @param schools the tallies with seats left, sorted by school and stage
 */
public record TopUpList(List<String> applicants, List<SchoolTally> schools) {

  public TopUpList {
    applicants = List.copyOf(applicants);
    schools = List.copyOf(schools);
  }
}
