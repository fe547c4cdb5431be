package org.civicplatform.core.schools.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * {@code GET …/application/status}: a child's per-batch statuses (当前进展), the progress chain and what
 * the parent may do now. Another family's child answers 404.
 */
@Path("tenants/{tenant}/children/{child}/application/status")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("parent")
public class ChildSchoolsResource {

  @Inject ApplicationStatuses statuses;

  @GET
  public ApplicationStatuses.StatusView status(@PathParam("tenant") String tenant, @PathParam("child") UUID child) {
    return statuses.of(tenant, child);
  }

  /**
   * {@code GET …/application/recommendation}: the public school recommended from the property address;
   * {@code POST} {@code {"school": code, "cancelled": bool}} records the parent's choice.
   */
  @Path("tenants/{tenant}/children/{child}/application/recommendation")
  @RequestScoped
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed("parent")
  public static class Recommendation {

    @Inject Recommendations recommendations;

    @GET
    public Recommendations.RecommendationView read(@PathParam("tenant") String tenant, @PathParam("child") UUID child) {
      return recommendations.read(tenant, child);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Recommendations.RecommendationView decide(
        @PathParam("tenant") String tenant, @PathParam("child") UUID child, JsonObject decision) {
      return recommendations.decide(tenant, child, decision);
    }
  }
}
