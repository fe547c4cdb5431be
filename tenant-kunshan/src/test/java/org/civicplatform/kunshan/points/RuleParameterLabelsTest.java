package org.civicplatform.kunshan.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleParameterLabelsTest {

  private static void leaves(String prefix, JsonObject object, List<String> out) {
    object.forEach((key, value) -> {
      String path = prefix.isEmpty() ? key : prefix + "." + key;
      if (value instanceof JsonObject nested && !nested.isEmpty()) {
        leaves(path, nested, out);
      } else {
        out.add(path);
      }
    });
  }

  @Test
  void everyParameterOfTheDefaultsIsDescribedOnceInTheOrderOfTheJson() {
    List<String> parameters = new ArrayList<>();
    leaves("", new KunshanPointsRules().defaults(2024).orElseThrow().values(), parameters);
    List<String> described = new KunshanPointsRules().describe(2024).getValuesAs(JsonObject.class).stream()
        .map(d -> d.getString("path")).toList();
    assertEquals(parameters, described);
  }

  @Test
  void everyDescriptionHasAChineseAndAnEnglishLabel() {
    for (JsonObject d : new KunshanPointsRules().describe(2024).getValuesAs(JsonObject.class)) {
      assertFalse(d.getJsonObject("label").getString("zh").isBlank(), d.toString());
      assertFalse(d.getJsonObject("label").getString("en").isBlank(), d.toString());
      assertFalse(d.getJsonObject("group").getString("zh").isBlank(), d.toString());
      if (d.get("unit") != JsonValue.NULL) {
        assertFalse(d.getJsonObject("unit").getString("en").isBlank(), d.toString());
      }
    }
  }
}
