/**
 * Allocation (录取): runs a tenant's placement procedure over its submitted applications and stores the
 * result as a dry run for administrators, then publishes it to parents.
 *
 * <p>Why it looks like this:
 *
 * <ul>
 *   <li><b>The tenant decides, the core stores.</b> The procedure ({@code AllocationProcedure}) maps each
 *       application to an applicant and places them; the core reads, pseudonymises, locks, stores,
 *       publishes, notifies and audits. Core code never switches on a tenant id.
 *   <li><b>One run at a time per tenant.</b> Starting and publishing take a transaction-scoped PostgreSQL
 *       advisory lock keyed by the tenant ({@code AllocationEngine.lock}): whichever node starts a run,
 *       a second start meanwhile is refused with 409.
 *   <li><b>Commit, then reveal.</b> A run stores the seed's SHA-256 commitment and shows it from the
 *       start; the seed is shown, and the re-run bundle offered, only once the run is published.
 *   <li><b>Reproducible bytes.</b> Each applicant's canonical input and result texts are stored as
 *       written (text, not jsonb); the run's canonical input and result re-assemble from them byte for
 *       byte, which the stored digests check ({@code RunStore.texts}).
 *   <li><b>Pseudonymous.</b> Applicants are known to procedures, lotteries and bundles only by
 *       HMAC-SHA256(salt, application id); the salt and the mapping stay in the database.
 *   <li><b>Plain JDBC for bulk.</b> 100 000 results are written with COPY in one transaction; the
 *       same {@code AllocationEngine} runs in the benchmark without a container.
 * </ul>
 */
package org.civicplatform.core.allocation;
