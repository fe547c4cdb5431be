package org.civicplatform.siming.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicplatform.spi.registry.HouseholdPerson;
import org.civicplatform.spi.registry.HouseholdRegistry;
import org.civicplatform.spi.registry.PropertyRecord;
import org.civicplatform.spi.registry.RealEstateRegistry;
import org.civicplatform.spi.registry.Registries;
import org.civicplatform.spi.registry.RegistryUnavailable;
import org.civicplatform.spi.rules.CheckResult;
import org.civicplatform.spi.rules.CheckResult.Outcome;
import org.junit.jupiter.api.Test;

class SimingVerificationTest {

  static final String CHILD = "350203201803151234";
  static final String FATHER = "350203198605120133";
  static final String MOTHER = "35020319880920024X";
  static final String ADDRESS = "厦门市思明区莲前街道莲龙社区莲前西路100号1201室";

  static final Map<String, HouseholdPerson> PEOPLE = Map.of(CHILD,
      new HouseholdPerson(CHILD, "陈思远", LocalDate.of(2018, 3, 15), "M", ADDRESS, "FAMILY", FATHER, MOTHER));
  static final Map<String, PropertyRecord> HOMES = Map.of("XM2019012345",
      new PropertyRecord("XM2019012345", false, List.of(new PropertyRecord.Owner(FATHER, "陈建国", new BigDecimal("60")),
          new PropertyRecord.Owner(MOTHER, "林美华", new BigDecimal("40"))), LocalDate.of(2019, 6, 18), ADDRESS));

  static Registries registries(boolean up) {
    return new Registries() {
      @Override
      public HouseholdRegistry household() {
        return id -> {
          if (!up) throw new RegistryUnavailable("household", null);
          return Optional.ofNullable(PEOPLE.get(id));
        };
      }

      @Override
      public RealEstateRegistry realEstate() {
        return n -> Optional.ofNullable(HOMES.get(n));
      }
    };
  }

  static JsonObject application(String guardian1Id, String housingType, String certificate) {
    return Json.createReader(new StringReader("""
        {"students": {"student": [{"idNumber": "%s", "name": "陈思远", "birthDate": "2018-03-15", "gender": "M"}]},
         "guardians": {"guardian1": {"relation": "FATHER", "name": "陈建国", "idNumber": "%s", "phone": "13900000001"},
                       "guardian2": {"relation": "MOTHER", "name": "林美华", "idNumber": "%s"}},
         "housing": {"housing": {"type": "%s", "certificateNumber": "%s", "ownerName": "陈建国", "ownerIdNumber": "%s"}}}
        """.formatted(CHILD, guardian1Id, MOTHER, housingType, certificate, FATHER))).readObject();
  }

  @Test
  void aParentsPurchaseMatchingTheRegistriesPassesEveryItem() {
    List<CheckResult> results =
        SimingVerification.verify(application(FATHER, "PARENTS_PURCHASE", "xm2019012345-1"), registries(true));
    assertEquals(List.of("identity", "guardians", "property"), results.stream().map(CheckResult::item).toList());
    results.forEach(r -> assertEquals(Outcome.PASSED, r.outcome(), r.toString()));
    assertTrue(results.get(2).detail().zh().contains("与户籍地址一致"), results.get(2).detail().zh());
  }

  @Test
  void aGuardianWhoIsNotTheRegisteredFatherIsAnAnomalyNamingTheField() {
    CheckResult guardians =
        SimingVerification.verify(application("350203199008080916", "PARENTS_PURCHASE", "XM2019012345"), registries(true))
            .get(1);
    assertEquals(Outcome.ANOMALY, guardians.outcome());
    assertEquals(List.of("guardians.guardian1.idNumber"), guardians.fields());
    assertTrue(guardians.detail().zh().contains("父亲"), guardians.detail().zh());
  }

  @Test
  void anUnknownCertificateIsAnAnomalyAndARentalAwaitsManualReview() {
    assertEquals(Outcome.ANOMALY,
        SimingVerification.verify(application(FATHER, "PARENTS_PURCHASE", "XM0000000001"), registries(true)).get(2).outcome());
    assertEquals(Outcome.PENDING_REVIEW,
        SimingVerification.verify(application(FATHER, "PUBLIC_RENTAL", ""), registries(true)).get(2).outcome());
  }

  @Test
  void aMistypedNameFailsTheIdentityCheckWithTheReasonAndWhatToDo() {
    JsonObject mistyped = Json.createReader(new StringReader(application(FATHER, "PARENTS_PURCHASE", "XM2019012345").toString()
        .replace("陈思远", "陈思园"))).readObject();
    CheckResult identity = SimingVerification.verify(mistyped, registries(true)).get(0);
    assertEquals(Outcome.ANOMALY, identity.outcome());
    assertEquals(List.of("students.student[0].name"), identity.fields());
    assertTrue(identity.detail().zh().contains("陈思园") && identity.detail().zh().contains("陈思远"), identity.detail().zh());
    assertTrue(identity.detail().zh().contains("请确认报名姓名、身份证号是否准确"), identity.detail().zh());
    assertTrue(identity.detail().zh().contains("2684508"), identity.detail().zh());
    assertTrue(identity.detail().en().contains("Modify"), identity.detail().en());
  }

  @Test
  void anOutageConcludesNothing() {
    assertThrows(RegistryUnavailable.class,
        () -> SimingVerification.verify(application(FATHER, "PARENTS_PURCHASE", "XM2019012345"), registries(false)));
  }
}
