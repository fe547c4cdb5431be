package org.civicplatform.core.schools.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.spi.reference.CalendarPhase;
import org.civicplatform.spi.reference.District;

/**
 * The tenant administrator's schools, seats, zones and calendar: {@code GET/POST admin/schools},
 * {@code GET/PUT admin/schools/{code}} ({@code If-Match} the version; partial bodies keep the other
 * fields), {@code GET admin/districts}, {@code GET admin/calendar}, {@code PUT admin/calendar/{phase}}.
 */
@Path("tenants/{tenant}/admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"tenant-admin", "platform-admin"})
public class SchoolsAdminResource {

  @Inject SchoolsAdmin admin;

  @PathParam("tenant")
  String tenant;

  @GET
  @Path("schools")
  public List<SchoolsAdmin.SchoolView> list() {
    return admin.list(tenant);
  }

  @POST
  @Path("schools")
  public Response create(JsonObject school) {
    SchoolsAdmin.SchoolView created = admin.create(tenant, school);
    return Response.status(Response.Status.CREATED).entity(created).tag(etag(created)).build();
  }

  @GET
  @Path("schools/{code}")
  public Response get(@PathParam("code") String code) {
    SchoolsAdmin.SchoolView school = admin.get(tenant, code);
    return Response.ok(school).tag(etag(school)).build();
  }

  @PUT
  @Path("schools/{code}")
  public Response update(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch, JsonObject changes) {
    SchoolsAdmin.SchoolView school = admin.update(tenant, code, changes, version(ifMatch));
    return Response.ok(school).tag(etag(school)).build();
  }

  @GET
  @Path("districts")
  public List<District> districts() {
    return admin.districts(tenant);
  }

  @GET
  @Path("calendar")
  public List<CalendarPhase> calendar() {
    return admin.calendar(tenant);
  }

  @PUT
  @Path("calendar/{phase}")
  public CalendarPhase reschedule(@PathParam("phase") String phase, JsonObject dates) {
    return admin.reschedule(tenant, phase, dates);
  }

  private static EntityTag etag(SchoolsAdmin.SchoolView school) {
    return new EntityTag(Long.toString(school.version()));
  }

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
