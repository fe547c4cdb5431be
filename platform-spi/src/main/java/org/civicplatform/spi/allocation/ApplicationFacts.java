package org.civicplatform.spi.allocation;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.civicplatform.spi.reference.School;

/**
 * What the allocation engine knows of one application when it builds a run's input (参与录取的报名): the
 * stored answers and the columns the core keeps, under the pseudonymous key the run gave it. A tenant
 * turns it into an {@link Applicant} with {@link AllocationProcedure#applicant(ApplicationFacts)}.
 *
 * @param applicantKey the pseudonymous key of the run (never the application id)
 * @param answers the application's answers, one object per form step (plus {@code stage})
 * @param districtCode the district (区镇 / 街道) the application was filed in, or null
 * @param stage the school stage, e.g. {@code PRIMARY}
 * @param reviewComplete whether every review stage approved (审核完成)
 * @param schoolYear the school year applied for
 * @param schools the run's schools with their zones (施教区), for procedures that derive a choice from
 *     an address
 * @param confirmedPoints the points breakdown confirmed when the review completed (审核完成), as the
 *     tenant's {@link org.civicplatform.spi.rules.PointsRules#breakdown} returned it and the parent sees
 *     it; empty for tenants without points and for applications whose review is not complete
 */
public record ApplicationFacts(
    String applicantKey,
    JsonObject answers,
    String districtCode,
    String stage,
    boolean reviewComplete,
    int schoolYear,
    List<School> schools,
    Optional<JsonObject> confirmedPoints) {

  public ApplicationFacts {
    Objects.requireNonNull(applicantKey, "applicantKey");
    Objects.requireNonNull(answers, "answers");
    Objects.requireNonNull(stage, "stage");
    schools = List.copyOf(schools);
    confirmedPoints = confirmedPoints == null ? Optional.empty() : confirmedPoints;
  }

  /** Facts without confirmed points (tenants that do not rank by points, reviews not complete). */
  public ApplicationFacts(String applicantKey, JsonObject answers, String districtCode, String stage,
      boolean reviewComplete, int schoolYear, List<School> schools) {
    this(applicantKey, answers, districtCode, stage, reviewComplete, schoolYear, schools, Optional.empty());
  }
}
