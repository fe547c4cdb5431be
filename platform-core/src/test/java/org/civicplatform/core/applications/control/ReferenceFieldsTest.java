package org.civicplatform.core.applications.control;

import static org.civicplatform.core.applications.control.FormValidatorTest.json;
import static org.civicplatform.spi.form.FieldType.DISTRICT;
import static org.civicplatform.spi.form.FieldType.SCHOOL;
import static org.civicplatform.spi.form.FieldType.TEXT;
import static org.civicplatform.spi.form.FormField.optional;
import static org.civicplatform.spi.form.FormField.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.form.FormSection;
import org.civicplatform.spi.form.FormStep;
import org.civicplatform.spi.reference.School;
import org.civicplatform.spi.rules.FieldError;
import org.junit.jupiter.api.Test;

/** DISTRICT and SCHOOL answers against the tenant's districts and schools. */
class ReferenceFieldsTest {

  static final FormStep STEP = new FormStep("family", LocalizedText.of("家庭", "Family"), List.of(
      FormSection.of("guardian", LocalizedText.of("监护人", "Guardian"),
          required("district", "区镇", "District", DISTRICT), required("name", "姓名", "Name", TEXT)),
      FormSection.of("students", LocalizedText.of("学生", "Students"),
          required("street", "街道", "Street", DISTRICT)).repeatable(2)), List.of());

  static final FormStep CHOICES = new FormStep("choices", LocalizedText.of("志愿", "Choices"), List.of(
      FormSection.of("choices", LocalizedText.of("志愿", "Choices"),
          optional("private1", "民办", "Private", SCHOOL).source("PRIVATE"),
          optional("public", "公办", "Public", SCHOOL).source("PUBLIC_IN_ZONE"),
          optional("previous", "原毕业学校", "Previous school", SCHOOL))), List.of());

  static final Map<String, School> SCHOOLS = Map.of(
      "pub", new School("pub", LocalizedText.of("公办", "Public"), "hq", true, Map.of("PRIMARY", 100), List.of()),
      "priv", new School("priv", LocalizedText.of("民办", "Private"), "hq", false, Map.of("PRIMARY", 50), List.of()),
      "middle", new School("middle", LocalizedText.of("中学", "Middle"), "hq", true, Map.of("JUNIOR", 400), List.of()));

  static List<FieldError> unknown(String answers, Set<String> districts) {
    return ReferenceFields.unknown(STEP, json(answers), new ReferenceFields.Reference(districts, Map.of(), "PRIMARY"));
  }

  static List<String> refusedChoices(String answers) {
    return ReferenceFields.unknown(CHOICES, json(answers), new ReferenceFields.Reference(Set.of(), SCHOOLS, "PRIMARY"))
        .stream().map(FieldError::field).toList();
  }

  @Test
  void schoolChoicesNameASchoolOfTheirKindThatTakesTheChildsStage() {
    assertEquals(List.of(), refusedChoices("{'choices': {'private1': 'priv', 'public': 'pub', 'previous': '某某小学'}}"));
    assertEquals(List.of("choices.choices.private1", "choices.choices.public"),
        refusedChoices("{'choices': {'private1': 'pub', 'public': 'priv'}}"));
    assertEquals(List.of("choices.choices.public"), refusedChoices("{'choices': {'public': 'middle'}}"));
    assertEquals(List.of("choices.choices.public"), refusedChoices("{'choices': {'public': 'nowhere'}}"));
  }

  @Test
  void aCodeTheTenantHasIsAccepted() {
    assertTrue(unknown("{'guardian': {'district': 'hq', 'name': 'hq?'}}", Set.of("hq", "kfq"))
        .isEmpty());
  }

  @Test
  void aCodeNoDistrictHasIsRefusedNamingTheFieldInBothLanguages() {
    List<FieldError> errors = unknown("{'guardian': {'district': 'huaqiao'}}", Set.of("hq"));
    assertEquals(1, errors.size());
    assertEquals("family.guardian.district", errors.get(0).field());
    assertTrue(errors.get(0).message().zh().contains("区镇"), errors.get(0).message().zh());
    assertTrue(errors.get(0).message().en().contains("huaqiao"), errors.get(0).message().en());
  }

  @Test
  void eachEntryOfARepeatableSectionIsCheckedAtItsOwnPath() {
    List<FieldError> errors = unknown("{'students': [{'street': 'lianqian'}, {'street': 'nowhere'}]}", Set.of("lianqian"));
    assertEquals(List.of("family.students[1].street"), errors.stream().map(FieldError::field).toList());
  }

  @Test
  void aTenantWithoutDistrictsTakesAnyCode() {
    assertTrue(unknown("{'guardian': {'district': 'xx'}}", Set.of()).isEmpty());
  }
}
