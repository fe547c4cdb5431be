package org.civicplatform.core.families.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The signed-in parent's children in one tenant (学生报名, 新增子女). */
@Path("tenants/{tenant}/children")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("parent")
public class ChildrenResource {

  @Inject Families families;

  @PathParam("tenant")
  String tenant;

  @GET
  public List<Families.ChildView> list() {
    return families.children(tenant);
  }

  @jakarta.ws.rs.DELETE
  @jakarta.ws.rs.Path("{child}")
  public Response delete(@PathParam("child") java.util.UUID child) {
    families.deleteChild(tenant, child);
    return Response.noContent().build();
  }

  @POST
  public Response add(Families.NewChild child) {
    Families.ChildView created = families.addChild(tenant, child);
    return Response.status(Response.Status.CREATED).entity(created).build();
  }
}
