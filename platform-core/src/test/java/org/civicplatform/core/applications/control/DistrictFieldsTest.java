package org.civicplatform.core.applications.control;

import static org.civicplatform.core.applications.control.FormValidatorTest.json;
import static org.civicplatform.spi.form.FieldType.DISTRICT;
import static org.civicplatform.spi.form.FieldType.TEXT;
import static org.civicplatform.spi.form.FormField.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.form.FormSection;
import org.civicplatform.spi.form.FormStep;
import org.civicplatform.spi.rules.FieldError;
import org.junit.jupiter.api.Test;

class DistrictFieldsTest {

  static final FormStep STEP = new FormStep("family", LocalizedText.of("家庭", "Family"), List.of(
      FormSection.of("guardian", LocalizedText.of("监护人", "Guardian"),
          required("district", "区镇", "District", DISTRICT), required("name", "姓名", "Name", TEXT)),
      FormSection.of("students", LocalizedText.of("学生", "Students"),
          required("street", "街道", "Street", DISTRICT)).repeatable(2)), List.of());

  @Test
  void aCodeTheTenantHasIsAccepted() {
    assertTrue(DistrictFields.unknown(STEP, json("{'guardian': {'district': 'hq', 'name': 'hq?'}}"), Set.of("hq", "kfq"))
        .isEmpty());
  }

  @Test
  void aCodeNoDistrictHasIsRefusedNamingTheFieldInBothLanguages() {
    List<FieldError> errors = DistrictFields.unknown(STEP, json("{'guardian': {'district': 'huaqiao'}}"), Set.of("hq"));
    assertEquals(1, errors.size());
    assertEquals("family.guardian.district", errors.get(0).field());
    assertTrue(errors.get(0).message().zh().contains("区镇"), errors.get(0).message().zh());
    assertTrue(errors.get(0).message().en().contains("huaqiao"), errors.get(0).message().en());
  }

  @Test
  void eachEntryOfARepeatableSectionIsCheckedAtItsOwnPath() {
    List<FieldError> errors = DistrictFields.unknown(STEP,
        json("{'students': [{'street': 'lianqian'}, {'street': 'nowhere'}]}"), Set.of("lianqian"));
    assertEquals(List.of("family.students[1].street"), errors.stream().map(FieldError::field).toList());
  }

  @Test
  void aTenantWithoutDistrictsTakesAnyCode() {
    assertTrue(DistrictFields.unknown(STEP, json("{'guardian': {'district': 'xx'}}"), Set.of()).isEmpty());
  }
}
