/**
 * Review stages a tenant declares: who reviews (a scope: district window, department, private school,
 * or the machine), after which stages, and which items each confirms. The core turns them into tasks in
 * reviewers' queues; a third tenant declares its own stages without any core change.
 */
package org.civicplatform.spi.review;
