package org.civicplatform.core.rules.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.rules.ApplicationRules.PointsEstimator;

/**
 * The points what-if simulator of tenants that rank by points: takes a profile, returns the breakdown,
 * stores nothing. The request and response shapes are the tenant's documented contract (for Kunshan:
 * kunshan-rules.md, "Points estimate"). Any signed-in user may call it.
 */
@Path("tenants/{tenant}/points/estimate")
@RequestScoped
@RolesAllowed({"parent", "reviewer", "tenant-admin", "platform-admin"})
public class PointsResource {

  @Inject Tenants tenants;
  @Inject org.civicplatform.core.rules.control.RuleParameters parameters;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = true,
      content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(ref = "PointsEstimateRequest")))
  @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200",
      description = "the breakdown (nothing stored)",
      content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(ref = "PointsEstimateResponse")))
  @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "400",
      description = "a problem document naming each field out of range (zh-CN and English)",
      content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/problem+json"))
  public JsonObject estimate(@PathParam("tenant") String tenant, JsonObject profile) {
    if (profile == null) {
      throw ProblemException.invalid("body", "required", "请提供积分测算信息。", "Send the profile to estimate.");
    }
    var module = tenants.require(tenant);
    PointsEstimator estimator = module.rules().pointsEstimator()
        .orElseThrow(() -> ProblemException.notFound("points estimate", tenant));
    // the year's rule parameters as the tenant admin stored them (the shipped ones when none are stored)
    return estimator.estimate(profile, year -> parameters.inForce(module, year));
  }
}
