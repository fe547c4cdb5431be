package org.civicplatform.core.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.civicplatform.core.audit.control.AuditCheckpoints;
import org.civicplatform.core.audit.control.AuditSealer;
import org.civicplatform.core.audit.control.AuditVerification;
import org.civicplatform.core.audit.control.ChainCheck;
import org.civicplatform.core.audit.control.CheckpointStore;
import org.civicplatform.core.audit.control.SignedCheckpoint;
import org.civicplatform.core.persistence.DatabaseMigration;

/**
 * The audit chain for inspection: {@code GET verify} (any changed, deleted or never sealed row reported with
 * its id; a deleted tail, a truncated table or a rewritten chain reported with the first signed checkpoint it
 * breaks), {@code GET checkpoints} (the signed checkpoints and public keys: tenant and platform admins),
 * {@code POST checkpoints} (seal and sign the head now), {@code GET export} (every row with its link, one
 * JSON object a line, for the offline verifier).
 */
@Path("audit")
@RequestScoped
public class AuditResource {

  public static final String EXPORT_FORMAT = "civic-audit-export/1";
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject AuditVerification verification;
  @Inject AuditCheckpoints checkpoints;
  @Inject AuditSealer sealer;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  /**
   * The verdict: intact, or the first row where the chain breaks ({@code firstBrokenId}, its
   * {@code firstBrokenPosition}) and/or the first signed checkpoint it breaks ({@code brokenCheckpoint});
   * {@code rows} links checked, the head, how many checkpoints were checked and whether the application's
   * database role is kept from changing audit rows ({@code appendOnly}).
   */
  public record Verdict(boolean intact, long rows, Long firstBrokenId, String problem, Long firstBrokenPosition,
      long headPosition, String headHash, int checkpoints, ChainCheck.BrokenCheckpoint brokenCheckpoint,
      boolean appendOnly) {}

  @GET
  @Path("verify")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed("platform-admin")
  public Verdict verify() {
    sealer.sealNow();
    AuditVerification.Result result = verification.verify();
    ChainCheck.Verdict v = result.verdict();
    return new Verdict(v.intact(), v.rows(), v.firstBrokenId(), v.problem(), v.firstBrokenPosition(), v.headPosition(),
        v.headHash(), v.checkpointsChecked(), v.brokenCheckpoint(), result.appendOnly());
  }

  @GET
  @Path("checkpoints")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({"platform-admin", "tenant-admin"})
  public JsonObject checkpoints() {
    return checkpoints.download();
  }

  @POST
  @Path("checkpoints")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed("platform-admin")
  public Response sign() {
    SignedCheckpoint cp = checkpoints.sign("on-demand", false);
    if (cp == null) {
      throw org.civicplatform.core.problems.ProblemException.conflict("audit-chain-broken",
          "审计链与上一个签名检查点不符，未签名新的检查点；请运行 GET /api/audit/verify 查看。",
          "The audit chain no longer holds the last signed checkpoint, so no new one was signed; see GET /api/audit/verify.");
    }
    return Response.ok(cp.toJson()).build();
  }

  // no @Produces: whatever the client accepts, a caller without the role gets 401/403 (not 406); the body is NDJSON
  @GET
  @Path("export")
  @RolesAllowed("platform-admin")
  public Response export() {
    sealer.sealNow();
    StreamingOutput body = out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false); // a cursor, and one snapshot for the whole export
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        CheckpointStore.Retention r = CheckpointStore.retention(c);
        var header = JSON.createObjectBuilder().add("format", EXPORT_FORMAT).add("purgedThroughPosition", r.position())
            .add("purgedHash", r.hash());
        if (r.eventId() != null) {
          header.add("purgedThroughId", r.eventId());
        }
        w.write(header.build().toString());
        w.write('\n');
        try (PreparedStatement ps = c.prepareStatement("""
            select s.position, s.prev_hash, s.hash, e.id, e.tenant_id, e.actor, e.actor_role, e.action, e.target_type,
                   e.target_id, e.request_id, e.occurred_at, e.digest, s.event_id
            from audit_seal s full join audit_event e on e.id = s.event_id
            where s.position is null or s.position > ?
            order by s.position nulls last, e.id""")) {
          ps.setFetchSize(1000);
          ps.setLong(1, r.position());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              w.write(ExportRow.json(rs).toString());
              w.write('\n');
            }
          }
        }
        c.rollback();
        c.setAutoCommit(true);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      w.flush();
    };
    return Response.ok(body, "application/x-ndjson").header("Content-Disposition", "attachment; filename=\"audit-export.jsonl\"").build();
  }
}
