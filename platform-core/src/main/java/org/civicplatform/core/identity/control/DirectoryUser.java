package org.civicplatform.core.identity.control;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A user of the platform realm as the Admin Client reads it: id, username, state, attributes, group
 * paths and directly assigned realm roles.
 */
public record DirectoryUser(
    String id,
    String username,
    boolean enabled,
    String firstName,
    String lastName,
    Map<String, List<String>> attributes,
    List<String> groupPaths,
    Set<String> realmRoles) {

  public DirectoryUser {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    groupPaths = groupPaths == null ? List.of() : List.copyOf(groupPaths);
    realmRoles = realmRoles == null ? Set.of() : Set.copyOf(realmRoles);
  }

  /** The first value of an attribute, or {@code null}. */
  public String attribute(String name) {
    List<String> values = attributes.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * Whether the user is of this tenant and of no other: the {@code tenant} attribute or membership of
   * {@code /tenants/<tenant>} or one of its subgroups.
   */
  public boolean ofTenantOnly(String tenant) {
    String prefix = "/tenants/" + tenant;
    boolean mine = tenant.equals(attribute("tenant"))
        || groupPaths.stream().anyMatch(p -> p.equals(prefix) || p.startsWith(prefix + "/"));
    boolean other = (attribute("tenant") != null && !tenant.equals(attribute("tenant")))
        || groupPaths.stream().anyMatch(p -> p.startsWith("/tenants/") && !(p.equals(prefix) || p.startsWith(prefix + "/")));
    return mine && !other;
  }
}
