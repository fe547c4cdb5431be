package org.civicplatform.app.it;

import static org.civicplatform.app.it.KunshanFamily.ZHENG_JUN;
import static org.civicplatform.app.it.KunshanFamily.houseOwnership;
import static org.civicplatform.app.it.KunshanFamily.line;
import static org.civicplatform.app.it.KunshanFamily.reviewer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.civicplatform.spi.allocation.SeededLottery;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The allocation ranks by the points the parent sees: the breakdown confirmed at 审核完成 (registry
 * look-ups, department confirmations, the year's rule parameters) is stored with the application, and the
 * published outcome's explanation shows the same total, 参保年限 and 房产年限 as {@code GET …/points}; an
 * application reviewed before breakdowns were stored gets its breakdown computed by the run, the same.
 */
@ExtendWith(ArquillianExtension.class)
class ConfirmedPointsIT {

  static final String RUNS = "api/tenants/kunshan/allocation/runs";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of("platform.notifications.outbox-endpoint.enabled", "true"));
  }

  @ArquillianResource URL base;

  @Test
  void thePublishedExplanationShowsTheConfirmedTotalOfThePointsPageAndARunFillsInAMissingBreakdownTheSame()
      throws Exception {
    KunshanFamily family = KunshanFamily.register(base);
    String app = family.child("郑艺文");
    family.fill(app, "郑军", ZHENG_JUN, houseOwnership("KS2003015678", ZHENG_JUN));
    String id = family.submit(app).getString("id");
    family.lookUps(app); // the 社保 / 房产 look-ups are done (sweep every 2 s)

    JsonObject window = family.task("ks-window-huaqiao", id, "window");
    assertEquals(200, family.api.post("api/review/tasks/" + window.getString("id") + "/claim",
        reviewer("ks-window-huaqiao"), "").status());
    assertEquals(200, family.decide("ks-window-huaqiao", window, ReviewIT.APPROVE).status());
    for (String department : ReviewIT.DEPARTMENTS) {
      Api.Answer decided = family.decide("ks-admin", family.task("ks-admin", id, department), ReviewIT.APPROVE);
      assertEquals(200, decided.status(), department + ": " + decided.body());
    }
    assertEquals(200, family.decide("ks-admin", family.task("ks-admin", id, "points-office"), ReviewIT.APPROVE).status());
    String status = family.api.get(app, family.token).object().getString("status");
    for (long until = System.nanoTime() + 40_000_000_000L; !"REVIEWED".equals(status) && System.nanoTime() < until; ) {
      Thread.sleep(500);
      status = family.api.get(app, family.token).object().getString("status");
    }
    assertEquals("REVIEWED", status, "审核完成");

    JsonObject points = family.points(app);
    BigDecimal total = points.getJsonNumber("total").bigDecimalValue();
    assertEquals("41.17", line(points, "property").getString("display"), "房产年限 from the real-estate registry");
    assertEquals("66.67", line(points, "insurance").getString("display"), "参保年限 from the insurance registry");
    String stored = confirmedPoints(id);
    assertNotNull(stored, "the breakdown is stored with the application at 审核完成");
    assertEquals(total, jakarta.json.Json.createReader(new java.io.StringReader(stored)).readObject()
        .getJsonNumber("total").bigDecimalValue());
    assertEquals(1, audits("application.points.confirm", id), "confirmed once, audited");

    String seed = SeededLottery.newSeed();
    JsonObject run = new Api(base).post(RUNS, reviewer("ks-admin"),
        "{\"stage\": \"PRIMARY\", \"seed\": \"" + seed + "\"}").object();
    Api.Answer published = family.api.postEmpty(RUNS + "/" + run.getString("id") + "/publish", reviewer("ks-admin"));
    assertEquals(200, published.status(), published.body());
    Api.Answer admission = family.api.get(app.substring(0, app.length() - "/application".length()) + "/admission",
        family.token);
    assertEquals(200, admission.status(), admission.body());
    JsonObject explanation = admission.object().getJsonObject("explanation");
    JsonObject values = explanation.getJsonObject("standing").getJsonObject("values");
    assertEquals(0, total.compareTo(new BigDecimal(values.getString("points"))), explanation.toString());
    assertEquals(new BigDecimal("66.67"), new BigDecimal(values.getString("insurance")), "tie-break 1 as the parent sees it");
    assertEquals(new BigDecimal("41.17"), new BigDecimal(values.getString("property")), "tie-break 2 as the parent sees it");
    assertTrue(explanation.getJsonObject("text").getString("zh").contains(values.getString("points")), explanation.toString());

    // reviewed before breakdowns were stored: the next run computes it the same way, stores and audits it
    clearConfirmedPoints(id);
    JsonObject again = new Api(base).post(RUNS, reviewer("ks-admin"),
        "{\"stage\": \"PRIMARY\", \"seed\": \"" + seed + "\"}").object();
    assertEquals(stored.replace(" ", ""), confirmedPoints(id).replace(" ", ""));
    assertEquals(2, audits("application.points.confirm", id));
    assertEquals(run.getString("inputDigest"), again.getString("inputDigest"), "the same ranking values as before");
  }

  static String confirmedPoints(String applicationId) throws Exception {
    try (Connection c = TestPlatform.get().database().connect();
        PreparedStatement ps = c.prepareStatement("select confirmed_points::text from application where id = ?::uuid")) {
      ps.setString(1, applicationId);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        return rs.getString(1);
      }
    }
  }

  static void clearConfirmedPoints(String applicationId) throws Exception {
    try (Connection c = TestPlatform.get().database().connect();
        PreparedStatement ps = c.prepareStatement("update application set confirmed_points = null,"
            + " confirmed_rule_set = null, points_confirmed_at = null where id = ?::uuid")) {
      ps.setString(1, applicationId);
      assertEquals(1, ps.executeUpdate());
    }
    assertNull(confirmedPoints(applicationId));
  }

  static int audits(String action, String applicationId) throws Exception {
    try (Connection c = TestPlatform.get().database().connect();
        PreparedStatement ps = c.prepareStatement(
            "select count(*) from audit_event where action = ? and target_type = 'application' and target_id = ?")) {
      ps.setString(1, action);
      ps.setString(2, applicationId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
