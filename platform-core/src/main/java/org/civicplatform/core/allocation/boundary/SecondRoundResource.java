package org.civicplatform.core.allocation.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.civicplatform.core.problems.ProblemException;

/**
 * A parent's second-round choices (二次志愿填报) for one child: {@code GET} whether the child may file them,
 * the district's public schools with seats left, the deadline and the saved list (ETag = the application's
 * version); {@code PUT {"choices": [codes…]}} with {@code If-Match} saves the list (409 when stale).
 */
@Path("tenants/{tenant}/children/{child}/second-round")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("parent")
public class SecondRoundResource {

  @Inject SecondRounds rounds;

  @PathParam("tenant")
  String tenant;

  @PathParam("child")
  String child;

  @GET
  public Response read() {
    return withVersion(rounds.read(tenant, childId()));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Response save(@HeaderParam("If-Match") String ifMatch, JsonObject body) {
    return withVersion(rounds.save(tenant, childId(), body, version(ifMatch)));
  }

  private UUID childId() {
    try {
      return UUID.fromString(child);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("child", child);
    }
  }

  private static Response withVersion(SecondRounds.View view) {
    return Response.ok(view.json()).tag(new EntityTag(Long.toString(view.version()))).build();
  }

  /** The version from an If-Match header ({@code "3"}, {@code W/"3"} or {@code 3}); none = no check. */
  static Long version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.strip())) {
      return null;
    }
    try {
      return Long.parseLong(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("If-Match", "version.format", "If-Match 应为读取时得到的版本号。",
          "If-Match must be the version you read.");
    }
  }
}
