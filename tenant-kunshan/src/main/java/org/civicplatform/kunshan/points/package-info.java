/**
 * The Kunshan points engine (积分核算): the year's rule set ({@link
 * org.civicplatform.kunshan.points.RuleSet}, 积分规则), the confirmed inputs of one points subject
 * ({@link org.civicplatform.kunshan.points.PointsProfile}), the calculation ({@link
 * org.civicplatform.kunshan.points.PointsCalculator}) and the parent's what-if simulator ({@link
 * org.civicplatform.kunshan.points.KunshanPointsEstimator}).
 *
 * <p>Why it looks like this: every number of kunshan-rules.md is a parameter of a {@code RuleSet}
 * (administrators change them per year and every score names the version it used), so no other
 * class holds a number of the rules. Indicators are computed exactly with {@link
 * org.civicplatform.kunshan.points.Fraction} and rounded once, half-up to 2 decimals; the total is
 * the sum of the rounded counted indicators, so it always equals what the progress page adds up.
 * Items a department has not confirmed yet are 核算中: they have no value and do not count.
 *
 * <p>Everything here is a pure function of its inputs: no clock, no registry, no container.
 */
package org.civicplatform.kunshan.points;
