package org.civicplatform.core.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.civicplatform.core.audit.control.AuditChain;
import org.civicplatform.core.audit.entity.AuditEvent;

/** Verifies the audit hash chain: any changed, inserted or deleted row is reported with its id. */
@Path("audit/verify")
@RequestScoped
@RolesAllowed("platform-admin")
public class AuditResource {

  @PersistenceContext EntityManager em;

  /** The verdict: intact, or the first row where the chain breaks. */
  public record Verdict(boolean intact, long rows, Long firstBrokenId, String problem) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Transactional
  public Verdict verify() {
    String previous = AuditChain.GENESIS;
    long rows = 0;
    int page = 0;
    while (true) {
      var batch = em.createQuery("select e from AuditEvent e order by e.id", AuditEvent.class)
          .setFirstResult(page * 1000).setMaxResults(1000).getResultList();
      if (batch.isEmpty()) {
        return new Verdict(true, rows, null, null);
      }
      for (AuditEvent e : batch) {
        rows++;
        if (!previous.equals(e.prevHash())) {
          return new Verdict(false, rows, e.id(), "previous-hash mismatch: a row before it was changed or deleted");
        }
        String expected = AuditChain.hash(previous, e);
        if (!expected.equals(e.hash())) {
          return new Verdict(false, rows, e.id(), "content changed: the row's hash does not match");
        }
        previous = e.hash();
      }
      em.clear();
      page++;
    }
  }
}
