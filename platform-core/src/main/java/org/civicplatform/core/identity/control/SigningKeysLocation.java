package org.civicplatform.core.identity.control;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Points MicroProfile JWT ({@code mp.jwt.verify.publickey.location}) at this node's copy of Keycloak's
 * signing keys, kept by {@link SigningKeys}: a file of its own per JVM (in {@code java.io.tmpdir}, or
 * {@code platform.identity.signing-keys-dir}), so nodes and test servers on one machine never share one.
 * Ordinal 90, below the shipped properties (100) and the environment (300): a location configured there
 * (e.g. {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}) wins, and then no copy is kept.
 */
public final class SigningKeysLocation implements ConfigSource {

  static final String KEY = "mp.jwt.verify.publickey.location";
  private static final Path FILE = Path.of(
      System.getProperty("platform.identity.signing-keys-dir", System.getProperty("java.io.tmpdir")),
      "civic-signing-keys-" + ProcessHandle.current().pid() + ".json").toAbsolutePath();

  /** The copy's file, or null when the key location is configured elsewhere. */
  static Path file() {
    String configured = org.eclipse.microprofile.config.ConfigProvider
        .getConfig(SigningKeysLocation.class.getClassLoader()).getOptionalValue(KEY, String.class).orElse("");
    return configured.equals(FILE.toUri().toString()) ? FILE : null;
  }

  @Override
  public Map<String, String> getProperties() {
    return Map.of(KEY, FILE.toUri().toString());
  }

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(KEY);
  }

  @Override
  public String getValue(String propertyName) {
    return KEY.equals(propertyName) ? FILE.toUri().toString() : null;
  }

  @Override
  public String getName() {
    return "civic-signing-keys";
  }

  @Override
  public int getOrdinal() {
    return 90;
  }
}
