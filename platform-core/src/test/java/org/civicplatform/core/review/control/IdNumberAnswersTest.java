package org.civicplatform.core.review.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.form.Condition;
import org.civicplatform.spi.form.FieldType;
import org.civicplatform.spi.form.FormDefinition;
import org.civicplatform.spi.form.FormField;
import org.civicplatform.spi.form.FormSection;
import org.civicplatform.spi.form.FormStep;
import org.civicplatform.spi.json.Jsons;
import org.junit.jupiter.api.Test;

class IdNumberAnswersTest {

  static final LocalizedText T = LocalizedText.of("标题", "Title");
  static final FormDefinition FORM = new FormDefinition(List.of(new FormStep("family", T, List.of(
      FormSection.of("guardian", T, FormField.required("name", "姓名", "Name", FieldType.TEXT),
          FormField.required("idNumber", "证件号", "ID number", FieldType.ID_NUMBER)),
      new FormSection("students", T, List.of(FormField.required("idNumber", "证件号", "ID number", FieldType.ID_NUMBER)),
          Condition.always(), 3, null)), List.of())));

  static final JsonObject ANSWERS = Jsons.object("""
      {"family": {"guardian": {"name": "王军", "idNumber": "320583198506150017"},
                  "students": [{"idNumber": "350203201803010011"}, {"idNumber": "35020320180301002X"}]},
       "other": {"x": "320583198506150017"}}""");

  @Test
  void everyIdNumberAnswerIsMaskedAndEverythingElseIsKept() {
    JsonObject masked = IdNumberAnswers.masked(FORM, ANSWERS);
    JsonObject family = masked.getJsonObject("family");
    assertEquals("3205**********0017", family.getJsonObject("guardian").getString("idNumber"));
    assertEquals("王军", family.getJsonObject("guardian").getString("name"));
    assertEquals("3502**********0011", family.getJsonArray("students").getJsonObject(0).getString("idNumber"));
    assertEquals("3502**********002X", family.getJsonArray("students").getJsonObject(1).getString("idNumber"));
    assertEquals(ANSWERS.get("other"), masked.get("other"), "a step the form does not define is left as it was");
  }

  @Test
  void theRevealNamesEachFullNumberByItsAnswerPath() {
    assertEquals(Map.of("family.guardian.idNumber", "320583198506150017",
            "family.students[0].idNumber", "350203201803010011", "family.students[1].idNumber", "35020320180301002X"),
        IdNumberAnswers.full(FORM, ANSWERS));
  }

  @Test
  void aCorrectionPathIsAnIdNumberOnlyWhenTheFormSaysSo() {
    assertTrue(IdNumberAnswers.isIdNumber(FORM, "family.guardian.idNumber"));
    assertTrue(IdNumberAnswers.isIdNumber(FORM, "family.students[1].idNumber"));
    assertFalse(IdNumberAnswers.isIdNumber(FORM, "family.guardian.name"));
    assertFalse(IdNumberAnswers.isIdNumber(FORM, "family.idNumber"));
    assertFalse(IdNumberAnswers.isIdNumber(FORM, null));
  }
}
