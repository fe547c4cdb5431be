package org.civicplatform.kunshan.points;

import static org.civicplatform.kunshan.points.EstimateExampleTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.civicplatform.spi.rules.FieldError;
import org.civicplatform.spi.rules.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every out-of-range or malformed input is a 400 naming its field ({@link RuleViolation}). */
class EstimateRejectionTest {

  private final KunshanPointsEstimator estimator = new KunshanPointsEstimator();

  private List<FieldError> errors(String request) {
    return assertThrows(RuleViolation.class, () -> estimator.estimate(json(request))).errors();
  }

  private FieldError onlyError(String request) {
    List<FieldError> errors = errors(request);
    assertEquals(1, errors.size(), errors.toString());
    return errors.get(0);
  }

  @ParameterizedTest
  @CsvSource({
    "recent, pension",
    "recent, medical",
    "recent, unemployment",
    "recent, injury",
    "recent, maternity"
  })
  void rejectsThirtySevenRecentMonths(String part, String type) {
    FieldError error = onlyError("{\"insuranceMonths\":{\"" + part + "\":{\"" + type + "\":37}}}");
    assertEquals("insuranceMonths." + part + "." + type, error.field());
    assertEquals("points.insurance.months.range", error.code());
  }

  @ParameterizedTest
  @CsvSource({
    "earlier, pension",
    "earlier, medical",
    "earlier, unemployment",
    "earlier, injury",
    "earlier, maternity"
  })
  void rejectsEightyFiveEarlierMonths(String part, String type) {
    FieldError error = onlyError("{\"insuranceMonths\":{\"" + part + "\":{\"" + type + "\":85}}}");
    assertEquals("insuranceMonths." + part + "." + type, error.field());
    assertEquals("points.insurance.months.range", error.code());
  }

  @Test
  void rejectsNegativeMonths() {
    FieldError error = onlyError("{\"insuranceMonths\":{\"earlier\":{\"injury\":-1}}}");
    assertEquals("insuranceMonths.earlier.injury", error.field());
    assertEquals("points.insurance.months.range", error.code());
  }

  @Test
  void rejectsFractionalOrTextMonths() {
    assertEquals(
        "points.insurance.months.format",
        onlyError("{\"insuranceMonths\":{\"recent\":{\"pension\":3.5}}}").code());
    assertEquals(
        "points.insurance.months.format",
        onlyError("{\"insuranceMonths\":{\"recent\":{\"pension\":\"3\"}}}").code());
  }

  @Test
  void rejectsAnUnknownInsuranceType() {
    FieldError error = onlyError("{\"insuranceMonths\":{\"recent\":{\"housingFund\":12}}}");
    assertEquals("insuranceMonths.recent.housingFund", error.field());
    assertEquals("points.field.unknown", error.code());
  }

  @Test
  void rejectsAnUnknownInsurancePart() {
    assertEquals(
        "insuranceMonths.older",
        onlyError("{\"insuranceMonths\":{\"older\":{\"pension\":1}}}").field());
  }

  @Test
  void rejectsInsuranceMonthsThatAreNotAnObject() {
    assertEquals("insuranceMonths", onlyError("{\"insuranceMonths\":[36]}").field());
    assertEquals(
        "insuranceMonths.recent", onlyError("{\"insuranceMonths\":{\"recent\":36}}").field());
  }

  @Test
  void rejectsARegistrationDateAfterTheCutOff() {
    FieldError error = onlyError("{\"propertyRegisteredOn\":\"2024-04-01\"}");
    assertEquals("propertyRegisteredOn", error.field());
    assertEquals("points.property.after-cut-off", error.code());
    assertTrue(error.message().zh().contains("2024-03-31"));
    assertTrue(error.message().en().contains("2024-03-31"));
  }

  @ParameterizedTest
  @CsvSource({"2003/08/15", "2003-8-15", "2023-02-29", "2003-08-15T00:00", "yesterday"})
  void rejectsAMalformedRegistrationDate(String date) {
    FieldError error = onlyError("{\"propertyRegisteredOn\":\"" + date + "\"}");
    assertEquals("propertyRegisteredOn", error.field());
    assertEquals("points.date.format", error.code());
  }

  @Test
  void rejectsARegistrationDateThatIsNotText() {
    assertEquals("points.date.format", onlyError("{\"propertyRegisteredOn\":20030815}").code());
  }

