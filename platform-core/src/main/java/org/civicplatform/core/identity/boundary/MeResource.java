package org.civicplatform.core.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.civicplatform.core.identity.control.Caller;

/** Who the bearer token belongs to. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"parent", "reviewer", "tenant-admin", "platform-admin"})
public class MeResource {

  @Inject Caller caller;

  /** The signed-in user as the platform sees them. */
  public record Me(
      String userId,
      String username,
      Set<String> roles,
      Set<String> tenants,
      Set<String> scopes,
      String registrationNumber,
      String realNameLevel) {}

  @GET
  public Me me() {
    return new Me(caller.userId(), caller.username(), caller.roles(), caller.tenants(), caller.scopes(),
        caller.registrationNumber(), caller.realNameLevel());
  }
}
