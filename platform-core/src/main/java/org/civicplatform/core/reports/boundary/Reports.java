package org.civicplatform.core.reports.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.civicplatform.core.identity.control.Caller;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.core.tenancy.control.Tenants;

/** Counts of a tenant's applications per district and status (统计). */
@RequestScoped
public class Reports {

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Tenants tenants;

  /** One row: a district (null when not yet known) and a status with its number of applications. */
  public record Count(String district, String status, long applications) {}

  @Transactional
  public List<Count> counts(String tenant) {
    administer(tenant);
    List<?> rows = em.createNativeQuery(
            "select district_code, status, count(*) from application where tenant_id = ?1"
                + " group by district_code, status order by district_code nulls last, status")
        .setParameter(1, tenant).getResultList();
    return rows.stream().map(r -> (Object[]) r)
        .map(r -> new Count((String) r[0], (String) r[1], ((Number) r[2]).longValue())).toList();
  }

  /** The counts as CSV: BOM, header in Chinese and English, CRLF line ends (RFC 4180). */
  public String csv(String tenant) {
    StringBuilder out = new StringBuilder("\uFEFF区域 district,状态 status,报名数 applications\r\n");
    for (Count c : counts(tenant)) {
      out.append(cell(c.district() == null ? "" : c.district())).append(',').append(cell(c.status())).append(',')
          .append(c.applications()).append("\r\n");
    }
    return out.toString();
  }

  static String cell(String value) {
    String safe = value.matches("^[=+\\-@\t\r].*") ? "'" + value : value; // no formulas in Excel
    return safe.matches(".*[\",\r\n].*") ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }

  /** Platform admins everywhere; tenant admins in their own tenant only (404 elsewhere). */
  private void administer(String tenant) {
    tenants.require(tenant);
    boolean allowed = caller.hasRole("platform-admin")
        || (caller.hasRole("tenant-admin") && caller.tenants().contains(tenant));
    if (!allowed) {
      throw ProblemException.notFound("tenant", tenant);
    }
  }
}
