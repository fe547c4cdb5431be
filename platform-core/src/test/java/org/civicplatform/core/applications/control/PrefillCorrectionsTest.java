package org.civicplatform.core.applications.control;

import static org.civicplatform.spi.form.FieldType.CHOICE;
import static org.civicplatform.spi.form.FieldType.ID_NUMBER;
import static org.civicplatform.spi.form.FieldType.TEXT;
import static org.civicplatform.spi.form.FormField.optional;
import static org.civicplatform.spi.form.FormField.required;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.form.FormDefinition;
import org.civicplatform.spi.form.FormSection;
import org.civicplatform.spi.form.FormStep;
import org.junit.jupiter.api.Test;

class PrefillCorrectionsTest {

  static final String A = "350203201803151234";
  static final String B = "350203201803151429";

  static final FormDefinition FORM = new FormDefinition(List.of(
      new FormStep("students", LocalizedText.of("学生", "Students"), List.of(
          FormSection.of("student", LocalizedText.of("学生", "Student"),
                  required("idNumber", "身份证号", "ID", ID_NUMBER),
                  required("name", "姓名", "Name", TEXT).prefillFromRegistry(),
                  optional("pinyin", "拼音", "Pinyin", TEXT).prefillFromRegistry())
              .repeatable(4)), List.of()),
      new FormStep("guardians", LocalizedText.of("监护人", "Guardians"), List.of(
          FormSection.of("guardian1", LocalizedText.of("监护人一", "Guardian one"),
              required("relation", "关系", "Relation", CHOICE),
              required("name", "姓名", "Name", TEXT).prefillFromRegistry())), List.of())));

  static JsonObject answers(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  static Map<String, Map<String, String>> prefills() {
    Map<String, Map<String, String>> p = new LinkedHashMap<>();
    p.put(A, Map.of("students.student.name", "陈思远", "students.student.pinyin", "CHEN SI YUAN",
        "guardians.guardian1.name", "陈建国"));
    p.put(B, Map.of("students.student.name", "陈思琪", "guardians.guardian1.name", "陈建国"));
    return p;
  }

  @Test
  void unchangedPrefilledValuesAreNoCorrection() {
    JsonArray out = PrefillCorrections.of(FORM, prefills(), answers("""
        {"students": {"student": [{"idNumber": "%s", "name": "陈思远", "pinyin": "chen si yuan"},
                                  {"idNumber": "%s", "name": "陈思琪"}]},
         "guardians": {"guardian1": {"relation": "FATHER", "name": "陈建国"}}}""".formatted(A, B)));
    assertEquals(JsonValue.EMPTY_JSON_ARRAY, out, "letter case is no correction");
  }

  @Test
  void aCorrectionFollowsTheTwinWhoseIdNumberWasLookedUpWhereverItStands() {
    JsonArray out = PrefillCorrections.of(FORM, prefills(), answers("""
        {"students": {"student": [{"idNumber": "%s", "name": "陈思齐"},
                                  {"idNumber": "%s", "name": "陈思远", "pinyin": "CHEN SIYUAN"}]},
         "guardians": {"guardian1": {"relation": "FATHER", "name": "陈建华"}}}""".formatted(B, A)));
    assertEquals(List.of(
            "guardians.guardian1.name:陈建国→陈建华",
            "students.student[0].name:陈思琪→陈思齐",
            "students.student[1].pinyin:CHEN SI YUAN→CHEN SIYUAN"),
        out.getValuesAs(JsonObject.class).stream()
            .map(c -> c.getString("field") + ":" + c.getString("original") + "→" + c.getString("corrected")).sorted().toList());
  }

  @Test
  void aClearedValueIsACorrectionToNull() {
    JsonArray out = PrefillCorrections.of(FORM, Map.of(A, Map.of("students.student.pinyin", "CHEN SI YUAN")), answers("""
        {"students": {"student": [{"idNumber": "%s", "name": "陈思远"}]}}""".formatted(A)));
    assertEquals(1, out.size());
    assertEquals(JsonValue.NULL, out.getJsonObject(0).get("corrected"));
  }

  @Test
  void aLookupOfANumberNoLongerInTheAnswersIsNotCompared() {
    JsonArray out = PrefillCorrections.of(FORM, Map.of(B, Map.of("students.student.name", "陈思琪",
        "guardians.guardian1.name", "陈建国")), answers("""
        {"students": {"student": [{"idNumber": "%s", "name": "陈思远"}]},
         "guardians": {"guardian1": {"relation": "FATHER", "name": "王磊"}}}""".formatted(A)));
    assertEquals(0, out.size(), out.toString());
  }
}
