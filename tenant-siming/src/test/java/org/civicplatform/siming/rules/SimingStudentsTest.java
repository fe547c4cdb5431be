package org.civicplatform.siming.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.civicplatform.spi.rules.FieldError;
import org.junit.jupiter.api.Test;

class SimingStudentsTest {

  static final String OLD_ENOUGH = "350203201803151234"; // 2018-03-15
  static final String TWIN = "350203201803151429"; // 2018-03-15
  static final String TOO_YOUNG = "350203201809011232"; // 2018-09-01, one day after the 2024 cut-off

  static JsonObject students(String... entries) {
    return Json.createReader(new StringReader("{\"student\": [" + String.join(",", entries) + "]}")).readObject();
  }

  static String entry(String id, String name, String kind) {
    return "{\"idNumber\": \"" + id + "\", \"name\": \"" + name + "\", \"householdType\": \"" + kind + "\"}";
  }

  @Test
  void twinsOfOneHouseholdKindPass() {
    assertEquals(List.of(), SimingStudents.check(students(entry(OLD_ENOUGH, "陈思远", "NON_COLLECTIVE"),
        entry(TWIN, "陈思琪", "NON_COLLECTIVE")), 2024));
  }

  @Test
  void aChildBornAfterThe31AugustCutOffGetsTheSeedsMessage() {
    List<FieldError> errors = SimingStudents.check(students(entry(OLD_ENOUGH, "陈思远", "NON_COLLECTIVE"),
        entry(TOO_YOUNG, "陈小鹭", "NON_COLLECTIVE")), 2024);
    assertEquals(1, errors.size(), errors.toString());
    assertEquals("students.student[1].idNumber", errors.get(0).field());
    assertTrue(errors.get(0).message().zh().startsWith("您注册的学生陈小鹭不符合户籍资格，请重新填写"), errors.toString());
  }

  @Test
  void childrenOfDifferentHouseholdKindsAreRefusedNamingTheSecond() {
    List<FieldError> errors = SimingStudents.check(students(entry(OLD_ENOUGH, "陈思远", "NON_COLLECTIVE"),
        entry(TWIN, "陈思琪", "COLLECTIVE")), 2024);
    assertEquals(1, errors.size(), errors.toString());
    assertEquals("students.student[1].householdType", errors.get(0).field());
  }

  @Test
  void theSameIdNumberTwiceIsRefused() {
    List<FieldError> errors = SimingStudents.check(students(entry(OLD_ENOUGH, "陈思远", "NON_COLLECTIVE"),
        entry(OLD_ENOUGH, "陈思远", "NON_COLLECTIVE")), 2024);
    assertEquals("students.student[1].idNumber", errors.get(0).field());
  }
}
