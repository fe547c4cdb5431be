package org.civicplatform.core.identity.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Produces the {@link Caller} of the current request from the validated MicroProfile JWT. */
@RequestScoped
public class CallerProducer {

  @Inject JsonWebToken token;

  @Inject StaffStanding standing;

  /** Roles whose access follows the staff member's current groups and state, not only the token's. */
  static final Set<String> STAFF = Set.of("reviewer", "tenant-admin");

  /** Dependent scope: a record cannot be proxied, and the token it reads is request-scoped already. */
  @Produces
  Caller caller() {
    if (token == null || token.getRawToken() == null) {
      return new Caller(null, null, Set.of(), Set.of(), Set.of(), null, null);
    }
    Set<String> roles = token.getGroups() == null ? Set.of() : token.getGroups();
    Collection<String> groupPaths = strings(token.getClaim("scope_groups"));
    Collection<String> scopes = strings(token.getClaim("scopes"));
    if (roles.stream().anyMatch(STAFF::contains)) {
      // a removed district or a disabled account bites within seconds, not when the token expires
      StaffStanding.Standing now = standing.of(token.getSubject());
      if (now.known() && !now.enabled()) {
        return new Caller(token.getSubject(), token.getClaim("preferred_username"), Set.of(), Set.of(), Set.of(),
            null, null);
      }
      if (now.known()) {
        groupPaths = now.groupPaths();
        scopes = List.of(); // every scope is a group of the tenant's tree; the token's copy may be stale
      }
    }
    return Caller.of(
        token.getSubject(),
        token.getClaim("preferred_username"),
        roles,
        groupPaths,
        scopes,
        text(token.getClaim("tenant")),
        text(token.getClaim("registration_number")),
        text(token.getClaim("real_name_level")));
  }

  static String text(Object claim) {
    if (claim instanceof JsonString s) {
      return s.getString();
    }
    if (claim instanceof JsonArray a && !a.isEmpty() && a.get(0) instanceof JsonString s) {
      return s.getString();
    }
    return claim == null ? null : claim.toString();
  }

  static List<String> strings(Object claim) {
    List<String> values = new ArrayList<>();
    if (claim instanceof JsonArray array) {
      for (JsonValue v : array) {
        if (v instanceof JsonString s) {
          values.add(s.getString());
        }
      }
    } else if (claim instanceof Collection<?> c) {
      c.forEach(v -> values.add(v instanceof JsonString s ? s.getString() : String.valueOf(v)));
    } else if (claim instanceof JsonString s) {
      values.add(s.getString());
    } else if (claim instanceof String s) {
      values.add(s);
    }
    return values;
  }
}
