package org.civicplatform.core.applications.control;

import org.civicplatform.spi.testing.FuzzText;
import static org.civicplatform.spi.form.FieldType.DATE;
import static org.civicplatform.spi.form.FieldType.ID_NUMBER;
import static org.civicplatform.spi.form.FieldType.MOBILE;
import static org.civicplatform.spi.form.FieldType.NUMBER;
import static org.civicplatform.spi.form.FormField.optional;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.form.FormSection;
import org.civicplatform.spi.form.FormStep;
import org.civicplatform.spi.rules.FieldError;

/**
 * Coverage-guided fuzzing of the form checks on the values parents type: dates, ID numbers, mobile
 * numbers, numbers. Whatever arrives, the validator answers with errors naming the field (never an
 * exception), and a stored date is a real day from 1900 to today.
 */
class FormValidatorFuzzTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  static final DateTimeFormatter STRICT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  static final FormStep STEP = new FormStep("s", LocalizedText.of("步骤", "Step"), List.of(
      FormSection.of("p", LocalizedText.of("信息", "Details"),
          optional("born", "出生日期", "Date of birth", DATE),
          optional("idNumber", "证件号码", "ID", ID_NUMBER),
          optional("phone", "电话", "Phone", MOBILE),
          optional("year", "年份", "Year", NUMBER))), List.of());

  /** The reference for a typed date: the strict ISO pattern on ten ASCII characters, 1900 to today. */
  static boolean acceptableDate(String typed) {
    String t = typed.strip();
    if (t.isEmpty()) {
      return true; // blank: not answered (the field is optional)
    }
    if (t.length() != 10 || !t.chars().allMatch(c -> c == '-' || c >= '0' && c <= '9')) {
      return false;
    }
    try {
      LocalDate day = LocalDate.parse(t, STRICT);
      return day.getYear() >= 1900 && !day.isAfter(TODAY);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  @FuzzTest
  void storesOnlyRealPastDaysAndNamesTheFieldOtherwise(byte[] data) {
    String typed = FuzzText.of(data);
    JsonObject answers = Json.createObjectBuilder()
        .add("p", Json.createObjectBuilder().add("born", typed)).build();
    FormValidator.Result result = FormValidator.validate(STEP, answers, JsonValue.EMPTY_JSON_OBJECT, TODAY);
    boolean blank = org.civicplatform.spi.rules.checks.Spaces.strip(typed).isEmpty();
    assertEquals(blank || acceptableDate(typed), result.valid(), () -> typed + " gave " + result.errors());
    if (result.valid() && !blank) {
      String stored = result.answers().getJsonObject("p").getString("born");
      assertEquals(typed.strip(), stored);
      LocalDate day = LocalDate.parse(stored);
      assertTrue(!day.isAfter(TODAY) && day.getYear() >= 1900, stored);
    }
    result.errors().forEach(e -> assertEquals("s.p.born", e.field()));
  }

  /** Any JSON value in any of the parents' fields: errors name the field, nothing throws. */
  @FuzzTest
  void answersAnyValueInAnyFieldWithErrorsNamingTheField(FuzzedDataProvider data) {
    String field = data.pickValue(new String[] {"born", "idNumber", "phone", "year", "unknown"});
    JsonValue value = switch (data.consumeInt(0, 6)) {
      case 0 -> JsonValue.NULL;
      case 1 -> data.consumeBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
      case 2 -> Json.createValue(data.consumeLong());
      case 3 -> Json.createValue(new BigDecimal(new java.math.BigInteger(data.consumeBytes(40).length == 0
          ? new byte[] {1} : data.consumeBytes(40)), data.consumeInt(-400, 400)));
      case 4 -> Json.createArrayBuilder().add(data.consumeString(40)).build();
      case 5 -> Json.createObjectBuilder().add(data.consumeString(10), data.consumeString(20)).build();
      default -> Json.createValue(data.consumeRemainingAsString());
    };
    JsonObject answers = Json.createObjectBuilder().add("p", Json.createObjectBuilder().add(field, value)).build();
    FormValidator.Result result = FormValidator.validate(STEP, answers, JsonValue.EMPTY_JSON_OBJECT, TODAY);
    for (FieldError e : result.errors()) {
      assertEquals("s.p." + field, e.field(), e.toString());
      assertTrue(!e.message().zh().isBlank() && !e.message().en().isBlank());
    }
    if (result.valid() && result.answers().getJsonObject("p").get(field) instanceof jakarta.json.JsonString s) {
      if (field.equals("born")) {
        assertTrue(acceptableDate(s.getString()), s.getString());
      }
      if (field.equals("idNumber")) {
        assertTrue(org.civicplatform.spi.rules.checks.IdNumbers.birthDate(s.getString())
            .filter(b -> !b.isAfter(TODAY)).isPresent(), s.getString());
      }
    }
  }
}
