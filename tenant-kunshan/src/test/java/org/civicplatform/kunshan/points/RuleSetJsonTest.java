package org.civicplatform.kunshan.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.civicplatform.spi.rules.RuleViolation;
import org.junit.jupiter.api.Test;

class RuleSetJsonTest {

  @Test
  void theDefaultRuleSetSurvivesTheRoundTripThroughJson() {
    RuleSet defaults = RuleSet.default2024();
    assertEquals(defaults, RuleSetJson.fromJson(2024, defaults.version(), RuleSetJson.toJson(defaults)));
  }

  @Test
  void aNegativePointsValueIsRefusedNamingItsPath() {
    JsonObject json = Json.createObjectBuilder(RuleSetJson.toJson(RuleSet.default2024()))
        .add("title", Json.createObjectBuilder(RuleSetJson.toJson(RuleSet.default2024()).getJsonObject("title")).add("JUNIOR", -1))
        .build();
    RuleViolation refused = assertThrows(RuleViolation.class, () -> RuleSetJson.fromJson(2024, "x", json));
    assertEquals("title.JUNIOR", refused.errors().get(0).field());
  }

  @Test
  void aCutOffInAnotherYearIsRefused() {
    JsonObject json = Json.createObjectBuilder(RuleSetJson.toJson(RuleSet.default2024())).add("cutOff", "2023-03-31").build();
    assertEquals("cutOff", assertThrows(RuleViolation.class, () -> RuleSetJson.fromJson(2024, "x", json)).errors().get(0).field());
  }

  @Test
  void aPropertyCapIsKept() {
    JsonObject json = Json.createObjectBuilder(RuleSetJson.toJson(RuleSet.default2024()))
        .add("property", Json.createObjectBuilder().add("pointsPerMonth", "1/6").add("cap", 30)).build();
    assertEquals(0, RuleSetJson.fromJson(2024, "x", json).propertyCap().compareTo(java.math.BigDecimal.valueOf(30)));
  }

  static JsonObject withInsurance(String key, jakarta.json.JsonValue value) {
    JsonObject defaults = RuleSetJson.toJson(RuleSet.default2024());
    return Json.createObjectBuilder(defaults)
        .add("insurance", Json.createObjectBuilder(defaults.getJsonObject("insurance")).add(key, value)).build();
  }

  @Test
  void insuranceWindowsOfMoreThanTwentyYearsTogetherAreRefused() {
    JsonObject json = Json.createObjectBuilder(withInsurance("recentMonths", Json.createValue(120)))
        .add("insurance", Json.createObjectBuilder(withInsurance("recentMonths", Json.createValue(120)).getJsonObject("insurance"))
            .add("earlierMonths", 200))
        .build();
    RuleViolation refused = assertThrows(RuleViolation.class, () -> RuleSetJson.fromJson(2024, "x", json));
    assertEquals("insurance.earlierMonths", refused.errors().get(0).field());
    assertEquals("rules.window", refused.errors().get(0).code());
    // 120 + 120 is exactly twenty years: accepted
    JsonObject twenty = Json.createObjectBuilder(json).add("insurance", Json.createObjectBuilder(json.getJsonObject("insurance"))
        .add("earlierMonths", 120)).build();
    assertEquals(120, RuleSetJson.fromJson(2024, "x", twenty).earlierMonths());
  }

  @Test
  void aNumberThatWouldWrapAroundAnIntIsOutOfRangeNotSmall() {
    RuleViolation refused = assertThrows(RuleViolation.class,
        () -> RuleSetJson.fromJson(2024, "x", withInsurance("recentMonths", Json.createValue(4294967416L))));
    assertEquals("insurance.recentMonths", refused.errors().get(0).field());
  }
}
