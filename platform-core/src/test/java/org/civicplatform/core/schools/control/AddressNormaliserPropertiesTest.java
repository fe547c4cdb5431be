package org.civicplatform.core.schools.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.reference.School;

class AddressNormaliserPropertiesTest {

  /** Addresses as parents write them: a town, a road, a number, a building and a room. */
  @Provide
  Arbitrary<String> addresses() {
    Arbitrary<String> town = Arbitraries.of("陆家镇", "花桥镇", "张浦镇", "玉山镇", "周市镇", "千灯镇");
    Arbitrary<String> road = Arbitraries.of("菉溪路", "友谊路", "亭林路", "人民路", "前进西路", "柏庐南路");
    Arbitrary<Integer> number = Arbitraries.integers().between(1, 999);
    Arbitrary<Integer> building = Arbitraries.integers().between(1, 60);
    Arbitrary<Integer> room = Arbitraries.integers().between(101, 3208);
    return Combinators.combine(town, road, number, building, room)
        .as((t, r, n, b, m) -> t + r + n + "号" + b + "幢" + m);
  }

  @Property
  void normalisingTwiceChangesNothing(@ForAll("addresses") String address, @ForAll("variants") Variant variant) {
    String once = AddressNormaliser.normalise(variant.apply(address));
    assertEquals(once, AddressNormaliser.normalise(once));
  }

  @Property
  void everyWayOfWritingTheSameAddressNormalisesAlike(
      @ForAll("addresses") String address, @ForAll("variants") Variant variant) {
    assertEquals(AddressNormaliser.normalise(address), AddressNormaliser.normalise(variant.apply(address)));
  }

  @Property
  void theSameSchoolIsRecommendedHoweverTheAddressIsWritten(
      @ForAll("addresses") String address, @ForAll("variants") Variant variant) {
    List<School> schools = List.of(
        school("a", "菉溪路"), school("b", "陆家镇"), school("c", "亭林路"), school("d", "花桥镇"), school("e", "张浦镇"));
    assertEquals(ZoneMatcher.matches(schools, "PRIMARY", address),
        ZoneMatcher.matches(schools, "PRIMARY", variant.apply(address)));
  }

  @Property
  void aZonePatternWrittenInFullWidthStillMatches(@ForAll("addresses") String address) {
    String road = address.replaceAll("^.{3}(.+?路).*$", "$1");
    List<School> schools = List.of(school("x", toFullWidth(" " + road + " ")));
    assertTrue(ZoneMatcher.matches(schools, "PRIMARY", address).stream().anyMatch(m -> m.school().equals("x")));
  }

  /** A way a parent may write an address differently without changing it. */
  interface Variant {
    String apply(String address);
  }

  @Provide
  Arbitrary<Variant> variants() {
    Arbitrary<Variant> single = Arbitraries.of(
        a -> "江苏省苏州市昆山市" + a,
        a -> "江苏省 昆山市 " + a,
        a -> "昆山" + a,
        AddressNormaliserPropertiesTest::toFullWidth,
        a -> a.replace("幢", "栋"),
        a -> a.replace("幢", "号楼"),
        a -> a + "室",
        a -> String.join(" ", a.split("")),
        a -> a.replace("号", "號"),
        a -> "\u3000" + a + "\t");
    return single.list().ofMinSize(1).ofMaxSize(4).map(list -> a -> {
      String out = a;
      // room and building variants only make sense once and at the right place: apply in a fixed order
      for (Variant v : list) {
        out = v.apply(out);
      }
      return out;
    });
  }

  static String toFullWidth(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c == ' ' ? '\u3000' : c);
    }
    return out.toString();
  }

  static School school(String code, String... zone) {
    return new School(code, LocalizedText.of(code, code), "d", true, Map.of("PRIMARY", 10), List.of(zone));
  }
}
