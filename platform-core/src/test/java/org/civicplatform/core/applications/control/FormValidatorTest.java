package org.civicplatform.core.applications.control;

import static org.civicplatform.spi.form.FieldType.*;
import static org.civicplatform.spi.form.FormField.optional;
import static org.civicplatform.spi.form.FormField.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.form.Condition;
import org.civicplatform.spi.form.FormSection;
import org.civicplatform.spi.form.FormStep;
import org.civicplatform.spi.form.Option;
import org.junit.jupiter.api.Test;

class FormValidatorTest {

  static final FormStep STEP = new FormStep("family", LocalizedText.of("家庭", "Family"), List.of(
      FormSection.of("guardian", LocalizedText.of("监护人", "Guardian"),
          required("relation", "关系", "Relation", CHOICE).options(Option.of("FATHER", "父亲", "Father"), Option.of("NONE", "无", "None")),
          required("name", "姓名", "Name", TEXT).maxLength(4).when(Condition.not(Condition.equals("guardian.relation", "NONE"))),
          required("phone", "电话", "Phone", MOBILE).when(Condition.not(Condition.equals("guardian.relation", "NONE"))),
          optional("idNumber", "证件号码", "ID", ID_NUMBER),
          optional("birth", "出生日期", "Birth", DATE)),
      FormSection.of("twins", LocalizedText.of("多胞胎", "Twins"),
          required("name", "姓名", "Name", TEXT)).repeatable(2)), List.of());

  static JsonObject json(String text) {
    return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
  }

