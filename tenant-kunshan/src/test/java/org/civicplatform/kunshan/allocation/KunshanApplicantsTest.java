package org.civicplatform.kunshan.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.civicplatform.kunshan.points.KunshanPointsRules;
import org.civicplatform.kunshan.reference.KunshanReferenceData;
import org.civicplatform.kunshan.review.KunshanReview;
import org.civicplatform.kunshan.verification.KunshanApplications;
import org.civicplatform.kunshan.verification.KunshanRegistryChecks;
import org.civicplatform.spi.allocation.Applicant;
import org.civicplatform.spi.allocation.ApplicationFacts;
import org.civicplatform.spi.allocation.RankingValue;
import org.civicplatform.spi.rules.PointsRules;
import org.junit.jupiter.api.Test;

/** How a Kunshan application becomes the applicant the procedure places. */
class KunshanApplicantsTest {

  final KunshanAllocation procedure = new KunshanAllocation();

  static JsonObject answers(String permit, boolean property, String education, String choices) {
    return Json.createReader(new StringReader("""
        {"family": {"guardian1": {"district": "hq"}},
         "subject": {"education": {"level": "%s"}, "vocational": {"level": "LEVEL4"}, "title": {"level": "NONE"},
                     "residencePermit": %s},
         "housing": {"property": {"hasProperty": %s}},
         "honours": {"honour": {"hasHonour": false}},
         "choices": {"choices": %s}}""".formatted(education,
        permit == null ? "{}" : "{\"issuedOn\": \"" + permit + "\"}", property, choices))).readObject();
  }

  /** A stored breakdown in the tenant's format (items with values, total), as core hands it over. */
  static JsonObject breakdown(String total, String insurance, String property) {
    return Json.createReader(new StringReader("""
        {"year": 2024, "ruleSet": "kunshan-2024-default",
         "items": [{"item": "property", "value": %s}, {"item": "education", "value": 0},
                   {"item": "insurance", "value": %s}, {"item": "lawAbiding", "value": 20}],
         "pending": [], "total": %s, "complete": true}""".formatted(property, insurance, total))).readObject();
  }

  Optional<Applicant> map(JsonObject answers, boolean reviewed) {
    return procedure.applicant(new ApplicationFacts("k1", answers, "hq", "PRIMARY", reviewed, 2024,
        KunshanReferenceData.demo().schools(), reviewed ? Optional.of(breakdown("30", "0", "0")) : Optional.empty()));
  }

  Applicant mapConfirmed(JsonObject answers, JsonObject confirmed) {
    return procedure.applicant(new ApplicationFacts("k1", answers, "hq", "PRIMARY", true, 2024,
        KunshanReferenceData.demo().schools(), Optional.of(confirmed))).orElseThrow();
  }

  @Test
  void aReviewedApplicantWithAYearOldResidencePermitIsRankedByItsConfirmedPoints() {
    Applicant a = mapConfirmed(answers("2019-05-01", false, "BACHELOR", "{\"public\": \"ks-lujia-muxi\"}"),
        breakdown("97.5", "67.5", "0"));
    assertEquals("POINTS", a.category());
    assertEquals(RankingValue.amount("97.50"), a.values().get("points"));
    assertEquals(RankingValue.amount("67.50"), a.values().get("insurance"));
    assertEquals(RankingValue.amount("0.00"), a.values().get("property"));
    assertEquals(RankingValue.day(java.time.LocalDate.parse("2019-05-01")), a.values().get("permitIssuedOn"));
    assertEquals(List.of("ks-lujia-muxi"), a.choicesIn("PUBLIC"));
    assertEquals("lj", a.districtCode(), "ranked in the district of the public choice");
  }

  @Test
  void theSeedsConfirmedBreakdownGivesTheTotalAndTheInsuranceAndPropertyTieBreakValuesTheParentSees() {
    KunshanPointsRules rules = new KunshanPointsRules();
    JsonObject application = Json.createObjectBuilder(KunshanApplications.seedApplication())
        .add("choices", Json.createObjectBuilder().add("choices",
            Json.createObjectBuilder().add("public", "ks-lujia-muxi"))).build();
    List<PointsRules.StageConfirmation> allApproved = KunshanReview.stages().stream()
        .map(st -> new PointsRules.StageConfirmation(st.id(), st.items(), true, JsonValue.EMPTY_JSON_OBJECT)).toList();
    JsonObject confirmed = rules.breakdown(new PointsRules.PointsInput(application, rules.defaults(2024).orElseThrow(),
        KunshanRegistryChecks.verify(application, KunshanApplications.seedRegistries()), allApproved));

    Applicant a = mapConfirmed(application, confirmed);

    assertEquals(RankingValue.amount(confirmed.getJsonNumber("total").bigDecimalValue().setScale(2)),
        a.values().get("points"), "the total of the breakdown the parent's points page shows");
    assertEquals(RankingValue.amount("66.67"), a.values().get("insurance"), "seed: 36 recent + 8 earlier months × 5");
    assertEquals(RankingValue.amount("41.17"), a.values().get("property"), "seed: 247 months of ownership");
    assertTrue(confirmed.getJsonObject("eligibility").getBoolean("pointsApplicant"), confirmed.toString());
    assertEquals("POINTS", a.category());
  }

