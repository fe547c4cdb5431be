package org.civicplatform.core.identity.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.civicplatform.core.problems.Problems;
import org.civicplatform.core.tenancy.control.Tenants;

/**
 * Applies {@link RealNameCheck} to every route under {@code /tenants/{tenant}/…}: a parent whose token
 * lacks the real-name level the tenant requires gets a 403 problem before any resource runs. Resources
 * need not remember it.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION + 100)
public class RealNameFilter implements ContainerRequestFilter {

  @Inject Instance<Caller> caller;
  @Inject Tenants tenants;

  @Override
  public void filter(ContainerRequestContext request) {
    List<String> tenant = request.getUriInfo().getPathParameters().get("tenant");
    if (tenant == null || tenant.isEmpty()) {
      return;
    }
    Caller current = caller.get();
    try {
      tenants.find(tenant.get(0))
          .flatMap(module -> RealNameCheck.refusal(current, module))
          .ifPresent(p -> request.abortWith(Problems.response(p.kind(), p.status(), p.title(), p.detail(),
              request.getUriInfo().getRequestUri().getPath(), Problems.newRequestId(), p.errors())));
    } finally {
      caller.destroy(current); // a dependent instance: do not let the application-scoped filter keep it
    }
  }
}
