/**
 * Review (审核): the tenant declares its stages (scope, predecessors, items, condition); on each
 * submission the core creates one task per applicable stage, opening those without predecessors.
 * Reviewers see, in one queue, the open tasks of every district, department and private school they
 * hold. A decision is taken exactly once (optimistic locking: concurrent deciders get 409); approving
 * opens the stages whose predecessors are all approved, and when every stage is approved the
 * application is 审核完成. A rejection ends the review; a return (退回) reopens editing.
 */
package org.civicplatform.core.review;
