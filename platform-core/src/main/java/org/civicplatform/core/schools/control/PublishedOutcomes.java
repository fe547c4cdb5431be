package org.civicplatform.core.schools.control;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.civicplatform.spi.allocation.Outcome;

/**
 * The seam through which the statuses read published placement results. The allocation engine provides
 * the one implementation (a CDI bean); until it exists — or before a run is published — there is none and
 * every batch shows its review-time status.
 */
public interface PublishedOutcomes {

  /** What is published for one application of a tenant. */
  Published of(String tenant, UUID applicationId);

  /**
   * @param phases the phases whose results are published
   * @param outcomes the child's outcome per phase id
   * @param choices school codes chosen per batch outside the form (e.g. {@code SECOND_ROUND})
   */
  record Published(Set<String> phases, Map<String, Outcome> outcomes, Map<String, List<String>> choices) {

    public static final Published NONE = new Published(Set.of(), Map.of(), Map.of());

    public Published {
      phases = Set.copyOf(phases);
      outcomes = Map.copyOf(outcomes);
      choices = Map.copyOf(choices);
    }
  }
}
