package org.civicplatform.core.registry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import org.civicplatform.spi.registry.InsuranceRecord;
import org.civicplatform.spi.rules.checks.IdNumbers;
import org.junit.jupiter.api.Test;

class InsuranceFixturesTest {

  final RegistryFixtures fixtures = new RegistryFixtures();

  @Test
  void theSeedSubjectHas36RecentAnd8EarlierMonthsOfEveryType() {
    InsuranceRecord record = fixtures.insurance("320583198503150019");
    assertEquals(InsuranceRecord.Status.FOUND, record.status());
    for (String type : new String[] {"pension", "medical", "unemployment", "injury", "maternity"}) {
      assertEquals(36, record.months(type, YearMonth.of(2021, 4), YearMonth.of(2024, 3)), type);
      assertEquals(8, record.months(type, YearMonth.of(2014, 4), YearMonth.of(2021, 3)), type);
    }
  }

  @Test
  void eachProblemOfTheSeedHasAFixturePersonAndAnUnknownPersonIsNotFound() {
    assertEquals(InsuranceRecord.Status.SEVERAL_NUMBERS, fixtures.insurance("320583198201010037").status());
    assertEquals("MEDICAL", fixtures.insurance("32058319830202004x").fund(), "a lower-case x is the same number");
    assertEquals(InsuranceRecord.Status.NOT_NORMAL, fixtures.insurance("320583198403030052").status());
    assertEquals(InsuranceRecord.Status.NOT_FOUND, fixtures.insurance("110101199001010015").status());
  }

  @Test
  void everyKunshanFixtureIdNumberIsValid() {
    for (String id : new String[] {"320583198503150019", "320583198706200020", "320583198201010037",
        "32058319830202004X", "320583198403030052", "320583198604040062", "320583198805050072",
        "320583198107070092"}) {
      assertTrue(IdNumbers.isValid(id), id);
    }
  }
}
