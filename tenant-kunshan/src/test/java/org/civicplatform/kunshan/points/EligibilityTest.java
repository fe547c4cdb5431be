package org.civicplatform.kunshan.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 积分生 or not from confirmed values (kunshan-rules.md, Eligibility), default 2024 rules: cut-off, 1 year, 12 months. */
class EligibilityTest {

  static final RuleSet RULES = RuleSet.default2024();
  static final LocalDate HELD_A_YEAR = RULES.residencePermitIssuedBy();

  @Test
  void aConfirmedPropertyIsEnoughOnItsOwn() {
    JsonObject v = KunshanPointsRules.eligibility(RULES, LocalDate.of(2010, 1, 1), Optional.empty(), 0, true);
    assertTrue(v.getBoolean("pointsApplicant"));
    assertTrue(v.getBoolean("decided"));
  }

  @Test
  void aPermitHeldAYearNeedsTwelvePensionMonthsToo() {
    assertFalse(KunshanPointsRules.eligibility(RULES, null, Optional.of(HELD_A_YEAR), 11, true).getBoolean("pointsApplicant"));
    JsonObject twelve = KunshanPointsRules.eligibility(RULES, null, Optional.of(HELD_A_YEAR), 12, true);
    assertTrue(twelve.getBoolean("pointsApplicant"));
    assertTrue(twelve.getJsonObject("reason").getString("zh").contains("12个月"), twelve.toString());
  }

  @Test
  void aPermitYoungerThanAYearOrNoneConfirmedIsNotEnoughWhateverThePensionMonths() {
    JsonObject young = KunshanPointsRules.eligibility(RULES, null, Optional.of(HELD_A_YEAR.plusDays(1)), 120, true);
    assertFalse(young.getBoolean("pointsApplicant"));
    assertTrue(young.getJsonObject("reason").getString("zh").contains("居住证未满"), young.toString());
    JsonObject none = KunshanPointsRules.eligibility(RULES, null, Optional.of(LocalDate.MAX), 120, true);
    assertFalse(none.getBoolean("pointsApplicant"));
    assertTrue(none.isNull("residencePermitIssuedOn"));
  }

  @Test
  void withoutPublicSecuritysDecisionTheVerdictIsNotDecidedYet() {
    JsonObject open = KunshanPointsRules.eligibility(RULES, null, Optional.empty(), 36, true);
    assertFalse(open.getBoolean("decided"));
    assertEquals(36, open.getInt("pensionMonths"));
    assertFalse(KunshanPointsRules.eligibility(RULES, null, Optional.of(HELD_A_YEAR), 0, false).getBoolean("decided"),
        "the months still open");
  }
}
