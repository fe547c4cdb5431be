package org.civicplatform.spi.allocation;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A position in a ranking (排名): the rank and what it was decided by. Used for the applicant's own
 * position, for a school's last admitted position (学校录取线) and for the district line (区镇准入线).
 *
 * @param rank 1-based position in the ranking
 * @param category the category of whoever holds the position, or null when the ranking has none
 * @param values the ranking values of whoever holds the position (empty when nobody does)
 * @param lotteryKey the seeded-lottery key of whoever holds the position when the lottery decided it (a
 *     lottery draw, or a tie on every other criterion); null otherwise
 */
public record Standing(int rank, String category, Map<String, RankingValue> values, String lotteryKey) {

  public Standing {
    if (rank < 1) {
      throw new IllegalArgumentException("rank starts at 1");
    }
    values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
  }

  /** A bare rank, e.g. a line nobody has reached. */
  public static Standing rank(int rank) {
    return new Standing(rank, null, Map.of(), null);
  }

  public Standing withRank(int newRank) {
    return new Standing(newRank, category, values, lotteryKey);
  }

  SortedMap<String, Object> canonicalForm() {
    SortedMap<String, Object> object = CanonicalJson.object();
    object.put("rank", rank);
    object.put("category", category);
    if (!values.isEmpty()) {
      object.put("values", CanonicalJson.values(values));
    }
    object.put("lotteryKey", lotteryKey);
    return object;
  }
}
