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
    int size = criteria.size();
    List<Row> rows = new ArrayList<>(candidates.size());
    for (Applicant applicant : candidates) {
      RankingValue[] values = new RankingValue[size];
      for (int c = 0; c < size; c++) {
        values[c] = applicant.values().get(criteria.get(c).code());
      }
      rows.add(new Row(applicant, values));
    }
    rows.sort(this::compare);
    List<Ranked> ranked = new ArrayList<>(rows.size());
    int i = 0;
    while (i < rows.size()) {
      int j = i + 1;
      while (j < rows.size() && compare(rows.get(i), rows.get(j)) == 0) {
        j++;
      }
      if (j - i == 1) {
        ranked.add(new Ranked(rows.get(i).applicant, standing(rows.get(i), i + 1, null)));
      } else {
        List<Row> tied = rows.subList(i, j);
        for (Row row : tied) {
          row.lotteryKey = lottery.key(lotteryScope, row.applicant.applicantKey());
        }
        tied.sort(Comparator.<Row, String>comparing(r -> r.lotteryKey)
            .thenComparing(r -> r.applicant.applicantKey()));
        for (int k = 0; k < tied.size(); k++) {
          ranked.add(new Ranked(tied.get(k).applicant, standing(tied.get(k), i + k + 1, tied.get(k).lotteryKey)));
        }
      }
      i = j;
    }
    return ranked;
  }

  /** A candidate with the values of the criteria, looked up once. */
  private static final class Row {
    final Applicant applicant;
    final RankingValue[] values;
    String lotteryKey;

    Row(Applicant applicant, RankingValue[] values) {
      this.applicant = applicant;
      this.values = values;
    }
  }

  private int compare(Row a, Row b) {
    for (int c = 0; c < a.values.length; c++) {
      int order = criteria.get(c).compare(a.values[c], b.values[c]);
      if (order != 0) {
        return order;
      }
    }
    return 0;
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

  private Standing standing(Row row, int rank, String lotteryKey) {
    Map<String, RankingValue> values = new TreeMap<>();
    for (int c = 0; c < row.values.length; c++) {
      if (row.values[c] != null) {
        values.put(criteria.get(c).code(), row.values[c]);
      }
    }
    return new Standing(rank, row.applicant.category(), values, lotteryKey);
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
