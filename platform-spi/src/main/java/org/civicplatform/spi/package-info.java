/**
 * The contract a city ("tenant") implements to plug into Civic Platform, and the only thing a tenant
 * module compiles against.
 *
 * <p>A tenant jar is a CDI bean archive with one {@code @ApplicationScoped} bean implementing {@link
 * org.civicplatform.spi.TenantModule}. The core discovers every such bean at start-up, refuses two with
 * the same {@link org.civicplatform.spi.TenantModule#id() id}, and skips those disabled with {@code
 * tenant.<id>.enabled=false}. Everything here is an interface, an immutable record, an enum or a sealed
 * type: no JPA entities and no EJBs ever cross this boundary.
 */
package org.civicplatform.spi;
