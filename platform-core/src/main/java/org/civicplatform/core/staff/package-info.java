/**
 * Staff administration: tenant administrators manage their reviewers (create, scopes by group
 * membership, disable) through the platform API; Keycloak is reached only by the service account in
 * {@code identity.control.KeycloakUsers}. Invariant: nothing crosses a tenant — a user of another tenant,
 * an administrator or a parent is answered 404, as if it did not exist.
 */
package org.civicplatform.core.staff;
