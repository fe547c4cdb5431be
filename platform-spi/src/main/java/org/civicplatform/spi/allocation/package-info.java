/**
 * Placement (录取): the tenant supplies the procedure, the core's allocation engine feeds it reviewed
 * applications, schools and seats, stores the result as a dry run and publishes it.
 *
 * <p>Why it looks like this:
 *
 * <ul>
 *   <li><b>Pure and deterministic.</b> {@link org.civicplatform.spi.allocation.AllocationProcedure#run}
 *       is a function of an {@link org.civicplatform.spi.allocation.AllocationInput} and its seed: no
 *       database, clock or hidden randomness. The same input and seed give an equal {@link
 *       org.civicplatform.spi.allocation.AllocationResult} and the same {@code canonical()} bytes; the
 *       order of the input lists does not matter. A run can therefore be repeated, e.g. once up to the
 *       public phase and again after second-round choices are filed, and the earlier phases come out the
 *       same.
 *   <li><b>Verifiable lottery.</b> {@link org.civicplatform.spi.allocation.SeededLottery} is the
 *       commit–reveal lottery of kunshan-rules.md: the commitment is published before the run, the seed
 *       after it, and every key can be recomputed by anyone.
 *   <li><b>Explainable.</b> Every {@link org.civicplatform.spi.allocation.Outcome} carries an {@link
 *       org.civicplatform.spi.allocation.Explanation}: a stable rule code, the decision in Chinese and
 *       English, the applicant's standing, the school's last admitted standing, the district line and
 *       the lottery key where the lottery decided.
 *   <li><b>Guarded invariants.</b> Procedures record decisions in a {@link
 *       org.civicplatform.spi.allocation.PlacementLedger}, which refuses to exceed a school's seats, to
 *       place an applicant twice, or to let a placed applicant appear in a later phase.
 * </ul>
 *
 * <p>The engine asks the procedure for each application's {@link
 * org.civicplatform.spi.allocation.Applicant} ({@code applicant(ApplicationFacts)}: category, ranking
 * values and choices read from the answers; empty when the application takes no part), for each school's
 * {@link org.civicplatform.spi.allocation.SchoolSeats} ({@code seats(School)}, e.g. Siming's hot-school tag)
 * and for the rule-set version stamped on the run and its bundle ({@code ruleSetVersion(year)}).
 *
 * <p>Extension point: a tenant implements {@code run} with {@link
 * org.civicplatform.spi.allocation.Ranking} (criteria, then the lottery) and the ledger; it declares the
 * values it ranks by in {@code rankingCriteria()}.
 */
package org.civicplatform.spi.allocation;
