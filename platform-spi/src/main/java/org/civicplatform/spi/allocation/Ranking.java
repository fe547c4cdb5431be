package org.civicplatform.spi.allocation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A ranking rule (排序规则): criteria applied in order, then the seeded lottery for applicants equal on
 * every criterion. With no criteria it is a plain lottery draw.
 *
 * <p>The order never depends on the order of the candidates given: equal candidates are always separated
 * by their lottery keys.
 *
 * @param criteria the criteria, most important first
 */
public record Ranking(List<RankingCriterion> criteria) {

  public Ranking {
    criteria = List.copyOf(criteria);
  }

  /** A plain draw by the seeded lottery. */
  public static Ranking lottery() {
    return new Ranking(List.of());
  }

  /**
   * Ranks the candidates.
   *
   * @param lottery the run's lottery
   * @param lotteryScope the school id of the lottery key: the school code for a school's draw, the
   *     district code for a district ranking
   * @return the candidates in rank order, each with its standing; the standing carries the lottery key
   *     only for candidates the lottery had to separate from an equal one
   */
  public List<Ranked> rank(Collection<Applicant> candidates, SeededLottery lottery, String lotteryScope) {
    Comparator<Applicant> byCriteria = this::compare;
    List<Applicant> sorted = new ArrayList<>(candidates);
    sorted.sort(byCriteria);
    List<Ranked> ranked = new ArrayList<>(sorted.size());
    int i = 0;
    while (i < sorted.size()) {
      int j = i + 1;
      while (j < sorted.size() && compare(sorted.get(i), sorted.get(j)) == 0) {
        j++;
      }
      if (j - i == 1) {
        ranked.add(new Ranked(sorted.get(i), standing(sorted.get(i), i + 1, null)));
      } else {
        List<Object[]> tied = new ArrayList<>(j - i);
        for (Applicant applicant : sorted.subList(i, j)) {
          tied.add(new Object[] {lottery.key(lotteryScope, applicant.applicantKey()), applicant});
        }
        tied.sort(
            Comparator.<Object[], String>comparing(t -> (String) t[0])
                .thenComparing(t -> ((Applicant) t[1]).applicantKey()));
        for (int k = 0; k < tied.size(); k++) {
          Applicant applicant = (Applicant) tied.get(k)[1];
          ranked.add(new Ranked(applicant, standing(applicant, i + k + 1, (String) tied.get(k)[0])));
        }
      }
      i = j;
    }
    return ranked;
  }

  /** Orders two applicants by the criteria alone (0 when the lottery must decide). */
  public int compare(Applicant a, Applicant b) {
    for (RankingCriterion criterion : criteria) {
      int c = criterion.compare(a, b);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private Standing standing(Applicant applicant, int rank, String lotteryKey) {
    Map<String, RankingValue> values = new TreeMap<>();
    for (RankingCriterion criterion : criteria) {
      RankingValue value = applicant.values().get(criterion.code());
      if (value != null) {
        values.put(criterion.code(), value);
      }
    }
    return new Standing(rank, applicant.category(), values, lotteryKey);
  }

  /**
   * One ranked candidate.
   *
   * @param applicant the candidate
   * @param standing its rank, ranking values and, when the lottery decided, its lottery key
   */
  public record Ranked(Applicant applicant, Standing standing) {

    public int rank() {
      return standing.rank();
    }

    public String applicantKey() {
      return applicant.applicantKey();
    }

    /** The same candidate at another rank (when rankings of groups are joined). */
    public Ranked at(int rank) {
      return new Ranked(applicant, standing.withRank(rank));
    }
  }
}
