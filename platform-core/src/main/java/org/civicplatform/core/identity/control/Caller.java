package org.civicplatform.core.identity.control;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling, read from the bearer token: user id, realm roles, tenants and scopes (districts,
 * departments, private schools), and the tenant-specific identifiers.
 *
 * <p>Scopes come from Keycloak group paths: {@code /tenants/kunshan/districts/hq} becomes the scope
 * {@code kunshan:district:hq}; {@code /tenants/kunshan} alone makes the caller a member of tenant
 * {@code kunshan}.
 */
public record Caller(
    String userId,
    String username,
    Set<String> roles,
    Set<String> tenants,
    Set<String> scopes,
    String registrationNumber,
    String realNameLevel) {

  public Caller {
    roles = Set.copyOf(roles);
    tenants = Set.copyOf(tenants);
    scopes = Set.copyOf(scopes);
  }

  /** Builds a caller from token claims; group paths and explicit scope strings are both understood. */
  public static Caller of(
      String userId, String username, Collection<String> roles, Collection<String> groupPaths,
      Collection<String> explicitScopes, String tenantClaim, String registrationNumber,
      String realNameLevel) {
    Set<String> tenants = new TreeSet<>();
    Set<String> scopes = new TreeSet<>();
    if (tenantClaim != null && !tenantClaim.isBlank()) {
      tenants.add(tenantClaim);
    }
    for (String path : groupPaths) {
      parseGroupPath(path).ifPresent(scope -> {
        tenants.add(scope.tenant());
        scope.asString().ifPresent(scopes::add);
      });
    }
    for (String scope : explicitScopes) {
      String[] parts = scope.split(":");
      if (parts.length == 3) {
        tenants.add(parts[0]);
        scopes.add(scope);
      }
    }
    return new Caller(userId, username, new TreeSet<>(roles), tenants, scopes, registrationNumber, realNameLevel);
  }

  /** A parsed group path: a tenant and optionally a scope kind and value. */
  record GroupScope(String tenant, String kind, String value) {
    Optional<String> asString() {
      return kind == null ? Optional.empty() : Optional.of(tenant + ":" + kind + ":" + value);
    }
  }

  static Optional<GroupScope> parseGroupPath(String path) {
    String[] parts = path.startsWith("/") ? path.substring(1).split("/") : path.split("/");
    if (parts.length < 2 || !"tenants".equals(parts[0])) {
      return Optional.empty();
    }
    if (parts.length == 2) {
      return Optional.of(new GroupScope(parts[1], null, null));
    }
    if (parts.length == 4) {
      String kind =
          switch (parts[2]) {
            case "districts" -> "district";
            case "departments" -> "department";
            case "schools" -> "school";
            default -> null;
          };
      return kind == null ? Optional.of(new GroupScope(parts[1], null, null))
          : Optional.of(new GroupScope(parts[1], kind, parts[3]));
    }
    return Optional.of(new GroupScope(parts[1], null, null));
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean belongsTo(String tenant) {
    return roles.contains("platform-admin") || tenants.contains(tenant);
  }

  /** The values of one scope kind within a tenant, e.g. the districts a reviewer holds. */
  public List<String> scopeValues(String tenant, String kind) {
    String prefix = tenant + ":" + kind + ":";
    return scopes.stream().filter(s -> s.startsWith(prefix)).map(s -> s.substring(prefix.length())).sorted().toList();
  }
}
