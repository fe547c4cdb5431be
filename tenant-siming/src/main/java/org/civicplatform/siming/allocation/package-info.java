/**
 * Siming's placement procedure: 片区学校 by priority category (hot schools 热点学校 by household
 * registration day), 集体户, then 统筹 with up to five parallel choices, as {@link
 * org.civicplatform.siming.allocation.SimingAllocation} documents.
 *
 * <p>Invariants (checked by the property tests): no school admits more than its seats; categories 5 and 7
 * are never admitted by a zone school and only category 6 is placed as a collective household; a child
 * placed in a phase appears in no later phase; no child loses a seat to one with lower priority; the same
 * input and seed give the same canonical result, whatever the order of the input.
 */
package org.civicplatform.siming.allocation;
