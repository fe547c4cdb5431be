package org.civicplatform.spi.allocation;

import java.util.Objects;
import org.civicplatform.spi.LocalizedText;

/**
 * One criterion of a ranking: which {@link Applicant#values() value} it reads and which end comes first.
 * An applicant without the value always comes after every applicant with it, whatever the direction.
 *
 * @param code the key in {@link Applicant#values()}, e.g. {@code points}
 * @param name what the value is, for explanations and for the engine that fills it
 * @param direction which end of the scale ranks first
 */
public record RankingCriterion(String code, LocalizedText name, Direction direction) {

  public RankingCriterion {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(direction, "direction");
  }

  public static RankingCriterion highestFirst(String code, String zh, String en) {
    return new RankingCriterion(code, LocalizedText.of(zh, en), Direction.HIGHEST_FIRST);
  }

  /** Lowest first; for days: earliest first (e.g. the longest registered household). */
  public static RankingCriterion lowestFirst(String code, String zh, String en) {
    return new RankingCriterion(code, LocalizedText.of(zh, en), Direction.LOWEST_FIRST);
  }

  /** Orders two applicants by this criterion alone; negative when {@code a} ranks first. */
  int compare(Applicant a, Applicant b) {
    return compare(a.values().get(code), b.values().get(code));
  }

  /** Orders two values (null = absent, always last); negative when {@code x} ranks first. */
  int compare(RankingValue x, RankingValue y) {
    if (x == null || y == null) {
      return x == y ? 0 : x == null ? 1 : -1;
    }
    int natural = x.compareTo(y);
    return direction == Direction.HIGHEST_FIRST ? -natural : natural;
  }

  /** Which end of the scale ranks first. */
  public enum Direction {
    /** Larger amounts, later days first (e.g. 总积分). */
    HIGHEST_FIRST,
    /** Smaller amounts, earlier days first (e.g. 居住证签发日期, 落户日期). */
    LOWEST_FIRST
  }
}
