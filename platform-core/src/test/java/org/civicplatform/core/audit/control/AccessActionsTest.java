package org.civicplatform.core.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccessActionsTest {

  @Test
  void theSameReaderAlwaysHasTheSamePseudonym() {
    assertEquals(AccessActions.pseudonym("3f1c0d9e-0000-4000-8000-000000000001"),
        AccessActions.pseudonym("3f1c0d9e-0000-4000-8000-000000000001"));
  }

  @Test
  void differentReadersHaveDifferentPseudonymsThatRevealNothingOfTheId() {
    String a = AccessActions.pseudonym("3f1c0d9e-0000-4000-8000-000000000001");
    String b = AccessActions.pseudonym("3f1c0d9e-0000-4000-8000-000000000002");
    assertNotEquals(a, b);
    assertTrue(a.matches("[0-9A-F]{6}"), a);
    assertTrue(!"3f1c0d9e-0000-4000-8000-000000000001".toUpperCase().contains(a));
  }

  @Test
  void aReadOfTheApplicationIsNamedInChineseAndEnglish() {
    assertEquals("查阅报名信息", AccessActions.action("application.read").zh());
    assertEquals("Read the application", AccessActions.action("application.read").en());
  }

  @Test
  void anActionWithoutALabelIsShownByItsCodeNotHidden() {
    assertEquals("allocation.publish", AccessActions.action("allocation.publish").zh());
  }

  @Test
  void anUnknownRoleIsShownAsOtherStaff() {
    assertEquals("其他人员", AccessActions.role(null).zh());
    assertEquals("审核人员", AccessActions.role("reviewer").zh());
  }
}
