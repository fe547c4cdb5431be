package org.civicplatform.core.registration.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.civicplatform.core.persistence.DatabaseMigration;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.spi.LocalizedText;
import org.eclipse.microprofile.config.Config;

/**
 * The abuse limits (SMS codes per number and per client address, sign-up and recovery attempts per
 * address), counted from {@code limit_event} in PostgreSQL so that every node sees the same counts:
 * no counter lives in a node's memory. A subject is checked and counted under a transaction-scoped
 * advisory lock on (scope, subject), so two requests — on one node or two — cannot both take the
 * last allowance. The limits are configuration: {@code platform.registration.limits.<scope>}, e.g.
 * {@code 20/1h,100/24h} (see {@link Limit}).
 */
@ApplicationScoped
public class RequestLimits {

  static final String PREFIX = "platform.registration.limits.";

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject Config config;

  private final Clock clock = Clock.systemUTC();
  private final Map<LimitScope, List<Limit>> limits = new EnumMap<>(LimitScope.class);

  @PostConstruct
  void init() {
    for (LimitScope scope : LimitScope.values()) {
      String key = PREFIX + scope.key();
      limits.put(scope, Limit.parse(key, config.getValue(key, String.class)));
    }
  }

  /** The configured limits of a scope. */
  public List<Limit> of(LimitScope scope) {
    return limits.get(scope);
  }

  /** Seconds after one code before the next may be sent to the same number (the shortest one-per window). */
  public long resendAfterSeconds() {
    return of(LimitScope.SMS_NUMBER).stream().filter(l -> l.count() == 1)
        .mapToLong(l -> l.window().toSeconds()).min().orElse(0);
  }

  /**
   * Counts one attempt of {@code subject} in {@code scope}, in a transaction of its own (an attempt
   * counts even when the request then fails), or answers 429 with {@code Retry-After} when a limit is
   * reached (the refused attempt is not counted).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void take(LimitScope scope, String subject) {
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection()) {
      lock(c, scope, subject);
      OptionalLong wait = retryAfter(c, scope, subject, now);
      if (wait.isPresent()) {
        throw tooOften(scope, wait.getAsLong());
      }
      record(c, scope, subject, now);
    } catch (SQLException e) {
      throw new IllegalStateException("could not count a request against its limits", e);
    }
  }

  /** Holds (scope, subject) until the caller's transaction ends; take locks in one order (number, then address). */
  void lock(Connection c, LimitScope scope, String subject) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(20, hashtext(?))")) {
      ps.setString(1, scope.key() + ":" + subject);
      ps.executeQuery().close();
    }
  }

  /** Empty when one more event of {@code subject} is allowed now; otherwise the seconds to wait. */
  OptionalLong retryAfter(Connection c, LimitScope scope, String subject, Instant now) throws SQLException {
    List<Limit> scopeLimits = of(scope);
    List<Instant> times = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "select occurred_at from limit_event where scope = ? and subject = ? and occurred_at > ?")) {
      ps.setString(1, scope.key());
      ps.setString(2, subject);
      ps.setObject(3, utc(now.minus(Limit.longest(scopeLimits))));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          times.add(rs.getObject(1, OffsetDateTime.class).toInstant());
        }
      }
    }
    return SendLimits.retryAfter(times, now, scopeLimits);
  }

  /** Counts one event of {@code subject}, and forgets its events that no limit looks at any more. */
  void record(Connection c, LimitScope scope, String subject, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "insert into limit_event (scope, subject, occurred_at) values (?, ?, ?)")) {
      ps.setString(1, scope.key());
      ps.setString(2, subject);
      ps.setObject(3, utc(now));
      ps.executeUpdate();
    }
    Duration keep = Limit.longest(of(scope));
    try (PreparedStatement ps = c.prepareStatement(
        "delete from limit_event where scope = ? and subject = ? and occurred_at <= ?")) {
      ps.setString(1, scope.key());
      ps.setString(2, subject);
      ps.setObject(3, utc(now.minus(keep)));
      ps.executeUpdate();
    }
  }

  /** The 429 of a reached limit: what, the limits in words and the wait, in zh-CN and English. */
  public ProblemException tooOften(LimitScope scope, long seconds) {
    LocalizedText rule = Limit.describe(of(scope));
    LocalizedText wait = Limit.describeWait(seconds);
    return new ProblemException(scope.problemType(), 429,
        LocalizedText.of("操作过于频繁", "Too many requests"),
        LocalizedText.of(scope.what().zh() + "（" + rule.zh() + "），请在" + wait.zh() + "后重试。",
            scope.what().en() + " (" + rule.en() + "): try again in " + wait.en() + "."),
        List.of(), seconds);
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
