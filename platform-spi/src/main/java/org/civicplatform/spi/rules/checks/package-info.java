/**
 * Field checks every tenant needs (字段校验): mainland identity numbers (GB 11643-1999), mobile
 * numbers, removal of spaces inside names and numbers, and the primary-school age window.
 *
 * <p>Checks never throw for bad input: they return an {@link java.util.Optional} {@link
 * org.civicplatform.spi.rules.FieldError} with a zh-CN and an English message (texts in the {@code
 * messages_*} bundles of this package), so a tenant's rules can collect every problem of a step and
 * throw one {@link org.civicplatform.spi.rules.RuleViolation}. They are pure static functions: no
 * clock, no state.
 */
package org.civicplatform.spi.rules.checks;
