package org.civicplatform.core.problems;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.civicplatform.spi.LocalizedText;

/**
 * Recognises, in an exception's cause chain, a dependency that is down rather than a fault of ours: the
 * database (JDBC connection errors, SQLState class 08, PostgreSQL's admin/crash shutdown 57P01–57P03 and
 * too many connections 53300, Payara's pool failing to allocate a connection — RAR5117, "Error in
 * allocating a connection", pool exhaustion), the identity provider (a Keycloak Admin Client call that
 * could not connect or timed out) or a fault-tolerant service whose failure no caller handled. Such a request answers 503 with {@code Retry-After}, never 500: the client may
 * retry it, with the same {@code Idempotency-Key} where it has one.
 */
public final class Outages {

  /** What is down, with the problem it answers. */
  public enum Dependency {
    DATABASE("database-unavailable", 5,
        LocalizedText.of("系统暂时无法处理", "Service temporarily unavailable"),
        LocalizedText.of("数据库暂时无法访问，您的操作未完成，请稍后重试。",
            "The database cannot be reached right now; nothing was done. Try again shortly.")),
    IDENTITY("identity-unavailable", 30,
        LocalizedText.of("账号服务暂不可用", "Account service unavailable"),
        LocalizedText.of("账号服务暂时无法访问，请稍后重试。", "The account service cannot be reached; try again shortly.")),
    /** A service behind MicroProfile Fault Tolerance (timeout, open circuit, full bulkhead) that no caller handled. */
    SERVICE("service-unavailable", 30,
        LocalizedText.of("服务暂不可用", "Service unavailable"),
        LocalizedText.of("相关服务暂时无法访问，请稍后重试。", "A service we depend on cannot be reached; try again shortly."));

    private final String kind;
    private final long retryAfterSeconds;
    private final LocalizedText title;
    private final LocalizedText detail;

    Dependency(String kind, long retryAfterSeconds, LocalizedText title, LocalizedText detail) {
      this.kind = kind;
      this.retryAfterSeconds = retryAfterSeconds;
      this.title = title;
      this.detail = detail;
    }

    public String kind() {
      return kind;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }

    public LocalizedText title() {
      return title;
    }

    public LocalizedText detail() {
      return detail;
    }
  }

  /** Payara's connector layer, named so that core does not depend on Payara classes. */
  private static final Set<String> POOL_FAILURES = Set.of(
      "com.sun.appserv.connectors.internal.api.PoolingException",
      "jakarta.resource.spi.ResourceAllocationException",
      "jakarta.resource.spi.RetryableUnavailableException",
      "jakarta.resource.spi.CommException");

  private static final Set<String> POOL_MESSAGES = Set.of(
      "RAR5117", "RAR5114", "Error in allocating a connection", "Connection could not be allocated");

  /** The Keycloak Admin Client (the platform's only JAX-RS client) wraps its I/O failures in this. */
  private static final String CLIENT_FAILURE = "jakarta.ws.rs.ProcessingException";

  private static final String FAULT_TOLERANCE =
      "org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException";

  private Outages() {}

  /** The dependency found down in {@code failure}'s cause chain, if any. */
  public static Optional<Dependency> of(Throwable failure) {
    boolean sqlSeen = false;
    boolean clientCallSeen = false;
    boolean faultTolerance = false;
    boolean networkDown = false;
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>();
    if (failure != null) {
      todo.add(failure);
    }
    while (!todo.isEmpty()) {
      Throwable t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof SQLException sql) {
        sqlSeen = true;
        if (databaseDown(sql)) {
          return Optional.of(Dependency.DATABASE);
        }
        if (sql.getNextException() != null) {
          todo.add(sql.getNextException());
        }
      }
      if (POOL_FAILURES.contains(t.getClass().getName()) || mentionsPool(t.getMessage())) {
        return Optional.of(Dependency.DATABASE);
      }
      if (isA(t, CLIENT_FAILURE)) {
        clientCallSeen = true;
      }
      if (isA(t, FAULT_TOLERANCE)) {
        faultTolerance = true;
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException
          || t instanceof SocketTimeoutException || t instanceof HttpConnectTimeoutException) {
        networkDown = true;
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
    }
    if (networkDown && sqlSeen) {
      return Optional.of(Dependency.DATABASE);
    }
    if (clientCallSeen && networkDown) {
      return Optional.of(Dependency.IDENTITY);
    }
    return faultTolerance ? Optional.of(Dependency.SERVICE) : Optional.empty();
  }

  static boolean databaseDown(SQLException e) {
    if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
        || e instanceof SQLRecoverableException) {
      return true;
    }
    String state = e.getSQLState();
    if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
        || state.equals("57P03") || state.equals("53300"))) {
      return true;
    }
    return mentionsPool(e.getMessage());
  }

  private static boolean mentionsPool(String message) {
    if (message == null) {
      return false;
    }
    for (String marker : POOL_MESSAGES) {
      if (message.contains(marker)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code t}'s class or one of its superclasses is named {@code name}. */
  private static boolean isA(Throwable t, String name) {
    for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
      if (name.equals(c.getName())) {
        return true;
      }
    }
    return false;
  }
}
