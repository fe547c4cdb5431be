package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Audit retention: rows past the period go as a prefix of the chain, the chain still verifies from the
 * checkpoint, a configured period below 180 days is raised to 180, and a forged checkpoint is reported.
 */
@ExtendWith(ArquillianExtension.class)
class AuditRetentionIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    // below the floor on purpose: the platform must keep 180 days anyway
    return TestPlatform.get().war(Map.of("platform.audit.retention-days", "30"));
  }

  @ArquillianResource URL base;

  static long scalar(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void oldRowsArePurgedAsAPrefixAndTheChainStillVerifiesFromTheCheckpoint() throws Exception {
    Api api = new Api(base);
    String parent = ReviewIT.token("13800000002");
    for (int i = 0; i < 3; i++) { // three audited actions: a child added and deleted
      String id = api.post("api/tenants/kunshan/children", parent, "{\"stage\":\"PRIMARY\",\"name\":\"留存测试\","
          + "\"idType\":\"MAINLAND_ID\",\"idNumber\":\"" + TestPlatform.mainlandId("20180301") + "\"}").object().getString("id");
      assertEquals(204, Api.send(java.net.http.HttpRequest.newBuilder(api.uri("api/tenants/kunshan/children/" + id))
          .header("Authorization", "Bearer " + parent).DELETE().build()).status());
    }
    String admin = ReviewIT.token("platform-admin");
    try (Connection c = TestPlatform.get().database().connect(); Statement s = c.createStatement()) {
      long through = scalar(s, "select max(id) from audit_event");
      long before = scalar(s, "select count(*) from audit_event");

      // 100 days old: younger than the 180-day floor, so nothing goes although 30 days are configured
      s.executeUpdate("update audit_event set occurred_at = now() - interval '100 days' where id <= " + through);
      JsonObject kept = api.post("api/audit/retention", admin, "").object();
      assertEquals(180, kept.getInt("retentionDays"));
      assertEquals(0, kept.getInt("deletedRows"));

      // 400 days old: the whole prefix goes (their hashes no longer fit the changed times — gone with them)
      s.executeUpdate("update audit_event set occurred_at = now() - interval '400 days' where id <= " + through);
      assertFalse(api.get("api/audit/verify", admin).object().getBoolean("intact"), "the aged rows themselves do not verify");
      JsonObject purged = api.post("api/audit/retention", admin, "").object();
      assertEquals(through, purged.getJsonNumber("purgedThroughId").longValue());
      assertTrue(purged.getInt("deletedRows") >= before, purged.toString());
      assertEquals(0, scalar(s, "select count(*) from audit_event where id <= " + through));
      assertEquals(1, scalar(s, "select count(*) from audit_event where action = 'audit.purge' and target_id = '" + through + "'"));

      JsonObject verdict = api.get("api/audit/verify", admin).object();
      assertTrue(verdict.getBoolean("intact"), verdict.toString());

      // a forged checkpoint (e.g. to hide deleted rows) is reported
      s.executeUpdate("update audit_checkpoint set purged_through_id = purged_through_id + 1 where id = (select max(id) from audit_checkpoint)");
      try {
        JsonObject forged = api.get("api/audit/verify", admin).object();
        assertFalse(forged.getBoolean("intact"), forged.toString());
      } finally {
        s.executeUpdate("update audit_checkpoint set purged_through_id = purged_through_id - 1 where id = (select max(id) from audit_checkpoint)");
      }
      assertTrue(api.get("api/audit/verify", admin).object().getBoolean("intact"));

      // the retention signed a checkpoint of the new start: the exported rest verifies offline against it
      org.civicplatform.app.verify.VerifyAudit.Report offline = AuditTamperIT.offline(base);
      assertTrue(offline.intact(), offline.message());
    }
  }

  @Test
  void onlyPlatformAdminsRunTheRetention() throws Exception {
    assertEquals(403, new Api(base).post("api/audit/retention", ReviewIT.token("ks-admin"), "").status());
  }
}
