/**
 * Applications (报名): one per child, tenant and school year. Drafts are saved step by step, each step
 * validated by the form definition's generic checks and then the tenant's rules, and stored only when
 * valid (nothing of a rejected step overwrites the last good draft). A stale version is refused (409),
 * so two tabs cannot silently overwrite each other. Submission is idempotent by {@code
 * Idempotency-Key} and every submission is kept as a version; withdrawal is possible until review
 * starts.
 */
package org.civicplatform.core.applications;
