package org.civicplatform.kunshan.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.civicplatform.kunshan.reference.KunshanReferenceData;
import org.civicplatform.spi.allocation.Applicant;
import org.civicplatform.spi.allocation.ApplicationFacts;
import org.civicplatform.spi.allocation.RankingValue;
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

  Optional<Applicant> map(JsonObject answers, boolean reviewed) {
    return procedure.applicant(new ApplicationFacts("k1", answers, "hq", "PRIMARY", reviewed, 2024,
        KunshanReferenceData.demo().schools()));
  }

  @Test
  void aReviewedApplicantWithAYearOldResidencePermitIsRankedByThePointsItsAnswersEarn() {
    Applicant a = map(answers("2019-05-01", false, "BACHELOR", "{\"public\": \"ks-lujia-muxi\"}"), true).orElseThrow();
    assertEquals("POINTS", a.category());
    assertEquals(RankingValue.amount("30.00"), a.values().get("points"), "本科 10 (above 四级 5) + 遵规守法 20");
    assertEquals(RankingValue.day(java.time.LocalDate.parse("2019-05-01")), a.values().get("permitIssuedOn"));
    assertEquals(List.of("ks-lujia-muxi"), a.choicesIn("PUBLIC"));
    assertEquals("lj", a.districtCode(), "ranked in the district of the public choice");
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
