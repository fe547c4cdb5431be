package org.civicplatform.core.rules.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.civicplatform.core.identity.control.Caller;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.core.rules.control.RuleParameters;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.TenantModule;

/**
 * The points rule parameters of a year (积分规则): {@code GET} the version in force (stored or the
 * tenant's defaults), {@code PUT} new parameters (tenant administrators of that tenant; checked by the
 * tenant, 400 naming the parameter; audited; a new version id is stamped on later scores; with
 * {@code If-Match} the version read, a version changed meanwhile is a 409 {@code stale-version}).
 */
@Path("tenants/{tenant}/rules/{year}") // {year} may be "current" for GET: the configured school year
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RuleParametersResource {

  @Inject Tenants tenants;
  @Inject RuleParameters parameters;
  @Inject Caller caller;

  /** The school year applications are taken for: {@code rules/current} reads its parameters. */
  @Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(name = "platform.school-year", defaultValue = "2024")
  int schoolYear;

  @GET
  @RolesAllowed({"parent", "reviewer", "tenant-admin", "platform-admin"})
  @Transactional
  public RuleParameters.View read(@PathParam("tenant") String tenant, @PathParam("year") String year) {
    TenantModule module = tenants.require(tenant);
    ownTenant(tenant);
    return parameters.current(module, "current".equals(year) ? schoolYear : year(year));
  }

  /** The year of the path; anything but 2000–2100 is a 400 naming {@code year}. */
  static int year(String text) {
    try {
      int year = Integer.parseInt(text);
      if (year >= 2000 && year <= 2100) {
        return year;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw ProblemException.invalid("year", "year.range", "年份应为 2000 到 2100 之间的整数。", "The year is a whole number from 2000 to 2100.");
  }

  /** Another tenant's users learn nothing (404). */
  private void ownTenant(String tenant) {
    if (!caller.hasRole("platform-admin") && !caller.belongsTo(tenant)) {
      throw ProblemException.notFound("tenant", tenant);
    }
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"tenant-admin", "platform-admin"})
  @Transactional
  public RuleParameters.View change(
      @PathParam("tenant") String tenant, @PathParam("year") String year,
      @jakarta.ws.rs.HeaderParam("If-Match") String ifMatch, JsonObject body) {
    TenantModule module = tenants.require(tenant);
    ownTenant(tenant);
    if (expected(ifMatch) == null) {
      throw ProblemException.versionRequired(); // no lost updates between two administrators
    }
    return parameters.update(module, year(year), body, caller.userId(),
        caller.username() == null ? caller.userId() : caller.username(), expected(ifMatch));
  }

  /** The version of {@code If-Match} ("kunshan-2024-r2", quoted or weak), null when absent or {@code *}. */
  static String expected(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.strip())) {
      return null;
    }
    return ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
  }
}
