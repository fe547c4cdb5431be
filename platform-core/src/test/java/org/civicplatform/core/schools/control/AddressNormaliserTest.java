package org.civicplatform.core.schools.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AddressNormaliserTest {

  private static final String PLAIN = "陆家镇菉溪路88号3幢502";

  @Test
  void fullWidthDigitsAndLettersBecomeHalfWidth() {
    assertEquals("陆家镇菉溪路88号a区", AddressNormaliser.normalise("陆家镇菉溪路８８号Ａ区"));
  }

  @Test
  void spacesOfEveryKindAreRemoved() {
    assertEquals(PLAIN, AddressNormaliser.normalise(" 陆家镇 菉溪路\u300088号\t3幢 502 "));
  }

  @Test
  void provinceAndCityPrefixesAreDropped() {
    assertEquals(PLAIN, AddressNormaliser.normalise("江苏省苏州市昆山市陆家镇菉溪路88号3幢502"));
    assertEquals(PLAIN, AddressNormaliser.normalise("江苏昆山陆家镇菉溪路88号3幢502"));
    assertEquals(PLAIN, AddressNormaliser.normalise("昆山市陆家镇菉溪路88号3幢502"));
    assertEquals(PLAIN, AddressNormaliser.normalise("苏州市 昆山市 陆家镇菉溪路88号3幢502"));
  }

  @Test
  void buildingWordsAreWrittenAsZhuang() {
    assertEquals(PLAIN, AddressNormaliser.normalise("陆家镇菉溪路88号3栋502"));
    assertEquals(PLAIN, AddressNormaliser.normalise("陆家镇菉溪路88号3号楼502"));
    assertEquals(PLAIN, AddressNormaliser.normalise("陆家镇菉溪路88號3棟502"));
  }

  @Test
  void aRoomNumberLosesItsShi() {
    assertEquals(PLAIN, AddressNormaliser.normalise("陆家镇菉溪路88号3幢502室"));
  }

  @Test
  void aPrefixAloneIsKeptRatherThanEmptied() {
    assertEquals("昆山", AddressNormaliser.normalise("江苏省昆山"));
  }

  @Test
  void nothingIsEmpty() {
    assertEquals("", AddressNormaliser.normalise(null));
    assertEquals("", AddressNormaliser.normalise(" \u3000 "));
  }
}
