package org.civicplatform.kunshan.review;

import static org.civicplatform.kunshan.verification.KunshanApplications.seedApplication;
import static org.civicplatform.kunshan.verification.KunshanApplications.seedRegistries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.civicplatform.kunshan.points.KunshanPointsRules;
import org.civicplatform.kunshan.verification.KunshanRegistryChecks;
import org.civicplatform.spi.review.ReviewStage;
import org.civicplatform.spi.rules.CheckResult;
import org.civicplatform.spi.rules.ConfirmedValues;
import org.civicplatform.spi.rules.RuleViolation;
import org.junit.jupiter.api.Test;

class KunshanConfirmationsTest {

  final KunshanConfirmations confirmations = new KunshanConfirmations(new KunshanPointsRules());
  final JsonObject application = seedApplication();
  final List<CheckResult> registry = KunshanRegistryChecks.verify(application, seedRegistries());

  static ReviewStage stage(String id) {
    return KunshanReview.stages().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  ConfirmedValues confirm(String stage, JsonObject values) {
    return confirmations.confirm(stage(stage), values, application, registry);
  }

  @Test
  void theRegistrysOwnDateIsAConfirmationNotAnOverride() {
    ConfirmedValues same = confirm("dept-real-estate", Json.createObjectBuilder().add("property", "2003-08-15").build());
    assertEquals(List.of(), same.overrides());
  }

  @Test
  void anotherDateOverridesTheRegistryAndNeedsASecondReviewer() {
    assertEquals(List.of("property"),
        confirm("dept-real-estate", Json.createObjectBuilder().add("property", "2005-01-01").build()).overrides());
  }

  @Test
  void otherInsuranceMonthsOverrideTheRegistry() {
    ConfirmedValues values = confirm("dept-human-resources", Json.createObjectBuilder()
        .add("insurance.pension", Json.createObjectBuilder().add("recent", 36).add("earlier", 8))
        .add("insurance.injury", Json.createObjectBuilder().add("recent", 30).add("earlier", 8))
        .add("vocational", "LEVEL3").build());
    assertEquals(List.of("insurance.injury"), values.overrides());
  }

  @Test
  void aDepartmentCannotConfirmAnotherDepartmentsItem() {
    RuleViolation refused = assertThrows(RuleViolation.class,
        () -> confirm("dept-education", Json.createObjectBuilder().add("property", "2003-08-15").build()));
    assertEquals("values.property", refused.errors().get(0).field());
  }

  @Test
  void monthsBeyondThePartsLengthAreRefusedNamingThePart() {
    RuleViolation refused = assertThrows(RuleViolation.class, () -> confirm("dept-medical-insurance",
        Json.createObjectBuilder().add("insurance.medical", Json.createObjectBuilder().add("recent", 37).add("earlier", 8)).build()));
    assertEquals("values.insurance.medical.recent", refused.errors().get(0).field());
  }

  @Test
  void monthsAreComparedAsNumbersNotWrappedIntoAnInt() {
    // 4294967308 = 2^32 + 12: intValue() made it 12 months
    RuleViolation refused = assertThrows(RuleViolation.class, () -> confirm("dept-medical-insurance",
        Json.createObjectBuilder().add("insurance.medical", Json.createObjectBuilder().add("recent", 4294967308L).add("earlier", 8)).build()));
    assertEquals("values.insurance.medical.recent", refused.errors().get(0).field());
  }

  @Test
  void aDateOfYearZeroIsRefused() {
    RuleViolation refused = assertThrows(RuleViolation.class,
        () -> confirm("dept-real-estate", Json.createObjectBuilder().add("property", "0000-01-01").build()));
    assertEquals("confirmation.date", refused.errors().get(0).code());
  }

  @Test
  void anUnknownLevelIsRefusedListingTheLevels() {
    RuleViolation refused = assertThrows(RuleViolation.class,
        () -> confirm("dept-education", Json.createObjectBuilder().add("education", "PHD").build()));
    assertEquals("values.education", refused.errors().get(0).field());
    assertEquals("confirmation.level", refused.errors().get(0).code());
  }

  @Test
  void aRegistrationDateAfterTheCutOffIsRefused() {
    RuleViolation refused = assertThrows(RuleViolation.class,
        () -> confirm("dept-real-estate", Json.createObjectBuilder().add("property", "2024-04-01").build()));
    assertEquals("confirmation.after-cut-off", refused.errors().get(0).code());
  }
}
