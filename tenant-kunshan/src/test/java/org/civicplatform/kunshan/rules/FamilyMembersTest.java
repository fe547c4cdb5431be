package org.civicplatform.kunshan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.civicplatform.spi.rules.FieldError;
import org.civicplatform.spi.rules.checks.IdNumbers;
import org.junit.jupiter.api.Test;

/** Seed 000 §3.5 新增家庭成员: siblings under 18, not twice, and their home only when solely theirs. */
class FamilyMembersTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  static final String STUDENT = id("32058320180301001");
  static final String FATHER = id("32058319850615001");
  static final String SISTER = id("32058320120505002"); // 14
  static final String BROTHER = id("32058320070101001"); // 19

  /** A valid mainland ID number from its first 17 characters. */
  static String id(String first17) {
    return first17 + IdNumbers.checkCharacter(first17);
  }

  static JsonObject json(String text) {
    return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
  }

  static List<String> refused(String housing) {
    JsonObject application = json("{'family': {'student': {'idNumber': '" + STUDENT + "'}, 'guardian1': {'idNumber': '"
        + FATHER + "'}}}");
    return KunshanRules.members(json(housing), application, TODAY).stream().map(FieldError::field).toList();
  }

  static String member(String idNumber) {
    return "{'relation': 'SIBLING', 'name': '王小妹', 'idType': 'MAINLAND_ID', 'idNumber': '" + idNumber + "'}";
  }

  @Test
  void aSiblingUnder18IsAccepted() {
    assertEquals(List.of(), refused("{'members': [" + member(SISTER) + "]}"));
  }

  @Test
  void aMemberOf18OrMoreIsRefused() {
    assertEquals(List.of("housing.members[0].idNumber"), refused("{'members': [" + member(BROTHER) + "]}"));
  }

  @Test
  void someoneAlreadyInTheFamilyIsNotAddedAgain() {
    assertEquals(List.of("housing.members[0].idNumber", "housing.members[2].idNumber"),
        refused("{'members': [" + member(STUDENT) + ", " + member(SISTER) + ", " + member(SISTER) + "]}"));
  }

  @Test
  void aSiblingsHomeCountsOnlyWhenTheSiblingOwnsItAlone() {
    String owned = "'property': {'hasProperty': true, 'owner': 'members1', 'soleOwner': %s}";
    assertEquals(List.of("housing.property.soleOwner"),
        refused("{" + owned.formatted("false") + ", 'members': [" + member(SISTER) + "]}"));
    assertEquals(List.of(), refused("{" + owned.formatted("true") + ", 'members': [" + member(SISTER) + "]}"));
  }
}