  static JsonObject withVerdict(JsonObject breakdown, boolean points) {
    return Json.createObjectBuilder(breakdown).add("eligibility", Json.createObjectBuilder()
        .add("pointsApplicant", points).add("decided", true).add("property", false).add("pensionMonths", 0)).build();
  }

  @Test
  void aReviewedFamilyWithoutConfirmedPropertyOrPensionMonthsIsANonPointsApplicantWhateverItDeclared() {
    // 王强, 赵敏, 孙磊 of the seed's review: a year-old permit declared, no property, 0 pension months confirmed
    Applicant permit = mapConfirmed(answers("2019-05-01", false, "BACHELOR", "{\"public\": \"ks-huaqiao-primary\"}"),
        withVerdict(breakdown("30", "0", "0"), false));
    assertEquals("NON_POINTS", permit.category());
    assertFalse(permit.values().containsKey("points"), "not ranked by points");
    // a declared property the real-estate department did not confirm
    Applicant property = mapConfirmed(answers(null, true, "NONE", "{\"public\": \"ks-huaqiao-primary\"}"),
        withVerdict(breakdown("30", "0", "0"), false));
    assertEquals("NON_POINTS", property.category());
  }

  @Test
  void theConfirmedVerdictRanksAFamilyTheDeclarationAloneWouldNot() {
    Applicant a = mapConfirmed(answers(null, false, "NONE", "{\"public\": \"ks-huaqiao-primary\"}"),
        withVerdict(breakdown("30", "10", "0"), true));
    assertEquals("POINTS", a.category());
  }

  @Test
  void aReviewedPointsApplicantWithoutConfirmedPointsIsRefusedRatherThanRankedWithZero() {
    JsonObject answers = answers(null, true, "MASTER", "{\"public\": \"ks-huaqiao-primary\"}");
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> procedure.applicant(new ApplicationFacts("k1", answers, "hq", "PRIMARY", true, 2024,
            KunshanReferenceData.demo().schools())));
    assertTrue(refused.getMessage().contains("confirmed points"), refused.getMessage());
  }

  @Test
  void anItemWithoutAValueCountsZeroForItsTieBreakAsItDoesInTheTotal() {
    JsonObject pendingProperty = Json.createObjectBuilder(breakdown("20", "0", "null")).build();
    Applicant a = mapConfirmed(answers(null, true, "NONE", "{\"public\": \"ks-huaqiao-primary\"}"), pendingProperty);
    assertEquals(RankingValue.amount("0.00"), a.values().get("property"));
    assertEquals(RankingValue.amount("20.00"), a.values().get("points"));
  }

  @Test
  void aPermitYoungerThanAYearWithoutPropertyMakesANonPointsApplicantWithoutPoints() {
    Applicant a = map(answers("2023-06-01", false, "DOCTOR", "{\"public\": \"ks-huaqiao-primary\"}"), true).orElseThrow();
    assertEquals("NON_POINTS", a.category());
    assertFalse(a.values().containsKey("points"));
  }

  @Test
  void anApplicantWhoseReviewIsNotCompleteCarriesNoPoints() {
    Applicant a = map(answers(null, true, "MASTER", "{\"public\": \"ks-huaqiao-primary\"}"), false).orElseThrow();
    assertEquals("POINTS", a.category(), "a residential property makes a points applicant");
    assertFalse(a.reviewComplete());
    assertFalse(a.values().containsKey("points"));
  }

  @Test
  void privateChoicesAreKeptUnlessPhaseTwoIsGivenUpAndUnknownSchoolsAreDropped() {
    Applicant a = map(answers(null, true, "NONE", "{\"public\": \"no-such-school\", \"private1\": \"ks-kangqiao\","
        + " \"private2\": \"ks-yangcheng\", \"private2GiveUp\": true}"), true).orElseThrow();
    assertEquals(List.of("ks-kangqiao"), a.choicesIn("PRIVATE_1"));
    assertTrue(a.choicesIn("PRIVATE_2").isEmpty());
    assertTrue(a.choicesIn("PUBLIC").isEmpty());
    assertEquals("hq", a.districtCode());
  }

  @Test
  void anApplicationWithoutAnyKnownSchoolTakesNoPart() {
    assertTrue(map(answers(null, true, "NONE", "{}"), true).isEmpty());
  }

  @Test
  void theRuleSetVersionIsTheYearsPointsRuleSet() {
    assertEquals("kunshan-2024-default", procedure.ruleSetVersion(2024));
  }
}
