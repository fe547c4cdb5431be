/**
 * Tenant rules over the stored answers: field validation with bilingual messages, eligibility, and
 * points or priority. Rules are pure functions of their inputs (answers, confirmed values, the year's
 * parameters, a clock) so they can be tested exhaustively without a container.
 */
package org.civicplatform.spi.rules;
