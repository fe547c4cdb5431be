/**
 * Parents' self-registration with a mobile number (seed 000 §2), for tenants whose
 * {@code TenantModule.parentIdentity()} offers it. Invariants: one number, one account (409); SMS codes
 * of 6 digits, valid 5 minutes, locked after 5 wrong tries, stored only as a peppered HMAC. Abuse limits
 * ({@code control.RequestLimits}, configuration {@code platform.registration.limits.*}): codes per number
 * (default one per 60 s, ten per 24 h) and per client address, sign-up and recovery attempts per client
 * address — 429 with {@code Retry-After}. Counters and codes are in PostgreSQL so every node agrees. Keycloak users are created through {@code identity.control.KeycloakUsers} (service account).
 */
package org.civicplatform.core.registration;
