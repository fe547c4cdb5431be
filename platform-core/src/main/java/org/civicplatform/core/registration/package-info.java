/**
 * Parents' self-registration with a mobile number (seed 000 §2), for tenants whose
 * {@code TenantModule.parentIdentity()} offers it. Invariants: one number, one account (409); SMS codes
 * of 6 digits, valid 5 minutes, 5 tries, at most one send per 60 s and ten per 24 h per number (429 with
 * {@code Retry-After}), stored only as a peppered HMAC; counters and codes in PostgreSQL so every node
 * agrees. Keycloak users are created through {@code identity.control.KeycloakUsers} (service account).
 */
package org.civicplatform.core.registration;
