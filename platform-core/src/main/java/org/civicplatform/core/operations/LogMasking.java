package org.civicplatform.core.operations;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.text.MessageFormat;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Installs a filter on every root log handler that rewrites each record through {@link
 * PersonalDataMasking} before it is written, so no full ID number, phone number or token reaches a log
 * file, whoever logs it (our code, EclipseLink, the container).
 */
@Startup
@Singleton
public class LogMasking {

  /** The filter; chains to a previously installed one. */
  static final class MaskingFilter implements Filter {
    private final Filter previous;

    MaskingFilter(Filter previous) {
      this.previous = previous;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
      if (previous != null && !previous.isLoggable(record)) {
        return false;
      }
      String message = record.getMessage();
      Object[] parameters = record.getParameters();
      if (message != null && parameters != null && parameters.length > 0 && message.contains("{0")) {
        try {
          message = MessageFormat.format(message, parameters);
          record.setParameters(null);
        } catch (IllegalArgumentException e) {
          // keep the message as it is
        }
      }
      record.setMessage(PersonalDataMasking.mask(message));
      if (record.getThrown() != null) {
        record.setThrown(masked(record.getThrown(), new java.util.IdentityHashMap<>()));
      }
      return true;
    }
  }

  /**
   * A stand-in for a logged exception whose messages hold personal data (a PostgreSQL unique violation
   * names the key's value, a Keycloak error the user name): same class name, stack and causes, each message
   * masked. Exceptions without personal data are logged as they are.
   */
  static final class MaskedThrowable extends Throwable {
    private static final long serialVersionUID = 1L;
    private final String description;

    MaskedThrowable(String description) {
      super(description);
      this.description = description;
    }

    @Override
    public String toString() {
      return description;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  static Throwable masked(Throwable thrown, java.util.Map<Throwable, Throwable> seen) {
    if (!needsMasking(thrown, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()))) {
      return thrown;
    }
    Throwable done = seen.get(thrown);
    if (done != null) {
      return done;
    }
    MaskedThrowable copy = new MaskedThrowable(PersonalDataMasking.mask(thrown.toString()));
    seen.put(thrown, copy);
    copy.setStackTrace(thrown.getStackTrace());
    Throwable cause = thrown.getCause();
    if (cause != null && cause != thrown) {
      copy.initCause(masked(cause, seen));
    }
    for (Throwable suppressed : thrown.getSuppressed()) {
      copy.addSuppressed(masked(suppressed, seen));
    }
    return copy;
  }

  private static boolean needsMasking(Throwable thrown, java.util.Set<Throwable> visited) {
    if (thrown == null || !visited.add(thrown)) {
      return false;
    }
    String text = thrown.toString();
    if (!text.equals(PersonalDataMasking.mask(text))) {
      return true;
    }
    for (Throwable suppressed : thrown.getSuppressed()) {
      if (needsMasking(suppressed, visited)) {
        return true;
      }
    }
    return needsMasking(thrown.getCause(), visited);
  }

  @PostConstruct
  void install() {
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      if (!(handler.getFilter() instanceof MaskingFilter)) {
        handler.setFilter(new MaskingFilter(handler.getFilter()));
      }
    }
  }

  @PreDestroy
  void uninstall() {
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      if (handler.getFilter() instanceof MaskingFilter f) {
        handler.setFilter(f.previous);
      }
    }
  }
}
