package org.civicplatform.core.allocation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.civicplatform.spi.json.Jsons;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.spi.rules.FieldError;
import org.civicplatform.spi.rules.RuleViolation;
import org.junit.jupiter.api.Test;

class SecondRoundsTest {

  static final Map<String, JsonObject> OFFERED = Map.of(
      "a", JsonObject.EMPTY_JSON_OBJECT, "b", JsonObject.EMPTY_JSON_OBJECT, "c", JsonObject.EMPTY_JSON_OBJECT);

  static JsonObject body(String json) {
    return Jsons.object(json);
  }

  static List<String> fields(RuleViolation e) {
    return e.errors().stream().map(FieldError::field).toList();
  }

  @Test
  void aListOfOfferedDistinctSchoolsIsKeptInItsOrder() {
    assertEquals(List.of("c", "a"), SecondRounds.check(body("{\"choices\": [\"c\", \"a\"]}"), 10, OFFERED));
  }

  @Test
  void aRepeatedSchoolIsNamedAtItsSecondPlace() {
    RuleViolation e = assertThrows(RuleViolation.class,
        () -> SecondRounds.check(body("{\"choices\": [\"a\", \"b\", \"a\"]}"), 10, OFFERED));
    assertEquals(List.of("choices[2]"), fields(e));
  }

  @Test
  void everySchoolNotOfferedIsNamed() {
    RuleViolation e = assertThrows(RuleViolation.class,
        () -> SecondRounds.check(body("{\"choices\": [\"x\", \"a\", \"y\"]}"), 10, OFFERED));
    assertEquals(List.of("choices[0]", "choices[2]"), fields(e));
  }

  @Test
  void moreSchoolsThanTheMaximumAreRefused() {
    ProblemException e = assertThrows(ProblemException.class,
        () -> SecondRounds.check(body("{\"choices\": [\"a\", \"b\", \"c\"]}"), 2, OFFERED));
    assertEquals("choices", e.errors().get(0).field());
  }

  @Test
  void anEmptyListOrNoListIsRefusedNamingChoices() {
    assertEquals("choices", assertThrows(ProblemException.class,
        () -> SecondRounds.check(body("{\"choices\": []}"), 10, OFFERED)).errors().get(0).field());
    assertEquals("choices", assertThrows(ProblemException.class,
        () -> SecondRounds.check(body("{\"choices\": \"a\"}"), 10, OFFERED)).errors().get(0).field());
  }
}
