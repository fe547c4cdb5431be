/**
 * Kunshan's placement procedure (录取): 第一阶段民办 → 公办积分排名 per 区镇 and stage → 二次填报 → 第二阶段民办 →
 * 补录, as {@link org.civicplatform.kunshan.allocation.KunshanAllocation} documents.
 *
 * <p>Invariants (checked by the property tests): no school admits more than its seats; an applicant placed
 * in a phase appears in no later phase; inside the district line (区镇准入线) and in the second round nobody
 * loses a seat to a lower-ranked child who wanted it (no justified envy); the same input and seed give the
 * same canonical result, whatever the order of the input. Input that breaks the contract (unknown
 * category, too many choices, a public choice outside the applicant's district) is refused before
 * anything runs.
 */
package org.civicplatform.kunshan.allocation;
