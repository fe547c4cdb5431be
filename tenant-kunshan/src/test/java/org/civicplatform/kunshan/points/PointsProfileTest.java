package org.civicplatform.kunshan.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PointsProfileTest {

  @Test
  void readsAnUnansweredLawAbidingCheckAsPending() {
    assertTrue(PointsProfile.empty().withLawAbiding(null).isPending(PointsItem.LAW_ABIDING));
  }

  @Test
  void stopsBeingPendingOnceTheLawAbidingCheckAnswers() {
    PointsProfile answered = PointsProfile.empty().withLawAbiding(null).withLawAbiding(false);
    assertFalse(answered.isPending(PointsItem.LAW_ABIDING));
  }

  @Test
  void refusesToMarkAHighestOfIndicatorPendingDirectly() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PointsProfile.empty().withPending(PointsItem.TITLE_OR_EDUCATION));
    assertThrows(
        IllegalArgumentException.class,
        () -> PointsProfile.empty().withPending(PointsItem.HONOURS));
  }

  @Test
  void readsAbsentValuesAsNone() {
    PointsProfile profile = new PointsProfile(null, null, null, null, null, null, true, null);
    assertEquals(Education.NONE, profile.education());
    assertEquals(VocationalLevel.NONE, profile.vocationalLevel());
    assertEquals(TitleLevel.NONE, profile.titleLevel());
    assertEquals(InsuranceMonths.NONE, profile.insuranceMonths());
    assertTrue(profile.honours().isEmpty());
    assertTrue(profile.pending().isEmpty());
  }
}
