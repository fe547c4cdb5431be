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
import java.util.List;
import org.civicplatform.core.audit.control.AuditChain;
import org.civicplatform.core.audit.control.ChainVerifier;
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
    @SuppressWarnings("unchecked")
    List<Object[]> checkpoints = em.createNativeQuery(
            "select purged_through_id, last_hash from audit_checkpoint order by id desc limit 1").getResultList();
    long after = checkpoints.isEmpty() ? 0 : ((Number) checkpoints.get(0)[0]).longValue();
    String start = checkpoints.isEmpty() ? AuditChain.GENESIS : (String) checkpoints.get(0)[1];
    ChainVerifier chain = new ChainVerifier(start);
    boolean confirmed = checkpoints.isEmpty();
    long lastId = after;
    while (true) {
      var batch = em.createQuery("select e from AuditEvent e where e.id > :after order by e.id", AuditEvent.class)
          .setParameter("after", lastId).setMaxResults(1000).getResultList();
      if (batch.isEmpty()) {
        break;
      }
      for (AuditEvent e : batch) {
        if (!chain.accept(e)) {
          return new Verdict(false, chain.rows(), chain.brokenAt(), chain.problem());
        }
        confirmed |= "audit.purge".equals(e.action()) && Long.toString(after).equals(e.targetId())
            && start.equals(e.digest());
        lastId = e.id();
      }
      em.clear();
    }
    if (!confirmed) {
      return new Verdict(false, chain.rows(), null,
          "the retention checkpoint through id " + after + " is not confirmed by an audit.purge row of the chain");
    }
    return new Verdict(true, chain.rows(), null, null);
  }
}
