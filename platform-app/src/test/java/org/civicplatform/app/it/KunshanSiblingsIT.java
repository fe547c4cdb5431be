package org.civicplatform.app.it;

import static org.civicplatform.app.it.KunshanFamily.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A family with two children sharing their guardians (seed 000 §3.3.2: once a child has applied, the
 * second child's guardian details are prefilled and cannot be changed), and the 4-eyes rule when a
 * department overrides a registry look-up.
 */
@ExtendWith(ArquillianExtension.class)
class KunshanSiblingsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of("platform.registries.simulated.control-endpoint.enabled", "true",
        "platform.notifications.outbox-endpoint.enabled", "true"));
  }

  @ArquillianResource URL base;

  @Test
  void theSecondChildSharesTheFirstChildsGuardiansWhichCannotBeChanged() throws Exception {
    KunshanFamily family = KunshanFamily.register(base);
    String first = family.child("郑艺文");
    family.fill(first, "郑军", ZHENG_JUN, houseOwnership("KS2003015678", ZHENG_JUN));
    String second = family.child("郑艺武");
    assertEquals("{}", family.api.get(second + "/shared", family.token).object().toString(),
        "nothing is locked while no child has applied");
    family.submit(first);

    JsonObject shared = family.api.get(second + "/shared", family.token).object();
    assertEquals("郑军", shared.getJsonObject("family").getJsonObject("guardian1").getString("name"), "prefilled");
    assertEquals(LI_NA, shared.getJsonObject("family").getJsonObject("guardian2").getString("idNumber"));

    // the step without guardians takes the first child's
    family.save(second, "family", "{\"student\": " + family.studentOf(second) + "}");
    JsonObject stored = family.api.get(second, family.token).object().getJsonObject("answers").getJsonObject("family");
    assertEquals(ZHENG_JUN, stored.getJsonObject("guardian1").getString("idNumber"));
    assertEquals("李娜", stored.getJsonObject("guardian2").getString("name"));

    // the same guardians (even with spaces) are accepted; a change is refused naming the field
    family.save(second, "family", family.familyStep(second, "郑 军", ZHENG_JUN));
    Api.Answer changed = family.api.put(second + "/steps/family", family.token,
        family.familyStep(second, "郑建军", ZHENG_JUN));
    assertEquals(400, changed.status(), changed.body());
    JsonObject error = changed.object().getJsonArray("errors").getJsonObject(0);
    assertEquals("family.guardian1.name", error.getString("field"));
    assertEquals("family.shared-locked", error.getString("code"));
    assertTrue(error.getString("message").contains("监护人信息不可更改"), error.toString());
    assertEquals("郑军", family.api.get(second, family.token).object().getJsonObject("answers")
        .getJsonObject("family").getJsonObject("guardian1").getString("name"), "nothing of the refused step is stored");

    // the second child applies with the shared guardians and the same registry look-ups
    for (String step : new String[] {"subject", "honours", "choices", "preview"}) {
      family.save(second, step, family.api.get(first, family.token).object().getJsonObject("answers")
          .getJsonObject(step).toString());
    }
    family.save(second, "housing", houseOwnership("KS2003015678", ZHENG_JUN));
    // the subject's certificates are required uploads of each child's application
    family.upload(second, "vocationalCertificate", "职业资格证书.jpg", DocumentsIT.jpeg(640, 480));
    family.upload(second, "titleCertificate", "职称证书.pdf", DocumentsIT.pdf("Professional title KSZC20180456"));
    family.submit(second);
    assertEquals("匹配", item(family.lookUps(second), "property").getJsonObject("data").getJsonObject("result").getString("zh"));
    assertEquals(new BigDecimal("107.84"), family.points(second).getJsonNumber("total").bigDecimalValue());
  }

  @Test
  void overridingARegistryLookUpNeedsASecondReviewerAndTheProposerCannotConfirmIt() throws Exception {
    KunshanFamily family = KunshanFamily.register(base);
    String app = family.child("郑小林");
    family.fill(app, "郑军", ZHENG_JUN, houseOwnership("KS2003015678", ZHENG_JUN));
    String id = family.submit(app).getString("id");
    family.lookUps(app);
    assertEquals(200, family.decide("ks-window-huaqiao", family.task("ks-window-huaqiao", id, "window"),
        "{\"decision\": \"APPROVE\"}").status());

    JsonObject housing = family.task("ks-dept-housing", id, "dept-real-estate");
    Api.Answer proposed = family.decide("ks-dept-housing", housing, approve("{\"property\": \"2005-01-01\"}"));
    assertEquals(202, proposed.status(), proposed.body());
    JsonObject pending = proposed.object().getJsonObject("pendingOverride");
    assertEquals("[\"property\"]", pending.getJsonArray("overrides").toString());
    assertEquals("OPEN", proposed.object().getString("status"), "the task waits for a second reviewer");
    assertEquals("41.17", line(family.points(app), "property").getString("display"), "the override does not count yet");

    String confirm = "api/review/tasks/" + housing.getString("id") + "/override/confirm";
    Api.Answer own = family.api.postEmpty(confirm, reviewer("ks-dept-housing"));
    assertEquals(403, own.status(), own.body());
    assertEquals("urn:civic:problem:four-eyes", own.object().getString("type"));
    assertEquals(404, family.api.postEmpty(confirm, reviewer("ks-window-huaqiao")).status(),
        "a reviewer without the housing scope cannot see the task");
    Api.Answer again = family.decide("ks-dept-housing", housing, approve("{\"property\": \"2006-01-01\"}"));
    assertEquals(409, again.status(), "one pending override at a time");

    // two confirmations at once (the administrator in two tabs): exactly one confirms
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Integer> statuses = new ArrayList<>();
    try {
      String admin = reviewer("ks-admin");
      String again2 = reviewer("ks-admin");
      List<Callable<Integer>> calls = List.of(
          () -> family.api.postEmpty(confirm, admin).status(), () -> family.api.postEmpty(confirm, again2).status());
      for (Future<Integer> f : pool.invokeAll(calls)) {
        statuses.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
    assertEquals(1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());

    assertNull(family.task("ks-dept-housing", id, "dept-real-estate"), "approved: no longer in the queue");
    JsonObject decided = family.api.get("api/review/tasks/" + housing.getString("id"), reviewer("ks-admin")).object()
        .getJsonObject("task");
    assertEquals("APPROVED", decided.getString("status"));
    assertEquals("2005-01-01", decided.getJsonObject("confirmedValues").getString("property"));
    assertEquals("[\"property\"]", decided.getJsonArray("overrides").toString());
    assertEquals("38.33", line(family.points(app), "property").getString("display"), "230 months × 1/6");
    assertTrue(KunshanApplicationIT.auditCount("review.override.propose") > 0);
    assertTrue(KunshanApplicationIT.auditCount("review.override.confirm") > 0);
  }
}
