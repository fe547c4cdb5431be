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
      return true;
    }
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
