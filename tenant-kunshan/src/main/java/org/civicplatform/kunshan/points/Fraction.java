package org.civicplatform.kunshan.points;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact non-negative rational number, so that indicators such as 247 × 1/6 are computed without
 * error and rounded once ({@link #rounded()}). Always in lowest terms with a positive denominator.
 *
 * @param numerator the numerator, zero or more
 * @param denominator the denominator, more than zero
 */
public record Fraction(BigInteger numerator, BigInteger denominator)
    implements Comparable<Fraction> {

  /** Scale of every published points value: 2 decimals. */
  public static final int SCALE = 2;

  public static final Fraction ZERO = of(0, 1);

  public Fraction {
    Objects.requireNonNull(numerator, "numerator");
    Objects.requireNonNull(denominator, "denominator");
    if (denominator.signum() <= 0 || numerator.signum() < 0) {
      throw new IllegalArgumentException(
          "points are never negative: " + numerator + "/" + denominator);
    }
    BigInteger gcd = numerator.gcd(denominator);
    if (!gcd.equals(BigInteger.ONE) && gcd.signum() > 0) {
      numerator = numerator.divide(gcd);
      denominator = denominator.divide(gcd);
    }
  }

  public static Fraction of(long numerator, long denominator) {
    return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
  }

  public static Fraction of(long whole) {
    return of(whole, 1);
  }

  /** The exact value of a decimal, e.g. 2.5 = 5/2. */
  public static Fraction of(BigDecimal decimal) {
    if (decimal.scale() <= 0) {
      return new Fraction(decimal.toBigIntegerExact(), BigInteger.ONE);
    }
    return new Fraction(decimal.unscaledValue(), BigInteger.TEN.pow(decimal.scale()));
  }

  public Fraction plus(Fraction other) {
    return new Fraction(
        numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
        denominator.multiply(other.denominator));
  }

  public Fraction times(long factor) {
    return new Fraction(numerator.multiply(BigInteger.valueOf(factor)), denominator);
  }

  public Fraction min(Fraction other) {
    return compareTo(other) <= 0 ? this : other;
  }

  /** The value rounded half-up to {@value #SCALE} decimals, the one rounding the rules allow. */
  public BigDecimal rounded() {
    return new BigDecimal(numerator)
        .divide(new BigDecimal(denominator), SCALE, RoundingMode.HALF_UP);
  }

  @Override
  public int compareTo(Fraction other) {
    return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
