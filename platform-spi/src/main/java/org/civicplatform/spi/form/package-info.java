/**
 * Form definitions: what the parent fills in, step by step. The shared UI renders these; the core stores
 * the answers of each step as JSON under the step id and asks the tenant's rules to validate them.
 */
package org.civicplatform.spi.form;
