package org.civicplatform.core.allocation.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.civicplatform.core.problems.ProblemException;

/** A parent's view of the published admission result (录取结果) of their child, with the explanation. */
@Path("tenants/{tenant}/children/{child}/admission")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("parent")
public class AdmissionResource {

  @Inject Allocations allocations;

  @GET
  public JsonObject get(@PathParam("tenant") String tenant, @PathParam("child") String child) {
    UUID id;
    try {
      id = UUID.fromString(child);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("child", child);
    }
    return allocations.admission(tenant, id);
  }
}
