/**
 * Reports for a tenant's administrators: counts of applications per district and status, as JSON and
 * as CSV (UTF-8 with a byte-order mark, so Excel shows Chinese). Read-only over the applications
 * table; administrators of another tenant get 404.
 */
package org.civicplatform.core.reports;
