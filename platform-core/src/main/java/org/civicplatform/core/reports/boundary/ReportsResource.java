package org.civicplatform.core.reports.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A tenant's counts per district and status, for its administrators: JSON or a CSV download. */
@Path("tenants/{tenant}/reports")
@RequestScoped
@RolesAllowed({"tenant-admin", "platform-admin"})
public class ReportsResource {

  @Inject Reports reports;

  @PathParam("tenant")
  String tenant;

  @GET
  @Path("counts")
  @Produces(MediaType.APPLICATION_JSON)
  public List<Reports.Count> counts() {
    return reports.counts(tenant);
  }

  /** The counts as a CSV download (no {@code @Produces}: whatever the client accepts, so refusals stay 401/404). */
  @GET
  @Path("counts.csv")
  public Response csv() {
    return Response.ok(reports.csv(tenant).getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"counts-" + tenant + ".csv\"")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "private, no-store")
        .build();
  }
}
