package org.civicplatform.core.tenancy.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.TenantModule;

/** The enabled tenants and their public definitions (names, form, batches). */
@Path("tenants")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class TenantsResource {

  @Inject Tenants tenants;

  /** A tenant as listed: id and names. */
  public record TenantView(String id, LocalizedText name) {
    static TenantView of(TenantModule module) {
      return new TenantView(module.id(), module.name());
    }
  }


  @GET
  public List<TenantView> list() {
    return tenants.enabled().stream().map(TenantView::of).toList();
  }

  @GET
  @Path("{tenant}")
  public JsonObject definition(@PathParam("tenant") String id) {
    return DefinitionJson.of(tenants.require(id));
  }
}
