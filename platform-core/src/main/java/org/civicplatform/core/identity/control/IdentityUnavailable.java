package org.civicplatform.core.identity.control;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.spi.LocalizedText;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Calls Keycloak through {@link KeycloakUsers} and turns an unreachable, slow or failing Keycloak
 * (timeouts, open circuit, connection errors, 5xx) into a 503 problem with {@code Retry-After}. Any
 * other refusal the caller did not handle becomes an internal error: Keycloak's error body never leaks.
 */
public final class IdentityUnavailable {

  private static final Logger LOG = Logger.getLogger(IdentityUnavailable.class.getName());

  private IdentityUnavailable() {}

  public static <T> T guard(Supplier<T> call) {
    try {
      return call.get();
    } catch (FaultToleranceException | ProcessingException e) {
      throw unavailable(e);
    } catch (WebApplicationException e) {
      // never let Keycloak's own error body through to our client
      int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
      if (status >= 500) {
        throw unavailable(e);
      }
      throw new IllegalStateException("Keycloak refused an Admin API call with " + status, e);
    }
  }

  public static void run(Runnable call) {
    guard(() -> {
      call.run();
      return null;
    });
  }

  static ProblemException unavailable(Exception e) {
    LOG.log(Level.WARNING, "Keycloak call failed: " + e);
    return new ProblemException("identity-unavailable", 503,
        LocalizedText.of("账号服务暂不可用", "Account service unavailable"),
        LocalizedText.of("账号服务暂时无法访问，请稍后重试。", "The account service cannot be reached; try again shortly."),
        List.of(), 30L);
  }
}
