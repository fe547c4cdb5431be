package org.civicplatform.core.operations;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Warns at start-up when the JVM was started without {@code -Djakarta.json.provider=…}. Without it, every
 * {@code JsonProvider.provider()} call scans every jar of the class path with a ServiceLoader. Our own code
 * holds one provider ({@code Jsons}), the container's does not: Payara's MicroProfile JWT parses each bearer
 * token and the JWKS with the static {@code Json} factories, three look-ups per API request — ≈ 18 % of the
 * CPU samples of the submit path in the issue-17 profile. Payara's jakarta.json reads the property once,
 * when JSON-P is first used (during the server's own start), so setting it from the application is too late:
 * the run command (PayaraServer) and the integration tests (arquillian.xml) pass it on the command line.
 */
@Startup
@Singleton
public class JsonProviderLookup {

  static final String PROPERTY = "jakarta.json.provider";
  private static final Logger LOG = Logger.getLogger(JsonProviderLookup.class.getName());

  @PostConstruct
  void check() {
    advice(System.getProperty(PROPERTY)).ifPresent(LOG::warning);
  }

  /** The warning for a JVM whose {@code jakarta.json.provider} is {@code value}; none when it is set. */
  static Optional<String> advice(String value) {
    if (value != null && !value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of("JSON-P provider look-ups scan the class path on every call: start the JVM with -D"
        + PROPERTY + "=org.eclipse.parsson.JsonProviderImpl (the run command does)");
  }
}
