/**
 * Placement: the tenant supplies the procedure, the core's allocation engine feeds it reviewed
 * applications, schools and seats, stores the result as a dry run and publishes it. Procedures must be
 * deterministic: the same input and lottery seed give the same output.
 */
package org.civicplatform.spi.allocation;
