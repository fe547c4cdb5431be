package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.civicplatform.app.launcher.EmbeddedDatabase;
import org.civicplatform.app.verify.VerifyAudit;
import org.civicplatform.core.audit.control.AuditChain;
import org.civicplatform.core.audit.control.AuditSealer;
import org.civicplatform.core.audit.control.CheckpointKey;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail holds up against someone with database access (issue 22): the application's role cannot
 * change or remove audit rows; someone with more rights who deletes the newest rows, truncates the tables
 * or rewrites a row and recomputes every hash after it is caught by {@code GET /api/audit/verify} and by
 * the offline verifier against the last signed checkpoint. Each tampering holds the sealer's advisory lock
 * (so no node seals or signs meanwhile) and is undone afterwards: the rest of the run sees an intact chain.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTamperIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of());
  }

  @ArquillianResource URL base;

  static Connection applicationRole() throws SQLException {
    return DriverManager.getConnection(TestPlatform.get().database().jdbcUrl(), EmbeddedDatabase.APP_USER,
        EmbeddedDatabase.APP_PASSWORD);
  }

  static long scalar(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void assertRefused(Executable statement) {
    SQLException e = assertThrows(SQLException.class, statement::run);
    assertEquals("42501", e.getSQLState(), e.getMessage()); // insufficient_privilege
  }

  interface Executable {
    void run() throws SQLException;
  }

  @Test
  void theApplicationsRoleCannotUpdateAnAuditRow() throws Exception {
    audited(1);
    try (Connection c = applicationRole(); Statement s = c.createStatement()) {
      assertRefused(() -> s.executeUpdate("update audit_event set actor = 'someone-else' where id = (select max(id) from audit_event)"));
      assertRefused(() -> s.executeUpdate("update audit_seal set hash = prev_hash where position = (select max(position) from audit_seal)"));
    }
  }

  @Test
  void theApplicationsRoleCannotDeleteAnAuditRow() throws Exception {
    audited(1);
    try (Connection c = applicationRole(); Statement s = c.createStatement()) {
      assertRefused(() -> s.executeUpdate("delete from audit_event where id = (select max(id) from audit_event)"));
      assertRefused(() -> s.executeUpdate("delete from audit_seal where position = (select max(position) from audit_seal)"));
      assertRefused(() -> s.executeUpdate("delete from audit_signed_checkpoint"));
    }
  }

  @Test
  void theApplicationsRoleCannotTruncateTheAuditTrail() throws Exception {
    try (Connection c = applicationRole(); Statement s = c.createStatement()) {
      assertRefused(() -> s.execute("truncate audit_event cascade"));
      assertRefused(() -> s.execute("truncate audit_seal"));
      assertRefused(() -> s.execute("drop table audit_event"));
    }
  }

  @Test
  void theApplicationsRoleCannotRemoveRowsYoungerThan180DaysThroughTheRetentionFunction() throws Exception {
    try (Connection c = applicationRole(); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("select * from audit_purge(now())"));
      assertEquals("22023", e.getSQLState(), e.getMessage());
      assertRefused(() -> s.executeUpdate("insert into audit_checkpoint (purged_through_id, last_hash, purged_rows, cutoff,"
          + " created_at) values (1, 'x', 1, now(), now())"));
    }
  }

  @Test
  void everyAuditedActionIsSealedIntoTheChainWithinSecondsAndVerifies() throws Exception {
    audited(2);
    JsonObject verdict = verify();
    assertTrue(verdict.getBoolean("intact"), verdict.toString());
    assertTrue(verdict.getBoolean("appendOnly"), "the platform connects as a role that cannot change audit rows");
    Thread.sleep(2500); // the sealer runs every second
    try (Connection c = TestPlatform.get().database().connect(); Statement s = c.createStatement()) {
      assertEquals(0, scalar(s, "select count(*) from audit_event e where not exists"
          + " (select 1 from audit_seal x where x.event_id = e.id) and e.occurred_at < now() - interval '2 seconds'"));
      assertTrue(scalar(s, "select max(position) from audit_seal") >= verdict.getJsonNumber("headPosition").longValue());
    }
  }

  @Test
  void deletingTheNewestRowsIsReportedAgainstTheLastSignedCheckpoint() throws Exception {
    audited(3);
    long signed = sign();
    try (Tampering t = new Tampering()) {
      t.save("position > " + (signed - 2));
      t.s.executeUpdate("delete from audit_event where id in (select event_id from audit_seal where position > " + (signed - 2) + ")");
      t.s.executeUpdate("delete from audit_seal where position > " + (signed - 2));

      JsonObject verdict = verify();
      assertFalse(verdict.getBoolean("intact"), verdict.toString());
      // the first checkpoint after the new end: ours, or one the interval signed just before it
      long broken = verdict.getJsonObject("brokenCheckpoint").getJsonNumber("position").longValue();
      assertTrue(broken > signed - 2 && broken <= signed, verdict.toString());
      assertEquals(signed - 2, verdict.getJsonNumber("headPosition").longValue());
      VerifyAudit.Report offline = offline();
      assertFalse(offline.intact(), offline.message());
      assertEquals(broken, offline.verdict().brokenCheckpoint().position(), offline.message());
      assertEquals(1, offlineExitCode(), "the command's exit code for a broken chain");
    }
    assertTrue(verify().getBoolean("intact"), "undone");
  }

  @Test
  void truncatingTheAuditTablesIsReportedAgainstTheFirstSignedCheckpointAfterTheRetentionPrefix() throws Exception {
    audited(1);
    long signed = sign();
    try (Tampering t = new Tampering()) {
      t.save("true");
      t.s.execute("truncate audit_event, audit_seal");

      JsonObject verdict = verify();
      assertFalse(verdict.getBoolean("intact"), verdict.toString());
      assertEquals(0, verdict.getJsonNumber("rows").longValue());
      long broken = verdict.getJsonObject("brokenCheckpoint").getJsonNumber("position").longValue();
      assertTrue(broken > 0 && broken <= signed, verdict.toString());
      VerifyAudit.Report offline = offline();
      assertFalse(offline.intact(), offline.message());
      assertEquals(broken, offline.verdict().brokenCheckpoint().position(), offline.message());
    }
    assertTrue(verify().getBoolean("intact"), "undone");
  }

  @Test
  void rewritingARowAndRecomputingEveryHashAfterItIsReportedAgainstTheLastSignedCheckpoint() throws Exception {
    audited(3);
    long signed = sign();
    long rewritten = signed - 2;
    try (Tampering t = new Tampering()) {
      t.save("position >= " + rewritten);
      long event = scalar(t.s, "select event_id from audit_seal where position = " + rewritten);
      t.s.executeUpdate("update audit_event set action = 'review.approve' where id = " + event);
      // the insider's recomputation: every link from the rewritten row on, with the platform's own formula
      String previous;
      try (ResultSet rs = t.s.executeQuery("select prev_hash from audit_seal where position = " + rewritten)) {
        rs.next();
        previous = rs.getString(1);
      }
      List<long[]> links = new ArrayList<>();
      List<String> hashes = new ArrayList<>();
      try (ResultSet rs = t.s.executeQuery("select s.position, e.tenant_id, e.actor, e.actor_role, e.action, e.target_type,"
          + " e.target_id, e.request_id, e.occurred_at, e.digest from audit_seal s join audit_event e on e.id = s.event_id"
          + " where s.position >= " + rewritten + " order by s.position")) {
        while (rs.next()) {
          String hash = AuditChain.hash(previous, AuditSealer.content(rs, 2));
          links.add(new long[] {rs.getLong(1)});
          hashes.add(previous + ":" + hash);
          previous = hash;
        }
      }
      try (PreparedStatement ps = t.c.prepareStatement("update audit_seal set prev_hash = ?, hash = ? where position = ?")) {
        for (int i = 0; i < links.size(); i++) {
          String[] pair = hashes.get(i).split(":");
          ps.setString(1, pair[0]);
          ps.setString(2, pair[1]);
          ps.setLong(3, links.get(i)[0]);
          ps.executeUpdate();
        }
      }

      JsonObject verdict = verify();
      assertFalse(verdict.getBoolean("intact"), verdict.toString());
      assertTrue(!verdict.containsKey("firstBrokenId") || verdict.isNull("firstBrokenId"), "the rewritten chain is consistent in itself: " + verdict);
      long broken = verdict.getJsonObject("brokenCheckpoint").getJsonNumber("position").longValue();
      assertTrue(broken >= rewritten && broken <= signed, verdict.toString());
      VerifyAudit.Report offline = offline();
      assertFalse(offline.intact(), offline.message());
      assertNull(offline.verdict().firstBrokenId(), offline.message());
      assertEquals(broken, offline.verdict().brokenCheckpoint().position(), offline.message());
    }
    assertTrue(verify().getBoolean("intact"), "undone");
  }

  @Test
  void theOfflineVerifierFindsTheExportedChainIntact() throws Exception {
    audited(1);
    sign();
    VerifyAudit.Report offline = offline();
    assertTrue(offline.intact(), offline.message());
    assertTrue(offline.message().startsWith("INTACT: "), offline.message());
  }

  @Test
  void aTenantAdminDownloadsTheCheckpointsAndTheirPublicKeysButNotTheRows() throws Exception {
    sign();
    String tenantAdmin = ReviewIT.token("ks-admin");
    Api.Answer download = new Api(base).get("api/audit/checkpoints", tenantAdmin);
    assertEquals(200, download.status(), download.body());
    JsonObject json = download.object();
    assertFalse(json.getJsonArray("checkpoints").isEmpty());
    assertEquals(json.getString("currentKeyId"), json.getJsonArray("keys").getJsonObject(0).getString("keyId"));
    assertEquals(403, exportAs(new Api(base), tenantAdmin).status());
    assertEquals(403, new Api(base).get("api/audit/checkpoints", ReviewIT.token("13800000001")).status());
  }

  @Test
  void eachSignedCheckpointIsAlsoAFileInTheDataFolder() throws Exception {
    long signed = sign();
    Path folder = TestPlatform.get().dataDir().resolve("audit/checkpoints");
    try (var files = Files.list(folder)) {
      assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith(String.format("%012d-", signed))),
          "a file for position " + signed + " in " + folder);
    }
  }

  // ------------------------------------------------------------------------------------------ helpers

  /** {@code n} audited actions: a Kunshan parent adds a child (and deletes it again). */
  void audited(int n) throws Exception {
    Api api = new Api(base);
    String parent = ReviewIT.token("13800000002");
    for (int i = 0; i < n; i++) {
      String id = api.post("api/tenants/kunshan/children", parent, "{\"stage\":\"PRIMARY\",\"name\":\"审计测试\","
          + "\"idType\":\"MAINLAND_ID\",\"idNumber\":\"" + TestPlatform.mainlandId("20180402") + "\"}").object().getString("id");
      assertEquals(204, api.delete("api/tenants/kunshan/children/" + id, parent).status());
    }
  }

  long sign() throws Exception {
    Api.Answer answer = new Api(base).post("api/audit/checkpoints", ReviewIT.token("platform-admin"), "");
    assertEquals(200, answer.status(), answer.body());
    return answer.object().getJsonNumber("position").longValue();
  }

  JsonObject verify() throws Exception {
    Api.Answer answer = new Api(base).get("api/audit/verify", ReviewIT.token("platform-admin"));
    assertEquals(200, answer.status(), answer.body());
    return answer.object();
  }

  /** Downloads the export and the checkpoints as an inspector would, and runs the offline verifier in-process. */
  VerifyAudit.Report offline() throws Exception {
    return offline(base);
  }

  static VerifyAudit.Report offline(URL base) throws Exception {
    Path[] files = download(base);
    return VerifyAudit.verify(files[0], files[1], CheckpointKey.publicKeys(TestPlatform.get().dataDir().resolve("audit")), null);
  }

  static Path[] download(URL base) throws Exception {
    String admin = ReviewIT.token("platform-admin");
    Api api = new Api(base);
    Api.Answer export = exportAs(api, admin);
    assertEquals(200, export.status(), export.body());
    Api.Answer checkpoints = api.get("api/audit/checkpoints", admin);
    assertEquals(200, checkpoints.status(), checkpoints.body());
    Path dir = Files.createTempDirectory(TestPlatform.get().dataDir(), "inspection-");
    Path exportFile = Files.writeString(dir.resolve("audit-export.jsonl"), export.body(), StandardCharsets.UTF_8);
    Path checkpointFile = Files.writeString(dir.resolve("audit-checkpoints.json"), checkpoints.body(), StandardCharsets.UTF_8);
    return new Path[] {exportFile, checkpointFile};
  }

  /** GET /api/audit/export as curl would ask for it (NDJSON, problems as JSON). */
  static Api.Answer exportAs(Api api, String token) throws Exception {
    return Api.send(java.net.http.HttpRequest.newBuilder(api.uri("api/audit/export"))
        .header("Authorization", "Bearer " + token).header("Accept", "application/x-ndjson, application/problem+json")
        .timeout(java.time.Duration.ofSeconds(60)).GET().build());
  }

  /** The offline verifier as a command (its own JVM), as an inspector runs it: its exit code. */
  int offlineExitCode() throws Exception {
    Path[] files = download(base);
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), VerifyAudit.class.getName(), files[0].toString(), files[1].toString())
        .redirectErrorStream(true).redirectOutput(files[0].resolveSibling("verify.out").toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return p.exitValue();
  }

  /**
   * A superuser's tampering, holding the sealer's lock until it is undone: the rows it touches are copied
   * first and put back (with their ids) on close.
   */
  static final class Tampering implements AutoCloseable {
    final Connection c;
    final Statement s;
    private String where;

    Tampering() throws SQLException {
      c = TestPlatform.get().database().connect();
      s = c.createStatement();
      s.executeQuery("select pg_advisory_lock(" + AuditSealer.SEAL_LOCK + ")").close();
    }

    /** Copies the links matching {@code where} (on audit_seal) and their events. */
    void save(String where) throws SQLException {
      this.where = where;
      s.execute("drop table if exists tamper_seal, tamper_event");
      s.execute("create table tamper_seal as select * from audit_seal where " + where);
      s.execute("create table tamper_event as select * from audit_event where id in (select event_id from tamper_seal)");
    }

    @Override
    public void close() throws SQLException {
      try {
        if (where != null) {
          s.executeUpdate("delete from audit_event where id in (select event_id from tamper_seal)");
          s.executeUpdate("delete from audit_seal where position in (select position from tamper_seal)");
          s.executeUpdate("insert into audit_event overriding system value select * from tamper_event");
          s.executeUpdate("insert into audit_seal select * from tamper_seal");
          s.execute("drop table tamper_seal, tamper_event");
        }
      } finally {
        s.executeQuery("select pg_advisory_unlock(" + AuditSealer.SEAL_LOCK + ")").close();
        c.close();
      }
    }
  }

}
