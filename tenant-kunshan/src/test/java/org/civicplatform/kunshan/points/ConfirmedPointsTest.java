package org.civicplatform.kunshan.points;

import static org.civicplatform.kunshan.verification.KunshanApplications.seedApplication;
import static org.civicplatform.kunshan.verification.KunshanApplications.seedRegistries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.civicplatform.kunshan.review.KunshanReview;
import org.civicplatform.kunshan.verification.KunshanRegistryChecks;
import org.civicplatform.spi.review.ReviewStage;
import org.civicplatform.spi.review.ScopeKind;
import org.civicplatform.spi.rules.CheckResult;
import org.civicplatform.spi.rules.PointsRules;
import org.junit.jupiter.api.Test;

/** Points from registry look-ups and department confirmations: the seed's progress page before and after review. */
class ConfirmedPointsTest {

  final KunshanPointsRules rules = new KunshanPointsRules();
  final JsonObject application = seedApplication();
  final List<CheckResult> registry = KunshanRegistryChecks.verify(application, seedRegistries());

  /** The human stages of the application; {@code approved} lists those approved with their values. */
  List<PointsRules.StageConfirmation> stages(List<String> approved, JsonObject values) {
    List<PointsRules.StageConfirmation> stages = new ArrayList<>();
    for (ReviewStage stage : KunshanReview.stages()) {
      if (stage.scope() == ScopeKind.AUTOMATIC) {
        // the look-ups ran and were approved (advisory): they confirm no values of their own
        stages.add(new PointsRules.StageConfirmation(stage.id(), stage.items(), true, Json.createObjectBuilder().build()));
        continue;
      }
      if (stage.scope() == ScopeKind.SCHOOL
          || stage.id().equals("dept-trade-union") || stage.id().equals("dept-civilisation-office")) {
        continue; // not applicable: no private school, no 劳动模范 / 道德模范 declared
      }
      JsonObject own = Json.createObjectBuilder().build();
      if (approved.contains(stage.id())) {
        var b = Json.createObjectBuilder();
        values.forEach((k, v) -> {
          if (stage.items().contains(k)) {
            b.add(k, v);
          }
        });
        own = b.build();
      }
      stages.add(new PointsRules.StageConfirmation(stage.id(), stage.items(), approved.contains(stage.id()), own));
    }
    return stages;
  }

  JsonObject breakdown(List<CheckResult> automatic, List<PointsRules.StageConfirmation> stages) {
    return rules.breakdown(new PointsRules.PointsInput(application, rules.defaults(2024).orElseThrow(), automatic, stages));
  }

  static JsonObject line(JsonObject breakdown, String item) {
    return breakdown.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(l -> l.getString("item").equals(item)).findFirst().orElseThrow();
  }

  @Test
  void beforeDepartmentReviewPropertyAndInsuranceComeFromTheRegistriesAndTheRestIsPending() {
    JsonObject before = breakdown(registry, stages(List.of("window"), Json.createObjectBuilder().build()));
    assertEquals("41.17", line(before, "property").getString("display"));
    assertEquals("66.67", line(before, "insurance").getString("display"));
    for (String item : List.of("vocational", "title", "lawAbiding", "bravery", "education")) {
      assertTrue(line(before, item).getBoolean("pending"), item);
      assertEquals("核算中", line(before, item).getString("display"), item);
    }
    assertEquals(new BigDecimal("107.84"), before.getJsonNumber("total").bigDecimalValue());
    assertFalse(before.getBoolean("complete"));
    assertEquals("kunshan-2024-default", before.getString("ruleSet"));
  }

  @Test
  void afterEveryDepartmentTheSeedsTotalIs13284() {
    List<String> all = KunshanReview.stages().stream().map(ReviewStage::id).toList();
    JsonObject after = breakdown(registry, stages(all, Json.createObjectBuilder().build()));
    assertEquals("0", line(after, "education").getString("display"));
    assertEquals("5", line(after, "vocational").getString("display"));
    assertEquals("5", line(after, "title").getString("display"));
    assertEquals("5", line(after, "titleOrEducation").getString("display"));
    assertEquals("20", line(after, "lawAbiding").getString("display"));
    assertEquals("0", line(after, "bravery").getString("display"));
    assertEquals("0", line(after, "modelWorker").getString("display"), "no 总工会 stage: nothing declared");
    assertEquals(new BigDecimal("132.84"), after.getJsonNumber("total").bigDecimalValue());
    assertTrue(after.getBoolean("complete"));
  }

  @Test
  void aDepartmentsCorrectionReplacesTheDeclaredLevel() {
    List<String> all = KunshanReview.stages().stream().map(ReviewStage::id).toList();
    JsonObject after = breakdown(registry, stages(all, Json.createObjectBuilder()
        .add("vocational", "LEVEL3").add("lawAbiding", false).build()));
    assertEquals("10", line(after, "vocational").getString("display"));
    assertEquals("0", line(after, "lawAbiding").getString("display"));
    assertEquals(new BigDecimal("117.84"), after.getJsonNumber("total").bigDecimalValue());
  }

  @Test
  void theHousingDepartmentsConfirmedDateReplacesTheRegistrysAndMonthsReplaceInsurance() {
    JsonObject after = breakdown(registry, stages(List.of("window", "dept-real-estate", "dept-medical-insurance"),
        Json.createObjectBuilder().add("property", "2013-08-15")
            .add("insurance.medical", Json.createObjectBuilder().add("recent", 0).add("earlier", 0)).build()));
    assertEquals("21.17", line(after, "property").getString("display"), "127 months × 1/6");
    assertEquals("53.33", line(after, "insurance").getString("display"), "four types 36 + 8, medical none");
  }

  @Test
  void whileTheRegistriesHaveNotAnsweredPropertyAndInsuranceArePending() {
    JsonObject before = breakdown(List.of(), stages(List.of(), Json.createObjectBuilder().build()));
    assertTrue(line(before, "property").getBoolean("pending"));
    assertTrue(line(before, "insurance").getBoolean("pending"));
    assertEquals(BigDecimal.ZERO, before.getJsonNumber("total").bigDecimalValue());
  }

  @Test
  void aRegistryMismatchLeavesPropertyPointsPendingUntilTheRealEstateDepartmentDecides() {
    List<CheckResult> mismatch = KunshanRegistryChecks.verify(
        seedApplication("KS1999000001", "320583198503150019", "李娜"), seedRegistries());
    JsonObject before = breakdown(mismatch, stages(List.of(), Json.createObjectBuilder().build()));
    assertEquals("核算中", line(before, "property").getString("display"), "not 0: the department may still find it");
    JsonObject approved = breakdown(mismatch, stages(List.of("window", "dept-real-estate"),
        Json.createObjectBuilder().build()));
    assertEquals("0", line(approved, "property").getString("display"), "approved without a registration date");
  }

  @Test
  void theStoredParametersOfAnotherVersionAreStampedAndUsed() {
    JsonObject parameters = Json.createObjectBuilder(rules.defaults(2024).orElseThrow().values())
        .add("lawAbiding", Json.createObjectBuilder().add("points", 25).add("years", 3)).build();
    List<String> all = KunshanReview.stages().stream().map(ReviewStage::id).toList();
    JsonObject after = rules.breakdown(new PointsRules.PointsInput(application,
        new PointsRules.Parameters("kunshan-2024-r1", rules.check(2024, parameters)), registry,
        stages(all, Json.createObjectBuilder().build())));
    assertEquals("kunshan-2024-r1", after.getString("ruleSet"));
    assertEquals(new BigDecimal("137.84"), after.getJsonNumber("total").bigDecimalValue());
  }
}
