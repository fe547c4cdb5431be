package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civicplatform.app.verify.VerifyBundle;
import org.civicplatform.spi.allocation.SeededLottery;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Allocation runs on the real platform: a tenant admin's dry run (commitment shown, seed hidden, counts,
 * cutoffs, paged reasons), the tenant lock (409), the role check (403), publication (the parent sees the
 * outcome with its explanation, an SMS is sent), the re-run bundle verifies, and determinism.
 *
 * <p>Data: the parent's own child goes through the API (form, submit, every review stage as in
 * {@link ReviewIT}); the crowd competing for the 锦溪镇 school and the 阳澄学校 lottery is inserted with
 * JDBC as reviewed applications (hundreds of API round trips would add minutes and test nothing new).
 */
@ExtendWith(ArquillianExtension.class)
class AllocationIT {

  static final int LOCK_CLASS = 0x616c6c6f;
  static final String RUNS = "api/tenants/kunshan/allocation/runs";

  @Deployment(testable = false)
  static WebArchive deployment() {
    // the outbox endpoint: the placed child's family registers through the API (KunshanFamily reads the code)
    return TestPlatform.get().war(Map.of("platform.demo-data.enabled", "true",
        "platform.notifications.outbox-endpoint.enabled", "true"));
  }

  @ArquillianResource URL base;

  Api api() {
    return new Api(base);
  }

  static String token(String user) throws Exception {
    return ApplicationsIT.token(user);
  }

