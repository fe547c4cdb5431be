package org.civicplatform.app;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.civicplatform.core.families.boundary.ChildrenResource;
import org.civicplatform.core.identity.boundary.MeResource;
import org.civicplatform.core.problems.ProblemMappers;
import org.civicplatform.core.tenancy.boundary.TenantsResource;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The REST API under {@code /api}: bearer tokens only (MicroProfile JWT). Resources are listed here
 * explicitly so no provider is picked up from a library jar by scanning.
 */
@ApplicationPath("api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"parent", "reviewer", "tenant-admin", "platform-admin"})
public class CivicApi extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        TenantsResource.class,
        MeResource.class,
        org.civicplatform.core.operations.boundary.ClientConfigResource.class,
        ChildrenResource.class,
        org.civicplatform.core.applications.boundary.ApplicationsResource.class,
        org.civicplatform.core.review.boundary.ReviewsResource.class,
        org.civicplatform.core.audit.boundary.AuditResource.class,
        org.civicplatform.core.audit.boundary.AccessLogResource.class,
        org.civicplatform.core.audit.boundary.AuditRetentionResource.class,
        org.civicplatform.core.rules.boundary.PointsResource.class,
        org.civicplatform.core.rules.boundary.RuleParametersResource.class,
        org.civicplatform.core.rules.boundary.ApplicationPointsResource.class,
        org.civicplatform.core.documents.boundary.DocumentsResource.class,
        org.civicplatform.core.documents.boundary.ChildDocumentsResource.class,
        org.civicplatform.core.documents.boundary.UploadLimit.class,
        org.civicplatform.core.registration.boundary.AccountsResource.class,
        org.civicplatform.core.staff.boundary.StaffResource.class,
        org.civicplatform.core.reports.boundary.ReportsResource.class,
        org.civicplatform.core.notifications.OutboxResource.class,
        org.civicplatform.core.registry.boundary.SimulatedRegistriesResource.class,
        org.civicplatform.core.registry.boundary.SimulatedHouseholdResource.class,
        org.civicplatform.core.verification.boundary.VerificationResource.class,
        org.civicplatform.core.identity.control.RealNameFilter.class,
        org.civicplatform.core.allocation.boundary.AllocationsResource.class,
        org.civicplatform.core.allocation.boundary.AdmissionResource.class,
        org.civicplatform.core.allocation.boundary.SecondRoundResource.class,
        org.civicplatform.core.schools.boundary.SchoolsAdminResource.class,
        org.civicplatform.core.schools.boundary.TenantNamesResource.class,
        org.civicplatform.core.schools.boundary.TenantNamesResource.SchoolList.class,
        org.civicplatform.core.schools.boundary.TenantNamesResource.Calendar.class,
        org.civicplatform.core.schools.boundary.ChildSchoolsResource.class,
        org.civicplatform.core.schools.boundary.ChildSchoolsResource.Recommendation.class,
        org.civicplatform.core.problems.JsonBodyGuard.class,
        ProblemMappers.Domain.class,
        ProblemMappers.Rules.class,
        ProblemMappers.MalformedJson.class,
        ProblemMappers.UnbindableJson.class,
        ProblemMappers.UnreadableBody.class,
        ProblemMappers.StaleVersion.class,
        ProblemMappers.Http.class,
        ProblemMappers.Unexpected.class);
  }
}
