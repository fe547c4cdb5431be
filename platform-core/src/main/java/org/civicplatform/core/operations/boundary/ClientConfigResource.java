package org.civicplatform.core.operations.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the browser front-end needs to sign in (public, no secrets): where Keycloak is, the realm and
 * the public client. {@code keycloak.public-url} overrides {@code keycloak.url} when the browser reaches
 * Keycloak under another address than the server does.
 */
@Path("config")
@RequestScoped
@PermitAll
public class ClientConfigResource {

  /** The sign-in settings of the browser client. */
  public record ClientConfig(String keycloakUrl, String realm, String clientId) {}

  @Inject
  @ConfigProperty(name = "keycloak.url", defaultValue = "http://localhost:8180")
  String keycloakUrl;

  @Inject
  @ConfigProperty(name = "keycloak.public-url")
  Optional<String> publicUrl;

  @Inject
  @ConfigProperty(name = "keycloak.realm", defaultValue = "civic")
  String realm;

  @Inject
  @ConfigProperty(name = "platform.web.client-id", defaultValue = "civic-web")
  String clientId;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response config() {
    String url = publicUrl.filter(u -> !u.isBlank()).orElse(keycloakUrl).replaceAll("/+$", "");
    CacheControl cache = new CacheControl();
    cache.setMaxAge(300);
    return Response.ok(new ClientConfig(url, realm, clientId)).cacheControl(cache).build();
  }
}
