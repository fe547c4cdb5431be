package org.civicplatform.kunshan.points;

import static org.civicplatform.kunshan.points.EstimateExampleTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EstimateRequestTest {

  private final KunshanPointsEstimator estimator = new KunshanPointsEstimator();

  private static BigDecimal number(JsonObject response, String item) {
    return response.getJsonObject("items").getJsonNumber(item).bigDecimalValue();
  }

  @Test
  void treatsAnEmptyRequestAsNothingDeclared() {
    JsonObject response = estimator.estimate(JsonValue.EMPTY_JSON_OBJECT);
    assertEquals(0, response.getJsonNumber("total").bigDecimalValue().signum());
    assertEquals(2024, response.getInt("year"));
  }

  @Test
  void treatsNullFieldsAsAbsent() {
    JsonObject response =
        estimator.estimate(
            json(
                "{\"year\":null,\"propertyRegisteredOn\":null,\"insuranceMonths\":{\"recent\":null},"
                    + "\"education\":null,\"honours\":null,\"lawAbiding\":null}"));
    assertEquals(0, response.getJsonNumber("total").bigDecimalValue().signum());
  }

  @Test
  void usesTheLatestRuleSetWhenNoYearIsGiven() {
    RuleSet next =
        RuleSet.default2024().forYear(2025, "kunshan-2025-test", LocalDate.of(2025, 3, 31));
    KunshanPointsEstimator withTwoYears =
        new KunshanPointsEstimator(new RuleSets(List.of(RuleSet.default2024(), next)));
    JsonObject response = withTwoYears.estimate(json("{\"propertyRegisteredOn\":\"2024-03-31\"}"));
    assertEquals("kunshan-2025-test", response.getString("ruleSet"));
    assertEquals(new BigDecimal("2"), number(response, "property"));
  }

  @Test
  void usesTheRuleSetOfTheYearAsked() {
    RuleSet next =
        RuleSet.default2024().forYear(2025, "kunshan-2025-test", LocalDate.of(2025, 3, 31));
    KunshanPointsEstimator withTwoYears =
        new KunshanPointsEstimator(new RuleSets(List.of(RuleSet.default2024(), next)));
    JsonObject response = withTwoYears.estimate(json("{\"year\":2024}"));
    assertEquals("kunshan-2024-default", response.getString("ruleSet"));
  }

  @Test
  void treatsAnAbsentLawAbidingAsNoPoints() {
    JsonObject response = estimator.estimate(json("{}"));
    assertEquals(0, number(response, "lawAbiding").signum());
  }

  @Test
  void countsTheHighestHonourOfTheRequest() {
    JsonObject response =
        estimator.estimate(
            json(
                "{\"honours\":[{\"kind\":\"BRAVERY\",\"level\":\"COUNTY\",\"awardedOn\":\"2021-05-01\"},"
                    + "{\"kind\":\"MORAL_MODEL\",\"level\":\"NATIONAL\"}]}"));
    assertEquals(new BigDecimal("30"), number(response, "honours"));
    assertEquals(new BigDecimal("30"), response.getJsonNumber("total").bigDecimalValue());
  }

  @Test
  void acceptsPartialInsuranceParts() {
    JsonObject response =
        estimator.estimate(json("{\"insuranceMonths\":{\"recent\":{\"pension\":12}}}"));
    assertEquals(new BigDecimal("4"), number(response, "insurance"));
  }

  @Test
  void acceptsTheFullWindowAsOneHundredThirty() {
    JsonObject response =
        estimator.estimate(
            json(
                "{\"insuranceMonths\":{\"recent\":{\"pension\":36,\"medical\":36,\"unemployment\":36,"
                    + "\"injury\":36,\"maternity\":36},\"earlier\":{\"pension\":84,\"medical\":84,"
                    + "\"unemployment\":84,\"injury\":84,\"maternity\":84}}}"));
    assertEquals(new BigDecimal("130"), number(response, "insurance"));
  }

  @Test
  void treatsANullRequestAsEmpty() {
    assertEquals(0, estimator.estimate(null).getJsonNumber("total").bigDecimalValue().signum());
  }
}
