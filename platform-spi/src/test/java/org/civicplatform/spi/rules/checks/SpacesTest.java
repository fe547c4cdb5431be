package org.civicplatform.spi.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SpacesTest {

  @Test
  void removesTheSpaceInsideAName() {
    assertEquals("王明", Spaces.strip("王 明"));
  }

  @Test
  void removesTheIdeographicSpace() {
    assertEquals("王明", Spaces.strip("王\u3000明"));
  }

  @Test
  void removesSpacesInsideACertificateNumber() {
    assertEquals("114601200605000690", Spaces.strip("1146 0120 0605 0006 90"));
  }

  @Test
  void removesTabsLineBreaksNoBreakAndZeroWidthSpaces() {
    assertEquals("abcdefg", Spaces.strip("a\tb\nc\u00A0d\u200Be\uFEFFf\u202Fg"));
  }

  @Test
  void keepsTheMiddleDotOfTransliteratedNames() {
    assertEquals("阿卜杜拉·艾则孜", Spaces.strip("阿卜杜拉 · 艾则孜"));
  }

  @Test
  void leavesNullAsNull() {
    assertNull(Spaces.strip(null));
    assertFalse(Spaces.containsAny(null));
  }

  @Test
  void tellsWhetherATextHoldsSpaces() {
    assertTrue(Spaces.containsAny("王\u3000明"));
    assertFalse(Spaces.containsAny("王明"));
  }

  @Property
  void leavesNoSpaceBehind(@ForAll String text) {
    assertFalse(Spaces.containsAny(Spaces.strip(text)));
  }

  @Property
  void isIdempotent(@ForAll String text) {
    assertEquals(Spaces.strip(text), Spaces.strip(Spaces.strip(text)));
  }
}
