package org.civicplatform.core.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** {@code GET …/application/access-log}: the parent's 查阅记录 of their child's application. */
@Path("tenants/{tenant}/children/{child}/application/access-log")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("parent")
public class AccessLogResource {

  @Inject AccessLog log;

  @GET
  public AccessLog.View read(@PathParam("tenant") String tenant, @PathParam("child") UUID child) {
    return log.of(tenant, child);
  }
}
