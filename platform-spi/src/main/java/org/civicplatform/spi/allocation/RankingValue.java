package org.civicplatform.spi.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A value an applicant is ranked by (排序依据): an amount such as the points total (总积分) or 参保年限
 * points, or a day such as the date a household was registered in a school zone (落户日期). Values of the
 * same kind compare naturally; comparing an amount with a day is a programming error.
 */
public sealed interface RankingValue extends Comparable<RankingValue>
    permits RankingValue.Amount, RankingValue.Day {

  /** An amount, kept at the scale it was given (41.17 stays 41.17); compared by numeric value. */
  record Amount(BigDecimal value) implements RankingValue {
    public Amount {
      Objects.requireNonNull(value, "value");
    }

    /**
     * The plain decimal. {@link BigDecimal#toString()} is that same text whenever it needs no exponent
     * (scale ≥ 0, adjusted exponent ≥ −6), and BigDecimal keeps it once made: a run writes each value
     * into many explanations.
     */
    @Override
    public String text() {
      return value.scale() >= 0 && value.precision() - value.scale() >= -5 ? value.toString() : value.toPlainString();
    }
  }

  /** A calendar day. */
  record Day(LocalDate value) implements RankingValue {
    public Day {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String text() {
      return value.toString();
    }
  }

  static RankingValue amount(BigDecimal value) {
    return new Amount(value);
  }

  /** An amount from its decimal text, e.g. {@code "132.84"}. */
  static RankingValue amount(String decimal) {
    return new Amount(new BigDecimal(decimal));
  }

  static RankingValue day(LocalDate value) {
    return new Day(value);
  }

  /** The canonical text: the plain decimal of an amount, the ISO date of a day. */
  String text();

  @Override
  default int compareTo(RankingValue other) {
    if (this instanceof Amount a && other instanceof Amount b) {
      return a.value().compareTo(b.value());
    }
    if (this instanceof Day a && other instanceof Day b) {
      return a.value().compareTo(b.value());
    }
    throw new IllegalArgumentException("cannot compare " + this + " with " + other);
  }
}
