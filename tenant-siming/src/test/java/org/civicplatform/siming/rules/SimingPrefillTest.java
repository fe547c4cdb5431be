package org.civicplatform.siming.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.civicplatform.spi.registry.HouseholdPerson;
import org.civicplatform.spi.registry.HouseholdRegistry;
import org.civicplatform.spi.registry.RealEstateRegistry;
import org.civicplatform.spi.registry.Registries;
import org.civicplatform.spi.rules.ApplicationRules.Prefill;
import org.junit.jupiter.api.Test;

class SimingPrefillTest {

  static final String CHILD = "350203201803151234";
  static final String FATHER = "350203198605120133";
  static final String MOTHER = "35020319880920024X";
  static final String ADDRESS = "厦门市思明区莲前街道莲龙社区莲前西路100号1201室";

  static Registries registries(Map<String, HouseholdPerson> people) {
    return new Registries() {
      @Override
      public HouseholdRegistry household() {
        return id -> Optional.ofNullable(people.get(id));
      }

      @Override
      public RealEstateRegistry realEstate() {
        return n -> Optional.empty();
      }
    };
  }

  static HouseholdPerson child(String kind, String address, String father, String mother) {
    return new HouseholdPerson(CHILD, "陈思远", LocalDate.of(2018, 3, 15), "M", address, kind, father, mother, "CHEN SI YUAN");
  }

  static Map<String, HouseholdPerson> family(HouseholdPerson child) {
    return Map.of(CHILD, child,
        FATHER, new HouseholdPerson(FATHER, "陈建国", LocalDate.of(1986, 5, 12), "M", ADDRESS, "FAMILY", null, null),
        MOTHER, new HouseholdPerson(MOTHER, "林美华", LocalDate.of(1988, 9, 20), "F", ADDRESS, "FAMILY", null, null));
  }

  @Test
  void aSimingChildIsFilledInWithTheRegisteredParentsAsGuardians() {
    Prefill prefill = SimingPrefill.of(CHILD, registries(family(child("FAMILY", ADDRESS, FATHER, MOTHER))));
    Map<String, String> v = prefill.values();
    assertEquals("陈思远", v.get("students.student.name"));
    assertEquals("2018-03-15", v.get("students.student.birthDate"));
    assertEquals("CHEN SI YUAN", v.get("students.student.pinyin"));
    assertEquals("M", v.get("students.student.gender"));
    assertEquals(ADDRESS, v.get("students.student.householdAddress"));
    assertEquals("lianqian", v.get("students.student.street"));
    assertEquals("莲龙社区", v.get("students.student.community"));
    assertEquals("FATHER", v.get("guardians.guardian1.relation"));
    assertEquals("陈建国", v.get("guardians.guardian1.name"));
    assertEquals(MOTHER, v.get("guardians.guardian2.idNumber"));
    assertEquals("林美华", v.get("guardians.guardian2.name"));
    assertNull(prefill.note());
  }

  @Test
  void onlyACollectiveHouseholdIsCollectiveEveryOtherKindIsNonCollective() {
    assertEquals("COLLECTIVE", SimingPrefill.of(CHILD, registries(family(child("COLLECTIVE", ADDRESS, FATHER, MOTHER))))
        .values().get("students.student.householdType"));
    for (String kind : new String[] {"FAMILY", "UNATTACHED", "CONSIGNED"}) {
      assertEquals("NON_COLLECTIVE", SimingPrefill.of(CHILD, registries(family(child(kind, ADDRESS, FATHER, MOTHER))))
          .values().get("students.student.householdType"), kind);
    }
  }

  @Test
  void aSingleRegisteredParentBecomesGuardianOne() {
    Map<String, String> v = SimingPrefill.of(CHILD, registries(family(child("FAMILY", ADDRESS, null, MOTHER)))).values();
    assertEquals("MOTHER", v.get("guardians.guardian1.relation"));
    assertEquals("林美华", v.get("guardians.guardian1.name"));
    assertFalse(v.containsKey("guardians.guardian2.relation"));
  }

  @Test
  void aHouseholdOutsideSimingIsNotFilledIn() {
    Prefill prefill = SimingPrefill.of(CHILD,
        registries(family(child("FAMILY", "厦门市湖里区江头街道江头社区", FATHER, MOTHER))));
    assertTrue(prefill.values().isEmpty());
    assertTrue(prefill.note().zh().contains("不在思明区"));
  }

  @Test
  void anUnknownIdNumberSaysTheIdentityCannotBeVerified() {
    Prefill prefill = SimingPrefill.of(CHILD, registries(Map.of()));
    assertTrue(prefill.values().isEmpty());
    assertTrue(prefill.note().zh().contains("无法网上登记"));
  }
}