  @Test
  void rejectsAYearWithoutARuleSet() {
    FieldError error = onlyError("{\"year\":2023}");
    assertEquals("year", error.field());
    assertEquals("points.year.unknown", error.code());
    assertTrue(error.message().en().contains("2023"));
    assertTrue(error.message().zh().contains("2024"), error.message().zh());
  }

  @Test
  void rejectsAYearThatIsNotAWholeNumber() {
    assertEquals("points.year.format", onlyError("{\"year\":\"2024\"}").code());
    assertEquals("points.year.format", onlyError("{\"year\":2024.5}").code());
  }

  @ParameterizedTest
  @CsvSource({
    "education, PHD",
    "education, bachelor",
    "vocationalLevel, LEVEL6",
    "titleLevel, PROFESSOR"
  })
  void rejectsAnUnknownEnumValue(String field, String value) {
    FieldError error = onlyError("{\"" + field + "\":\"" + value + "\"}");
    assertEquals(field, error.field());
    assertEquals("points.value.unknown", error.code());
    assertTrue(error.message().en().contains(value));
  }

  @Test
  void rejectsAnEnumValueThatIsNotText() {
    assertEquals("education", onlyError("{\"education\":3}").field());
  }

  @Test
  void rejectsAnUnknownHonourKindOrLevel() {
    List<FieldError> errors = errors("{\"honours\":[{\"kind\":\"HERO\",\"level\":\"WORLD\"}]}");
    assertEquals(
        List.of("honours[0].kind", "honours[0].level"),
        errors.stream().map(FieldError::field).toList());
  }

  @Test
  void rejectsAnHonourWithoutKindOrLevel() {
    List<FieldError> errors = errors("{\"honours\":[{\"awardedOn\":\"2021-05-01\"}]}");
    assertEquals(
        List.of("points.value.required", "points.value.required"),
        errors.stream().map(FieldError::code).toList());
  }

  @Test
  void rejectsAMalformedAwardDate() {
    FieldError error =
        onlyError(
            "{\"honours\":[{\"kind\":\"BRAVERY\",\"level\":\"CITY\",\"awardedOn\":\"2021-13-01\"}]}");
    assertEquals("honours[0].awardedOn", error.field());
    assertEquals("points.date.format", error.code());
  }

  @Test
  void rejectsAnAwardDateAfterTheCutOff() {
    FieldError error =
        onlyError(
            "{\"honours\":[{\"kind\":\"BRAVERY\",\"level\":\"CITY\"},"
                + "{\"kind\":\"MODEL_WORKER\",\"level\":\"CITY\",\"awardedOn\":\"2024-05-01\"}]}");
    assertEquals("honours[1].awardedOn", error.field());
    assertEquals("points.honour.after-cut-off", error.code());
  }

  @Test
  void rejectsHonoursThatAreNotAListOfObjects() {
    assertEquals("honours", onlyError("{\"honours\":{\"kind\":\"BRAVERY\"}}").field());
    assertEquals("honours[0]", onlyError("{\"honours\":[\"BRAVERY\"]}").field());
  }

  @Test
  void rejectsLawAbidingThatIsNotABoolean() {
    FieldError error = onlyError("{\"lawAbiding\":\"yes\"}");
    assertEquals("lawAbiding", error.field());
    assertEquals("points.type.boolean", error.code());
  }

  @Test
  void rejectsAnUnknownField() {
    FieldError error = onlyError("{\"propertyRegistredOn\":\"2003-08-15\"}");
    assertEquals("propertyRegistredOn", error.field());
    assertEquals("points.field.unknown", error.code());
  }

  @Test
  void reportsEveryProblemOfTheRequestAtOnce() {
    List<FieldError> errors =
        errors(
            "{\"propertyRegisteredOn\":\"2025-01-01\",\"education\":\"PHD\","
                + "\"insuranceMonths\":{\"recent\":{\"pension\":40},\"earlier\":{\"medical\":90}}}");
    assertEquals(
        List.of(
            "education",
            "propertyRegisteredOn",
            "insuranceMonths.recent.pension",
            "insuranceMonths.earlier.medical"),
        errors.stream().map(FieldError::field).toList());
  }

  @Test
  void explainsEveryErrorInChineseAndEnglish() {
    List<FieldError> errors =
        errors("{\"year\":1999,\"education\":\"PHD\",\"lawAbiding\":1,\"x\":0,\"honours\":[{}]}");
    assertEquals(6, errors.size(), errors.toString());
    for (FieldError error : errors) {
      assertFalse(error.message().zh().isBlank());
      assertFalse(error.message().en().isBlank());
      assertFalse(error.message().zh().equals(error.message().en()));
    }
  }
}
