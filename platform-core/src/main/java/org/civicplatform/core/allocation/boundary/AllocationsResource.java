package org.civicplatform.core.allocation.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.civicplatform.core.problems.ProblemException;

/** Allocation runs of a tenant, for its administrators (录取管理): dry run, inspect, publish, bundle. */
@Path("tenants/{tenant}/allocation/runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// the tenant's administrators run, publish and read allocations; the platform administrator does not
@RolesAllowed("tenant-admin")
public class AllocationsResource {

  @Inject Allocations allocations;
  @Inject org.civicplatform.core.audit.control.AuditCheckpoints checkpoints;

  @PathParam("tenant")
  String tenant;

  /** Starts a dry run: {@code {"stage": "PRIMARY", "untilPhase": "PUBLIC", "seed": "<64 hex>"}} (all but stage optional). */
  @POST
  public Response start(JsonObject body) {
    JsonObject run = allocations.start(tenant, body);
    return Response.status(Response.Status.CREATED).entity(run).build();
  }

  @GET
  public List<JsonObject> list() {
    return allocations.runs(tenant);
  }

  @GET
  @Path("{id}")
  public JsonObject get(@PathParam("id") String id) {
    return allocations.run(tenant, uuid(id));
  }

  /** Who is placed where and why: {@code ?school=&outcome=PLACED&page=0&size=50}. */
  @GET
  @Path("{id}/results")
  public JsonObject results(@PathParam("id") String id, @QueryParam("school") String school,
      @QueryParam("outcome") String outcome, @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return allocations.results(tenant, uuid(id), school, outcome == null || outcome.isBlank() ? null : outcome, page, size);
  }

  @POST
  @Path("{id}/publish")
  public JsonObject publish(@PathParam("id") String id) {
    JsonObject run = allocations.publish(tenant, uuid(id));
    // the audit chain's head, with the publication's own audit row, signed now and shown with the result
    var checkpoint = checkpoints.signAfter("allocation.publish");
    return checkpoint == null ? run
        : jakarta.json.Json.createObjectBuilder(run).add("auditCheckpoint", checkpoint.toJson()).build();
  }

  /** The re-run bundle (JSON) of a published run, to check with the VerifyBundle command. */
  @GET
  @Path("{id}/bundle")
  public Response bundle(@PathParam("id") String id) {
    return Response.ok(allocations.bundle(tenant, uuid(id)), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .header("Content-Disposition", "attachment; filename=\"allocation-" + id + ".json\"").build();
  }

  static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("allocation run", id);
    }
  }
}
