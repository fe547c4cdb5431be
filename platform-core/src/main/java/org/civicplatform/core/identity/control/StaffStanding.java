package org.civicplatform.core.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * A staff member's standing as Keycloak has it now — enabled or not, and the groups (tenant, districts,
 * departments, schools) they hold — so that a removed scope or a disabled account bites within seconds,
 * not when the access token expires (up to 300 s later). Looked up per request for reviewers and
 * administrators, cached for {@link #TTL} per user on this node and forgotten at once when {@code Staff}
 * changes the user here; another node sees the change after at most {@link #TTL}.
 *
 * <p>When Keycloak cannot answer, the token's own claims stand (for {@link #TTL}, so an outage does not
 * cost every request a time-out): availability over freshness, as for the token itself.
 */
@ApplicationScoped
public class StaffStanding {

  private static final Logger LOG = Logger.getLogger(StaffStanding.class.getName());

  /** How long a looked-up standing is reused on this node. */
  public static final Duration TTL = Duration.ofSeconds(10);

  /** What Keycloak says about the user; {@code known=false} when it could not be asked. */
  public record Standing(boolean known, boolean enabled, List<String> groupPaths) {
    static final Standing UNKNOWN = new Standing(false, true, List.of());
  }

  private record Entry(Standing standing, long fetchedAt) {}

  @Inject KeycloakUsers keycloak;

  private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

  /** The user's standing now (cached up to {@link #TTL}). */
  public Standing of(String userId) {
    long now = System.nanoTime();
    Entry entry = cache.get(userId);
    if (entry != null && now - entry.fetchedAt() < TTL.toNanos()) {
      return entry.standing();
    }
    Standing standing;
    try {
      Optional<DirectoryUser> user = keycloak.user(userId);
      standing = user.map(u -> new Standing(true, u.enabled(), u.groupPaths()))
          .orElse(new Standing(true, false, List.of())); // deleted: no standing at all
    } catch (RuntimeException e) {
      LOG.warning(() -> "Keycloak did not answer for a staff member's current groups (" + e.getClass().getSimpleName()
          + "): the token's claims stand for " + TTL.toSeconds() + " s");
      standing = Standing.UNKNOWN;
    }
    cache.put(userId, new Entry(standing, now));
    if (cache.size() > 10_000) {
      cache.entrySet().removeIf(e -> now - e.getValue().fetchedAt() >= TTL.toNanos());
    }
    return standing;
  }

  /** Forgets what is known about a user, e.g. right after their groups or state changed. */
  public void forget(String userId) {
    cache.remove(userId);
  }
}
