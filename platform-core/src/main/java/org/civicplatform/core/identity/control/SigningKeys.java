package org.civicplatform.core.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keeps this node's copy of Keycloak's token signing keys (the realm's JWKS) in the file MicroProfile JWT
 * reads them from ({@link SigningKeysLocation}). Payara re-reads its key location every five minutes and,
 * when that read fails, refuses every bearer token until it succeeds again: pointed at Keycloak directly, a
 * Keycloak outage at the wrong moment would sign out every parent, although only signing in needs Keycloak.
 * The copy is fetched at start and every 30 s and replaced only by a valid key set, so while Keycloak is
 * down signed-in users keep working with the last keys it published; a rotated key arrives within 30 s
 * plus Payara's re-read interval.
 */
@Startup
@Singleton
public class SigningKeys {

  private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private volatile boolean lastFetchFailed;

  @PostConstruct
  void start() {
    refresh();
  }

  @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
  void refresh() {
    Path file = SigningKeysLocation.file();
    if (file == null) {
      return; // the key location is configured explicitly: nothing to keep
    }
    Config config = ConfigProvider.getConfig(SigningKeys.class.getClassLoader());
    String url = config.getOptionalValue("keycloak.url", String.class).orElse("http://localhost:8180")
        + "/realms/" + config.getOptionalValue("keycloak.realm", String.class).orElse("civic")
        + "/protocol/openid-connect/certs";
    try {
      HttpResponse<String> answer = http.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (answer.statusCode() != 200) {
        throw new IOException("status " + answer.statusCode());
      }
      keep(file, answer.body());
      if (lastFetchFailed) {
        LOG.info("Keycloak's signing keys fetched again");
      }
      lastFetchFailed = false;
    } catch (IOException | RuntimeException e) {
      if (!lastFetchFailed) {
        LOG.warning(() -> "Keycloak's signing keys could not be fetched (" + e.getClass().getSimpleName()
            + "); tokens are checked against the last keys fetched" + (Files.exists(file) ? "" : " (none yet)"));
      }
      lastFetchFailed = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Replaces {@code file} with {@code jwks} if it is a key set with at least one key (written beside it
   * and moved into place, so a reader never sees half a file); anything else leaves the file as it was.
   */
  static void keep(Path file, String jwks) throws IOException {
    if (!isKeySet(jwks)) {
      throw new IOException("not a key set");
    }
    if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(jwks)) {
      return;
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path next = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".next");
    try {
      Files.writeString(next, jwks, StandardCharsets.UTF_8);
      Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(next);
    }
  }

  static boolean isKeySet(String jwks) {
    try {
      JsonObject set = Json.createReader(new StringReader(jwks)).readObject();
      var keys = set.get("keys");
      return keys != null && keys.getValueType() == JsonValue.ValueType.ARRAY && !keys.asJsonArray().isEmpty()
          && keys.asJsonArray().stream().allMatch(k -> k.getValueType() == JsonValue.ValueType.OBJECT);
    } catch (JsonException | IllegalStateException e) {
      return false;
    }
  }
}
