package org.civicplatform.spi.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** An amount's text is its plain decimal, whatever its scale (the cached form is used only when equal). */
class RankingValueTextTest {

  @Property(tries = 2000)
  void anAmountsTextIsItsPlainDecimal(@ForAll long unscaled, @ForAll @IntRange(min = -12, max = 12) int scale) {
    BigDecimal value = new BigDecimal(BigInteger.valueOf(unscaled), scale);
    assertEquals(value.toPlainString(), RankingValue.amount(value).text());
  }
}
