package org.civicplatform.core.applications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerPathsTest {

  static final JsonObject TWINS = Json.createReader(new StringReader("""
      {"students": {"student": [{"idNumber": "A1", "name": "陈一"}, {"name": "无号"}, {"idNumber": "A3"}]},
       "guardians": {"guardian1": {"idNumber": "G1"}}}""")).readObject();

  @Test
  void aListSectionGivesEveryEntrysValueNamedByItsIndex() {
    assertEquals(List.of(new AnswerPaths.Found("students.student[0].idNumber", "A1"),
            new AnswerPaths.Found("students.student[2].idNumber", "A3")),
        AnswerPaths.values(TWINS, "students.student[].idNumber"));
  }

  @Test
  void aPlainPathGivesItsOneValueAndAMissingOneNothing() {
    assertEquals(List.of(new AnswerPaths.Found("guardians.guardian1.idNumber", "G1")),
        AnswerPaths.values(TWINS, "guardians.guardian1.idNumber"));
    assertEquals(List.of(), AnswerPaths.values(TWINS, "guardians.guardian2.idNumber"));
    assertEquals(List.of(), AnswerPaths.values(TWINS, "students.student.idNumber"), "a list is not an object");
  }

  @Test
  void theContainmentDocumentOfAListPathWrapsTheEntryInAnArray() {
    assertEquals("{\"students\":{\"student\":[{\"idNumber\":\"A1\"}]}}", AnswerPaths.containing("students.student[].idNumber", "A1"));
    assertEquals("{\"guardians\":{\"guardian1\":{\"idNumber\":\"G1\"}}}", AnswerPaths.containing("guardians.guardian1.idNumber", "G1"));
  }

  @Test
  void quotesAndBackslashesInTheSearchTextStayText() {
    assertEquals("{\"a\":{\"b\":{\"c\":\"x\\\"}\\\\\"}}}", AnswerPaths.containing("a.b.c", "x\"}\\"));
  }
}
