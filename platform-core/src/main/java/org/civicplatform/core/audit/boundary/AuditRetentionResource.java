package org.civicplatform.core.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.civicplatform.core.audit.control.AuditRetention;

/**
 * {@code POST /api/audit/retention}: runs the nightly audit retention now (platform admins), with the
 * configured period — never an arbitrary cutoff.
 */
@Path("audit/retention")
@RequestScoped
@RolesAllowed("platform-admin")
public class AuditRetentionResource {

  @Inject AuditRetention retention;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public AuditRetention.Purge run() {
    return retention.purge();
  }
}
