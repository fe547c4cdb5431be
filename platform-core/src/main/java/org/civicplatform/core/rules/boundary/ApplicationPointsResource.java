package org.civicplatform.core.rules.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.civicplatform.core.applications.entity.Application;
import org.civicplatform.core.families.control.FamilyScope;
import org.civicplatform.core.families.entity.Child;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.core.rules.control.Scores;
import org.civicplatform.core.tenancy.control.Tenants;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET …/application/points}: the points breakdown of the latest submission as confirmed so far
 * (items a department has not reviewed are pending, 核算中), stamped with the rule-set version; once the
 * review is complete (审核完成), the breakdown confirmed then, which the allocation ranks by. The
 * body is the tenant's documented breakdown (Kunshan: kunshan-rules.md and README).
 */
@Path("tenants/{tenant}/children/{child}/application/points")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("parent")
public class ApplicationPointsResource {

  @PersistenceContext EntityManager em;
  @Inject FamilyScope families;
  @Inject Tenants tenants;
  @Inject Scores scores;

  @Inject
  @ConfigProperty(name = "platform.school-year", defaultValue = "2024")
  int schoolYear;

  @GET
  @Transactional
  public JsonObject read(@PathParam("tenant") String tenant, @PathParam("child") UUID childId) {
    tenants.require(tenant);
    Child child = families.child(tenant, childId);
    Application application = em.createNamedQuery(Application.OF_CHILD, Application.class)
        .setParameter("tenant", tenant).setParameter("child", child.id()).setParameter("year", schoolYear)
        .getResultList().stream().findFirst()
        .orElseThrow(() -> ProblemException.notFound("application", String.valueOf(childId)));
    if (application.submissions() == 0) {
      throw ProblemException.conflict("not-submitted", "报名提交后才计算积分。", "Points are computed once the application is submitted.");
    }
    return scores.current(application)
        .orElseThrow(() -> ProblemException.notFound("points", tenant));
  }
}
