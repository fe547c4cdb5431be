package org.civicplatform.core.schools.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.reference.School;
import org.junit.jupiter.api.Test;

class ZoneMatcherTest {

  private final List<School> schools = List.of(
      pub("muxi", "lj", "PRIMARY", "慕溪", "菉溪路"),
      pub("west", "lj", "PRIMARY", "陆家镇"),
      pub("shage", "lj", "PRIMARY", "合丰"),
      pub("heping", "lj", "PRIMARY", "合丰"),
      pub("middle", "lj", "JUNIOR", "陆家镇"),
      new School("private", LocalizedText.of("p", "p"), "lj", false, Map.of("PRIMARY", 10), List.of("陆家镇")));

  @Test
  void theMostSpecificPatternIsRecommended() {
    var matches = ZoneMatcher.matches(schools, "PRIMARY", "江苏省昆山市陆家镇菉溪路12号3幢201室");
    assertEquals(List.of("muxi", "west"), matches.stream().map(ZoneMatcher.Match::school).toList());
    assertEquals(List.of("muxi"), ZoneMatcher.recommended(matches).stream().map(ZoneMatcher.Match::school).toList());
  }

  @Test
  void equallySpecificMatchesAreAllRecommendedForTheParentToChoose() {
    var best = ZoneMatcher.recommended(ZoneMatcher.matches(schools, "PRIMARY", "陆家镇合丰路8号"));
    assertEquals(List.of("heping", "shage"), best.stream().map(ZoneMatcher.Match::school).toList());
  }

  @Test
  void onlyPublicSchoolsOfTheChildsStageAreMatched() {
    var matches = ZoneMatcher.matches(schools, "JUNIOR", "陆家镇友谊路1号");
    assertEquals(List.of("middle"), matches.stream().map(ZoneMatcher.Match::school).toList());
  }

  @Test
  void anAddressOutsideEveryZoneMatchesNothing() {
    assertTrue(ZoneMatcher.matches(schools, "PRIMARY", "周庄镇全福路1号").isEmpty());
    assertTrue(ZoneMatcher.recommended(List.of()).isEmpty());
  }

  static School pub(String code, String district, String stage, String... zone) {
    return new School(code, LocalizedText.of(code, code), district, true, Map.of(stage, 100), List.of(zone));
  }
}
