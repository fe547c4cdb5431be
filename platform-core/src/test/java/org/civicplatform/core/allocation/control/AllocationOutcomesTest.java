package org.civicplatform.core.allocation.control;

import org.civicplatform.spi.json.Jsons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.civicplatform.core.schools.control.PublishedOutcomes;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.allocation.AllocationProcedure.Phase;
import org.civicplatform.spi.allocation.Outcome;
import org.junit.jupiter.api.Test;

class AllocationOutcomesTest {

  static final List<Phase> PHASES = List.of(
      new Phase("PRIVATE_1", LocalizedText.of("第一阶段民办", "Private one"), false),
      new Phase("PUBLIC", LocalizedText.of("公办", "Public"), true),
      new Phase("SECOND_ROUND", LocalizedText.of("二次填报", "Second round"), true));

  static final String RESULT = """
      {"applicant":"k1","outcomes":[
        {"phase":"PRIVATE_1","outcome":"NOT_PLACED","school":"ks-private","explanation":{"rule":"lottery","text":{"zh":"未中签","en":"Not drawn"}}},
        {"phase":"PUBLIC","outcome":"SECOND_ROUND_ELIGIBLE","school":"ks-public","explanation":{"rule":"points","text":{"zh":"学校已满","en":"Full"}}}]}""";

  @Test
  void aRunStoppedAfterThePublicPhasePublishesOnlyThePhasesUpToIt() {
    PublishedOutcomes.Published p = AllocationOutcomes.published(PHASES, "PUBLIC", Jsons.object(RESULT));
    assertEquals(java.util.Set.of("PRIVATE_1", "PUBLIC"), p.phases());
  }

  @Test
  void eachPhaseGetsTheApplicantsOutcomeOfThatPhase() {
    PublishedOutcomes.Published p = AllocationOutcomes.published(PHASES, null, Jsons.object(RESULT));
    assertEquals(3, p.phases().size());
    assertInstanceOf(Outcome.NotPlaced.class, p.outcomes().get("PRIVATE_1"));
    Outcome second = p.outcomes().get("PUBLIC");
    assertInstanceOf(Outcome.SecondRoundEligible.class, second);
    assertEquals("ks-public", second.schoolCode());
    assertEquals("学校已满", second.explanation().text().zh());
  }
}
