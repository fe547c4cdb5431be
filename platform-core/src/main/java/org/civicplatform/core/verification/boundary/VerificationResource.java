package org.civicplatform.core.verification.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** {@code GET …/application/verification}: the automatic checks of the latest submission. */
@Path("tenants/{tenant}/children/{child}/application/verification")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("parent")
public class VerificationResource {

  @Inject Verifications verifications;

  @GET
  public Verifications.VerificationView read(@PathParam("tenant") String tenant, @PathParam("child") UUID child) {
    return verifications.of(tenant, child);
  }
}
