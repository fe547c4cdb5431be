package org.civicplatform.core.staff.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Reviewer accounts of one tenant, for its administrators (审核人员管理). */
@Path("tenants/{tenant}/staff")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"tenant-admin", "platform-admin"})
public class StaffResource {

  @Inject Staff staff;

  @PathParam("tenant")
  String tenant;

  @GET
  public List<Staff.StaffView> list() {
    return staff.list(tenant);
  }

  @POST
  public Response create(Staff.NewReviewer reviewer) {
    return Response.status(Response.Status.CREATED).entity(staff.create(tenant, reviewer)).build();
  }

  /** The districts, departments and private schools a reviewer can be given (the form's pick lists). */
  @GET
  @Path("scopes")
  public List<Staff.ScopeOption> scopes() {
    return staff.scopeOptions(tenant);
  }

  @GET
  @Path("{userId}")
  public Staff.StaffView get(@PathParam("userId") String userId) {
    return staff.get(tenant, userId);
  }

  /** Gives the reviewer a district, department or private school ({@code kind}: district | department | school). */
  @PUT
  @Path("{userId}/scopes/{kind}/{code}")
  public Response assign(@PathParam("userId") String userId, @PathParam("kind") String kind,
      @PathParam("code") String code) {
    staff.assign(tenant, userId, kind, code);
    return Response.noContent().build();
  }

  @DELETE
  @Path("{userId}/scopes/{kind}/{code}")
  public Response remove(@PathParam("userId") String userId, @PathParam("kind") String kind,
      @PathParam("code") String code) {
    staff.remove(tenant, userId, kind, code);
    return Response.noContent().build();
  }

  /** Disables the account: the reviewer can no longer sign in. */
  @POST
  @Path("{userId}/disable")
  public Response disable(@PathParam("userId") String userId) {
    staff.setEnabled(tenant, userId, false);
    return Response.noContent().build();
  }

  @POST
  @Path("{userId}/enable")
  public Response enable(@PathParam("userId") String userId) {
    staff.setEnabled(tenant, userId, true);
    return Response.noContent().build();
  }
}
