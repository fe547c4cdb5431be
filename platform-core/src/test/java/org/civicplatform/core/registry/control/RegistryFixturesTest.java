package org.civicplatform.core.registry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.civicplatform.spi.registry.RegistryUnavailable;
import org.civicplatform.spi.rules.checks.IdNumbers;
import org.junit.jupiter.api.Test;

class RegistryFixturesTest {

  final RegistryFixtures fixtures = new RegistryFixtures();

  @Test
  void theDemoChildIsFoundWithHerParents() {
    var child = fixtures.person("350203201803151429").orElseThrow();
    assertEquals("陈思琪", child.name());
    assertEquals(LocalDate.of(2018, 3, 15), child.birthDate());
    assertEquals("F", child.gender());
    assertEquals("350203198605120133", child.fatherIdNumber());
    assertEquals("35020319880920024X", child.motherIdNumber());
    assertTrue(fixtures.person("35020319880920024x").isPresent(), "a lower-case x is the same number");
    assertTrue(fixtures.person("110101201001010016").isEmpty());
  }

  @Test
  void everyFixtureIdNumberIsAValidNumberMatchingBirthDateAndGender() {
    for (String id : new String[] {"350203201803151234", "350203201803151429", "350203198605120133",
        "35020319880920024X", "35020320171102051X", "350203198501010351", "350203198707070464",
        "350203201806010621", "350203198402110779", "350203198903030881", "350203199008080916"}) {
      var person = fixtures.person(id).orElseThrow(() -> new AssertionError(id));
      assertTrue(IdNumbers.isValid(id), id);
      assertEquals(IdNumbers.birthDate(id).orElseThrow(), person.birthDate(), id);
      assertEquals(IdNumbers.gender(id).orElseThrow().name().substring(0, 1), person.gender(), id);
    }
  }

  @Test
  void propertiesByCertificateOrContract() {
    var home = fixtures.property("xm2019012345").orElseThrow();
    assertEquals(new BigDecimal("60"), home.owner("350203198605120133").orElseThrow().sharePercent());
    assertTrue(fixtures.property("HT2023000456").orElseThrow().contract());
    assertTrue(fixtures.property("XM0000000000").isEmpty());
  }

  @Test
  void theFailureRateIsDeterministic() {
    SimulatedConditions conditions = new SimulatedConditions();
    conditions.set(1.0, 0);
    assertThrows(RegistryUnavailable.class, () -> conditions.call("household"));
    conditions.set(0.5, 0);
    int failed = 0;
    for (int i = 0; i < 100; i++) {
      try {
        conditions.call("household");
      } catch (RegistryUnavailable e) {
        failed++;
      }
    }
    assertEquals(50, failed);
    conditions.set(0.0, 0);
    conditions.call("household");
  }
}
