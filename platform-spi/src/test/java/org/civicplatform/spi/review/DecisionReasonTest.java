package org.civicplatform.spi.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionReasonTest {

  static final List<DecisionReason> REASONS = DecisionReason.defaults();

  @Test
  void theParentReadsTheChosenReasonFollowedByTheReviewersWords() {
    assertEquals("材料不全或不清晰：请上传清晰的房产证",
        DecisionReason.explain(REASONS, "MATERIALS", " 请上传清晰的房产证 ").zh());
  }

  @Test
  void aReasonWithoutFreeTextIsReadAlone() {
    assertEquals("Registered twice", DecisionReason.explain(REASONS, "DUPLICATE", null).en());
  }

  @Test
  void freeTextWithoutACodeIsReadAsWritten() {
    assertEquals("证件照片模糊", DecisionReason.explain(REASONS, null, "证件照片模糊").zh());
  }

  @Test
  void neitherCodeNorTextExplainsNothing() {
    assertNull(DecisionReason.explain(REASONS, null, " "));
  }

  @Test
  void aRejectOnlyReasonDoesNotGoWithAReturn() {
    DecisionReason notEligible = REASONS.stream().filter(r -> r.code().equals("NOT_ELIGIBLE")).findFirst().orElseThrow();
    assertTrue(notEligible.appliesTo("REJECT"));
    assertFalse(notEligible.appliesTo("RETURN"));
  }

  @Test
  void otherAlwaysNeedsTheReviewersWords() {
    assertTrue(DecisionReason.other().needsText());
  }
}
