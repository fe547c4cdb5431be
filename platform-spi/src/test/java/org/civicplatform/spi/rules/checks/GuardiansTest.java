package org.civicplatform.spi.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.civicplatform.spi.rules.FieldError;
import org.junit.jupiter.api.Test;

class GuardiansTest {

  static final String CHILD = "320583201803150012";
  static final String FATHER = "320583198805200016";
  static final String MOTHER = "32058319900101002X";

  static JsonObject guardian(String relation, String id) {
    var b = Json.createObjectBuilder().add("relation", relation);
    if (id != null) {
      b.add("idNumber", id);
    }
    return b.build();
  }

  static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }

  @Test
  void aFatherAndAMotherWithTheirOwnNumbersPass() {
    assertEquals(List.of(), Guardians.check("family", guardian("FATHER", FATHER), guardian("MOTHER", MOTHER), List.of(CHILD)));
  }

  @Test
  void guardianTwoWithGuardianOnesNumberIsRefusedOnGuardianTwo() {
    List<FieldError> errors = Guardians.check("family", guardian("FATHER", FATHER), guardian("MOTHER", " " + FATHER.toLowerCase()),
        List.of(CHILD));
    assertEquals(List.of("family.guardian2.idNumber"), fields(errors));
    assertTrue(errors.get(0).message().zh().contains("同"), errors.toString());
  }

  @Test
  void twoFathersOrTwoMothersAreRefusedButTwoOtherGuardiansAreNot() {
    assertEquals(List.of("guardians.guardian2.relation"),
        fields(Guardians.check("guardians", guardian("FATHER", FATHER), guardian("FATHER", MOTHER), List.of())));
    assertEquals(List.of("guardians.guardian2.relation"),
        fields(Guardians.check("guardians", guardian("MOTHER", FATHER), guardian("MOTHER", MOTHER), List.of())));
    assertEquals(List.of(), Guardians.check("guardians", guardian("OTHER", FATHER), guardian("OTHER", MOTHER), List.of()));
  }

  @Test
  void aGuardianWithAChildsNumberIsRefused() {
    assertEquals(List.of("family.guardian1.idNumber"),
        fields(Guardians.check("family", guardian("FATHER", CHILD), guardian("NONE", null), List.of(CHILD))));
    assertEquals(List.of("guardians.guardian2.idNumber"),
        fields(Guardians.check("guardians", guardian("FATHER", FATHER), guardian("MOTHER", CHILD), List.of("x", CHILD))));
  }

  @Test
  void aSingleParentsEmptyOrNoneGuardianTwoIsNeverCompared() {
    assertEquals(List.of(), Guardians.check("family", guardian("FATHER", FATHER), guardian("NONE", FATHER), List.of(CHILD)));
    assertEquals(List.of(), Guardians.check("family", guardian("FATHER", FATHER), null, List.of(CHILD)));
    assertEquals(List.of(), Guardians.check("family", null, null, List.of()));
  }
}