  /**
   * Inserts {@code n} reviewed Kunshan applications of 锦溪镇 (jx) choosing ks-jinxi-primary (5 seats), every
   * third also ks-yangcheng in phase one (2 seats), with education levels that spread the points.
   */
  static void seedCrowd(int n) throws Exception {
    try (Connection c = TestPlatform.get().database().connect()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("update school set seats = '{\"PRIMARY\": 5}' where tenant_id = 'kunshan' and code = 'ks-jinxi-primary'");
        s.executeUpdate("update school set seats = '{\"PRIMARY\": 2}' where tenant_id = 'kunshan' and code = 'ks-yangcheng'");
      }
      UUID family = UUID.randomUUID();
      try (PreparedStatement ps = c.prepareStatement("insert into family (id, tenant_id, owner_subject, created_at)"
          + " values (?, 'kunshan', ?, now())")) {
        ps.setObject(1, family);
        ps.setString(2, "alloc-it-" + family);
        ps.executeUpdate();
      }
      String[] levels = {"NONE", "JUNIOR_COLLEGE", "BACHELOR", "MASTER", "DOCTOR"};
      for (int i = 0; i < n; i++) {
        UUID child = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("insert into child (id, tenant_id, family_id, name, id_type,"
            + " id_number, stage, created_at) values (?, 'kunshan', ?, ?, 'MAINLAND_ID', ?, 'PRIMARY', now())")) {
          ps.setObject(1, child);
          ps.setObject(2, family);
          ps.setString(3, "测试" + i);
          ps.setString(4, TestPlatform.mainlandId("20180401"));
          ps.executeUpdate();
        }
        String answers = """
            {"stage": "PRIMARY",
             "family": {"guardian1": {"relation": "FATHER", "phone": "139%08d", "district": "jx"}},
             "subject": {"education": {"level": "%s"}, "vocational": {"level": "NONE"}, "title": {"level": "NONE"},
                         "residencePermit": {"issuedOn": "2019-0%d-01"}},
             "housing": {"property": {"hasProperty": false}},
             "honours": {"honour": {"hasHonour": false}},
             "choices": {"choices": {"public": "ks-jinxi-primary"%s}}}"""
            .formatted(i, levels[i % levels.length], 1 + i % 9, i % 3 == 0 ? ", \"private1\": \"ks-yangcheng\"" : "");
        try (PreparedStatement ps = c.prepareStatement("insert into application (id, tenant_id, child_id, school_year,"
            + " status, answers, district_code, submitted_at, created_at, updated_at, stage, submissions)"
            + " values (?, 'kunshan', ?, 2024, 'REVIEWED', ?::jsonb, 'jx', now(), now(), now(), 'PRIMARY', 1)")) {
          ps.setObject(1, UUID.randomUUID());
          ps.setObject(2, child);
          ps.setString(3, answers);
          ps.executeUpdate();
        }
      }
      c.commit();
    }
  }

  /** The family of {@link #reviewedChild()}. */
  KunshanFamily family;

  /**
   * A child of a newly registered family (郑军's 房屋所有权证 in 花桥, found by the land registry: 积分生 by confirmed
   * property, kunshan-rules.md) submitted and reviewed through the API.
   */
  String reviewedChild() throws Exception {
    family = KunshanFamily.register(base);
    String parent = family.token;
    String app = family.child("分配测试");
    family.fill(app, "郑军", KunshanFamily.ZHENG_JUN, KunshanFamily.houseOwnership("KS2003015678", KunshanFamily.ZHENG_JUN));
    family.submit(app);
    family.lookUps(app);
    ReviewIT review = new ReviewIT();
    review.base = base;
    String id = api().get(app, parent).object().getString("id");
    assertEquals(200, review.decide("ks-window-huaqiao", review.task("ks-window-huaqiao", id, "window"), ReviewIT.APPROVE).status());
    for (String department : ReviewIT.DEPARTMENTS) {
      assertEquals(200, review.decide("ks-admin", review.task("ks-admin", id, department), ReviewIT.APPROVE).status(), department);
    }
    assertEquals(200, review.decide("ks-admin", review.task("ks-admin", id, "points-office"), ReviewIT.APPROVE).status());
    // the advisory registry look-up stage is decided by a sweep every 2 s, possibly after the last person
    String status = api().get(app, parent).object().getString("status");
    for (long until = System.nanoTime() + 40_000_000_000L; !"REVIEWED".equals(status) && System.nanoTime() < until; ) {
      Thread.sleep(500);
      status = api().get(app, parent).object().getString("status");
    }
    assertEquals("REVIEWED", status);
    return app.substring(0, app.length() - "/application".length());
  }

  Api.Answer startRun(String seed) throws Exception {
    return api().post(RUNS, token("ks-admin"), seed == null ? "{\"stage\": \"PRIMARY\"}"
        : "{\"stage\": \"PRIMARY\", \"seed\": \"" + seed + "\"}");
  }

  @Test
  void aDryRunShowsTheCommitmentCountsCutoffsAndReasonsButNotTheSeed() throws Exception {
    seedCrowd(12);
    Api.Answer started = startRun(null);
    assertEquals(201, started.status(), started.body());
    JsonObject run = started.object();
    assertEquals("DRY_RUN", run.getString("status"));
    assertEquals(64, run.getString("seedCommitment").length());
    assertFalse(run.containsKey("seed"), "the seed stays secret until publication");
    assertEquals("kunshan-2024-default", run.getString("ruleSet"));
    assertTrue(run.getInt("applicants") >= 12, run.toString());
    JsonObject jinxi = run.getJsonArray("schools").getValuesAs(JsonObject.class).stream()
        .filter(s -> s.getString("school").equals("ks-jinxi-primary")).findFirst().orElseThrow();
    assertEquals(5, jinxi.getInt("seats"));
    assertEquals(0, jinxi.getInt("seatsLeft"));
    assertTrue(jinxi.getJsonObject("lastAdmitted").containsKey("PUBLIC"), jinxi.toString());
    assertTrue(run.getJsonArray("districtLines").getValuesAs(JsonObject.class).stream()
        .anyMatch(l -> l.getString("district").equals("jx") && l.getInt("seats") == 5), run.toString());

    String id = run.getString("id");
    Api.Answer page = api().get(RUNS + "/" + id + "/results?school=ks-jinxi-primary&outcome=PLACED&size=3", token("ks-admin"));
    assertEquals(200, page.status(), page.body());
    assertEquals(3, page.object().getJsonArray("items").size());
    JsonObject first = page.object().getJsonArray("items").getJsonObject(0);
    // the public phase's outcome (an applicant who also chose a phase-one private school has that outcome first)
    JsonObject explanation = first.getJsonObject("result").getJsonArray("outcomes").getValuesAs(JsonObject.class).stream()
        .filter(o -> "PUBLIC".equals(o.getString("phase", null))).findFirst().orElseThrow(() -> new AssertionError(first))
        .getJsonObject("explanation");
    assertTrue(explanation.getJsonObject("text").getString("zh").contains("区镇准入线"), explanation.toString());
    assertEquals(404, api().get(RUNS + "/" + id + "/bundle", token("ks-admin")).status(), "no bundle before publication");
  }

  @Test
  void aSecondStartWhileAnotherRunHoldsTheTenantLockIsRefusedWith409() throws Exception {
    try (Connection other = TestPlatform.get().database().connect(); Statement s = other.createStatement()) {
      s.execute("select pg_advisory_lock(" + LOCK_CLASS + ", hashtext('kunshan'))");
      Api.Answer refused = startRun(null);
      assertEquals(409, refused.status(), refused.body());
      assertEquals("urn:civic:problem:allocation-busy", refused.object().getString("type"));
      assertTrue(refused.object().getString("detail").contains("录取运行正在进行"), refused.body());
      assertTrue(refused.object().getString("detailEn").contains("in progress"), refused.body());
      s.execute("select pg_advisory_unlock(" + LOCK_CLASS + ", hashtext('kunshan'))");
    }
    assertEquals(201, startRun(null).status(), "free again once the other run ends");
  }

  @Test
  void concurrentStartsEitherRunOrAreRefusedWith409() throws Exception {
    seedCrowd(5);
    String admin = token("ks-admin");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(() -> api().post(RUNS, admin, "{\"stage\": \"PRIMARY\"}").status());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(calls)) {
        statuses.add(f.get());
      }
      assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), statuses.toString());
      assertTrue(statuses.contains(201), statuses.toString());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aParentsTokenCannotStartARun() throws Exception {
    Api.Answer refused = api().post(RUNS, token("13800000002"), "{\"stage\": \"PRIMARY\"}");
    assertEquals(403, refused.status(), refused.body());
  }

  @Test
  void aGivenSeedThatIsNotSixtyFourHexCharactersIsRefusedNamingTheField() throws Exception {
    Api.Answer refused = startRun("not-a-seed");
    assertEquals(400, refused.status(), refused.body());
    assertEquals("seed", refused.object().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void twoDryRunsWithTheSameSeedGiveTheSameDigests() throws Exception {
    seedCrowd(6);
    String seed = SeededLottery.newSeed();
    JsonObject first = startRun(seed).object();
    JsonObject second = startRun(seed).object();
    assertNotEquals(first.getString("id"), second.getString("id"));
    assertEquals(first.getString("inputDigest"), second.getString("inputDigest"));
    assertEquals(first.getString("resultDigest"), second.getString("resultDigest"));
    JsonObject third = startRun(SeededLottery.newSeed()).object();
    assertNotEquals(first.getString("seedCommitment"), third.getString("seedCommitment"));
  }

  @Test
  void publishingShowsTheParentTheOutcomeWithItsReasonAndTheBundleVerifies() throws Exception {
    String child = reviewedChild();
    seedCrowd(9);
    String parent = family.token;
    Api.Answer before = api().get(child + "/admission", parent);
    assertEquals(404, before.status(), before.body());
    assertEquals("urn:civic:problem:admission-not-published", before.object().getString("type"));

    String seed = SeededLottery.newSeed();
    JsonObject run = startRun(seed).object();
    String id = run.getString("id");
    assertEquals(SeededLottery.commitment(seed), run.getString("seedCommitment"));
    Api.Answer published = api().postEmpty(RUNS + "/" + id + "/publish", token("ks-admin"));
    assertEquals(200, published.status(), published.body());
    assertEquals("PUBLISHED", published.object().getString("status"));
    assertEquals(seed, published.object().getString("seed"), "the seed is revealed after publication");
    assertEquals(409, api().postEmpty(RUNS + "/" + id + "/publish", token("ks-admin")).status(), "published once");

    Api.Answer admission = api().get(child + "/admission", parent);
    assertEquals(200, admission.status(), admission.body());
    JsonObject seen = admission.object();
    assertEquals("PLACED", seen.getString("outcome"), seen.toString());
    assertEquals("ks-huaqiao-primary", seen.getString("school"));
    assertEquals("昆山市花桥中心小学校", seen.getJsonObject("schoolName").getString("zh"));
    assertEquals("KUNSHAN_PUBLIC_INSIDE_LINE_PLACED", seen.getJsonObject("explanation").getString("rule"));
    assertTrue(seen.getJsonObject("explanation").getJsonObject("text").getString("zh").contains("拟录取"), seen.toString());
    try (java.sql.Connection c = TestPlatform.get().database().connect();
        java.sql.PreparedStatement ps = c.prepareStatement("select count(*) from sms_outbox where recipient = ?"
            + " and purpose = 'allocation.published' and body like '%拟录取 昆山市花桥中心小学校%'")) {
      ps.setString(1, family.mobile);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertTrue(rs.getLong(1) > 0, "the parent is told of the placement by SMS");
      }
    }
    assertEquals(404, api().get(child + "/admission", token("13800000001")).status(), "another family's child is not found");
    assertTrue(auditActions(id).contains("allocation.publish"));
    // the family home's per-batch table shows the published result: 公办 拟录取 at the school
    JsonObject publicBatch = api().get(child + "/application/status", parent).object().getJsonArray("batches")
        .getValuesAs(JsonObject.class).stream().filter(b -> b.getString("id").equals("PUBLIC")).findFirst().orElseThrow();
    assertEquals("PROVISIONALLY_ADMITTED", publicBatch.getJsonObject("status").getString("code"), publicBatch.toString());
    assertEquals("ks-huaqiao-primary", publicBatch.getJsonObject("admittedSchool").getString("code"), publicBatch.toString());

    Api.Answer bundle = api().get(RUNS + "/" + id + "/bundle", token("ks-admin"));
    assertEquals(200, bundle.status(), bundle.body());
    VerifyBundle.Report report = VerifyBundle.verify(bundle.body());
    assertTrue(report.identical(), report.message());
    assertFalse(bundle.body().contains(child.substring(child.lastIndexOf('/') + 1)), "no application or child ids in the bundle");
  }

  static List<String> auditActions(String runId) throws Exception {
    List<String> actions = new ArrayList<>();
    try (Connection c = TestPlatform.get().database().connect();
        PreparedStatement ps = c.prepareStatement("select action from audit_event where target_type = 'allocation_run' and target_id = ?")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          actions.add(rs.getString(1));
        }
      }
    }
    return actions;
  }
}
