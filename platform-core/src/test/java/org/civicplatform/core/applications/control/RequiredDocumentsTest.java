package org.civicplatform.core.applications.control;

import static org.civicplatform.spi.form.FieldType.BOOLEAN;
import static org.civicplatform.spi.form.FieldType.TEXT;
import static org.civicplatform.spi.form.FormField.optional;
import static org.civicplatform.spi.form.FormField.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.form.Condition;
import org.civicplatform.spi.form.DocumentSlot;
import org.civicplatform.spi.form.FormSection;
import org.civicplatform.spi.form.FormStep;
import org.civicplatform.spi.rules.FieldError;
import org.junit.jupiter.api.Test;

class RequiredDocumentsTest {

  static final Condition RARE = Condition.equals("student.rareCharacter", "true");

  static final List<FormStep> STEPS = List.of(new FormStep("students", LocalizedText.of("学生信息", "Student"), List.of(
          FormSection.of("student", LocalizedText.of("学生", "Student"),
                  required("name", "姓名", "Name", TEXT),
                  optional("rareCharacter", "姓名有生僻字", "Rare character", BOOLEAN))
              .repeatable(4)),
      List.of(
          DocumentSlot.of("rareProof", "户口本学生本人页", "Household-register page", DocumentSlot.IMAGES, 1 << 20, 4, true)
              .when(RARE),
          // Optional: never checked.
          DocumentSlot.of("otherMaterial", "其他材料", "Other material", DocumentSlot.IMAGES, 1 << 20, 4, false))));

  /** A step whose required slot applies always (e.g. 户口本首页): the browser marks it *, the server refuses without it. */
  static final List<FormStep> ALWAYS = List.of(new FormStep("documents", LocalizedText.of("证明材料", "Documents"),
      List.of(FormSection.of("note", LocalizedText.of("说明", "Note"), optional("remark", "备注", "Remark", TEXT))),
      List.of(DocumentSlot.of("birthCertificate", "出生医学证明", "Birth certificate", DocumentSlot.IMAGES, 1 << 20, 4, true))));

  static JsonObject answers(boolean first, boolean second) {
    return Json.createReader(new StringReader("""
        {"students": {"student": [{"name": "陈一", "rareCharacter": %s}, {"name": "陈二", "rareCharacter": %s}]}}"""
        .formatted(first, second))).readObject();
  }

  @Test
  void aTwinWithARareCharacterNeedsTheRequiredSlotFilledNamedStepDotSlotInBothLanguages() {
    List<FieldError> errors = RequiredDocuments.missing(STEPS, answers(false, true), Map.of());
    assertEquals(1, errors.size(), errors.toString());
    assertEquals("students.rareProof", errors.get(0).field());
    assertTrue(errors.get(0).message().zh().contains("户口本学生本人页"), errors.toString());
    assertTrue(errors.get(0).message().en().contains("Household-register page"), errors.toString());
  }

  @Test
  void anUploadedFileSatisfiesTheSlot() {
    assertEquals(List.of(), RequiredDocuments.missing(STEPS, answers(true, true), Map.of("rareProof", 1L)));
  }

  @Test
  void withoutARareCharacterNothingIsNeededAndOptionalSlotsAreNeverChecked() {
    assertEquals(List.of(), RequiredDocuments.missing(STEPS, answers(false, false), Map.of()));
  }

  @Test
  void aRequiredSlotWithoutAConditionIsRefusedEmptyAndSatisfiedByOneFile() {
    JsonObject none = Json.createObjectBuilder().build();
    assertEquals(List.of("documents.birthCertificate"),
        RequiredDocuments.missing(ALWAYS, none, Map.of()).stream().map(FieldError::field).toList());
    assertEquals(List.of(), RequiredDocuments.missing(ALWAYS, none, Map.of("birthCertificate", 1L)));
  }

  @Test
  void theFilesAreNotCountedWhenNoRequiredSlotApplies() {
    assertEquals(List.of(), RequiredDocuments.missing(STEPS, answers(false, false), () -> {
      throw new AssertionError("counted the files although no required slot applies");
    }));
  }

  @Test
  void theFilesAreCountedOnceForSeveralApplicableSlots() {
    java.util.concurrent.atomic.AtomicInteger counted = new java.util.concurrent.atomic.AtomicInteger();
    List<FormStep> twoSteps = List.of(STEPS.get(0), new FormStep("again", STEPS.get(0).title(), STEPS.get(0).sections(),
        List.of(DocumentSlot.of("rareProof2", "户口本", "Household register", DocumentSlot.IMAGES, 1 << 20, 4, true))));
    List<FieldError> errors = RequiredDocuments.missing(twoSteps, answers(true, false), () -> {
      counted.incrementAndGet();
      return Map.of("rareProof", 1L);
    });
    assertEquals(1, counted.get());
    assertEquals(List.of("again.rareProof2"), errors.stream().map(FieldError::field).toList());
  }
}
