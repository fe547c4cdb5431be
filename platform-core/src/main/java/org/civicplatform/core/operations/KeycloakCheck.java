package org.civicplatform.core.operations;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the identity provider's realm answers (tokens cannot be validated otherwise). */
@Readiness
@ApplicationScoped
public class KeycloakCheck implements HealthCheck {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();


  @Override
  public HealthCheckResponse call() {
    // The health service may call from a thread whose context class loader is not the application's:
    // ask for the application's configuration explicitly.
    Config config = ConfigProvider.getConfig(KeycloakCheck.class.getClassLoader());
    String keycloakUrl = config.getOptionalValue("keycloak.url", String.class).orElse("http://localhost:8180");
    String realm = config.getOptionalValue("keycloak.realm", String.class).orElse("civic");
    String url = keycloakUrl + "/realms/" + realm + "/.well-known/openid-configuration";
    var response = HealthCheckResponse.named("keycloak").withData("realm", realm);
    try {
      var answer =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return answer.statusCode() == 200
          ? response.up().build()
          : response.down().withData("status", answer.statusCode()).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return response.down().build();
    } catch (Exception e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