  static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 12, 7);

  static FormValidator.Result validate(String answers) {
    return FormValidator.validate(STEP, json(answers), JsonObject.EMPTY_JSON_OBJECT, TODAY);
  }

  @Test
  void namesEveryMissingRequiredFieldWithItsPath() {
    var result = validate("{'guardian': {'relation': 'FATHER'}}");
    assertEquals(List.of("family.guardian.name", "family.guardian.phone"),
        result.errors().stream().map(e -> e.field()).toList());
    assertEquals("请填写“姓名”。", result.errors().get(0).message().zh());
  }

  @Test
  void hiddenFieldsAreNeitherRequiredNorStored() {
    var result = validate("{'guardian': {'relation': 'NONE', 'name': '王明'}}");
    assertTrue(result.valid(), result.errors().toString());
    assertFalse(result.answers().getJsonObject("guardian").containsKey("name"));
  }

  @Test
  void refusesAChoiceOutsideTheOptions() {
    assertEquals("choice.unknown", validate("{'guardian': {'relation': 'UNCLE'}}").errors().get(0).code());
  }

  @Test
  void refusesTextLongerThanTheLimitCountingCharactersNotBytes() {
    assertTrue(validate("{'guardian': {'relation': 'FATHER', 'name': '𠀀𠀁𠀂𠀃', 'phone': '13800000001'}}").valid());
    assertEquals("text.too-long",
        validate("{'guardian': {'relation': 'FATHER', 'name': '欧阳娜娜娜', 'phone': '13800000001'}}").errors().get(0).code());
  }

  @Test
  void removesSpacesInsideMobileAndIdNumbersInsteadOfRefusing() {
    var result = validate("{'guardian': {'relation': 'FATHER', 'name': '王明', 'phone': '138 0000 0001', 'idNumber': '1101 0520 1803 0100 20'}}");
    assertTrue(result.valid(), result.errors().toString());
    assertEquals("13800000001", result.answers().getJsonObject("guardian").getString("phone"));
    assertEquals("110105201803010020", result.answers().getJsonObject("guardian").getString("idNumber"));
  }

  @Test
  void refusesAnIdNumberWithAWrongCheckDigit() {
    var result = validate("{'guardian': {'relation': 'FATHER', 'name': '王明', 'phone': '13800000001', 'idNumber': '110105201803010021'}}");
    assertEquals("family.guardian.idNumber", result.errors().get(0).field());
  }

  @Test
  void refusesAMalformedDate() {
    var result = validate("{'guardian': {'relation': 'NONE', 'birth': '2018/03/01'}}");
    assertEquals("date.format", result.errors().get(0).code());
  }

  @Test
  void refusesADateAfterToday() {
    var result = validate("{'guardian': {'relation': 'NONE', 'birth': '2026-12-08'}}");
    assertEquals("date.future", result.errors().get(0).code());
    assertTrue(validate("{'guardian': {'relation': 'NONE', 'birth': '2026-12-07'}}").valid());
  }

  @Test
  void refusesTheYearsLocalDateParseWouldTake() {
    for (String date : List.of("0000-01-01", "-0001-01-01", "+10000-01-01", "1899-12-31")) {
      var result = validate("{'guardian': {'relation': 'NONE', 'birth': '" + date + "'}}");
      assertFalse(result.valid(), date);
      assertEquals("family.guardian.birth", result.errors().get(0).field());
    }
  }

  @Test
  void refusesAnIdNumberWhoseBirthDateIsAfterToday() {
    var result = validate("{'guardian': {'relation': 'NONE', 'idNumber': '110105202701010016'}}");
    assertEquals("id-number.birth-date-future", result.errors().get(0).code());
  }

  @Test
  void refusesUnknownSectionsAndFields() {
    var result = validate("{'guardian': {'relation': 'NONE', 'extra': 1}, 'other': {}}");
    assertEquals(2, result.errors().size());
    assertTrue(result.errors().stream().allMatch(e -> e.code().equals("field.unknown")));
  }

  @Test
  void checksEveryEntryOfARepeatableSectionAndItsMaximum() {
    var result = validate("{'guardian': {'relation': 'NONE'}, 'twins': [{'name': '大宝'}, {}]}");
    assertEquals("family.twins[1].name", result.errors().get(0).field());
    assertEquals("section.too-many",
        validate("{'guardian': {'relation': 'NONE'}, 'twins': [{'name': 'a'}, {'name': 'b'}, {'name': 'c'}]}").errors().get(0).code());
  }

  @Test
  void aConditionMayReferToAnotherStepOfTheApplication() {
    FormStep step = new FormStep("housing", LocalizedText.of("房产", "Housing"), List.of(
        FormSection.of("property", LocalizedText.of("房产", "Property"),
            required("address", "地址", "Address", ADDRESS).when(Condition.equals("family.guardian.relation", "FATHER")))), List.of());
    var withFather = FormValidator.validate(step, json("{'property': {}}"), json("{'family': {'guardian': {'relation': 'FATHER'}}}"), TODAY);
    var withoutFather = FormValidator.validate(step, json("{'property': {}}"), json("{'family': {'guardian': {'relation': 'NONE'}}}"), TODAY);
    assertFalse(withFather.valid());
    assertTrue(withoutFather.valid());
  }

  static final FormStep SUBJECT = new FormStep("subject", LocalizedText.of("积分主体", "Subject"), List.of(
      FormSection.of("subject", LocalizedText.of("积分主体", "Subject"),
          required("guardian", "积分主体", "Points subject", FAMILY_MEMBER).source("GUARDIANS")),
      FormSection.of("property", LocalizedText.of("房产", "Property"),
          optional("owner", "所有权人", "Owner", FAMILY_MEMBER).source("FAMILY"))), List.of());

  static final JsonObject FAMILY = json("""
      {'family': {'student': {'name': '王小明'}, 'guardian1': {'relation': 'FATHER'}, 'guardian2': {'relation': 'NONE'}},
       'housing': {'members': [{'name': '王小红'}]}}""");

  @Test
  void aFamilyMemberIsOneTheApplicationHasNotAnyCode() {
    assertTrue(FormValidator.validate(SUBJECT, json("{'subject': {'guardian': 'guardian1'}}"), FAMILY, TODAY).valid());
    for (String unknown : List.of("guardian3", "guardian2", "student", "members1", "anyone")) {
      var result = FormValidator.validate(SUBJECT, json("{'subject': {'guardian': '" + unknown + "'}}"), FAMILY, TODAY);
      assertEquals(List.of("subject.subject.guardian"), result.errors().stream().map(e -> e.field()).toList(), unknown);
      assertEquals("family-member.unknown", result.errors().get(0).code());
    }
  }

  @Test
  void aFamilySourceAlsoOffersTheStudentAndEachListedMember() {
    for (String owner : List.of("guardian1", "student", "members1")) {
      assertTrue(FormValidator.validate(SUBJECT,
          json("{'subject': {'guardian': 'guardian1'}, 'property': {'owner': '" + owner + "'}}"), FAMILY, TODAY).valid(), owner);
    }
    assertFalse(FormValidator.validate(SUBJECT,
        json("{'subject': {'guardian': 'guardian1'}, 'property': {'owner': 'members2'}}"), FAMILY, TODAY).valid());
  }
}
