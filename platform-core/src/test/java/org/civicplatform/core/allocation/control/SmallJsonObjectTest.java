package org.civicplatform.core.allocation.control;

import org.civicplatform.spi.json.Jsons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** The run's small objects behave as the JSON-P objects a parser gives for the same members. */
class SmallJsonObjectTest {

  private static final String TEXT = "{\"item\":\"insurance\",\"value\":12.50,\"n\":3,\"ok\":true,\"none\":null,"
      + "\"list\":[1,\"a\"],\"inner\":{\"居住证\":\"2019-05-01\"},\"quote\\\"d\":\"x\"}";

  private static JsonObject small() {
    JsonObject parsed = Jsons.object(TEXT);
    return new SmallJsonObject(parsed.keySet().toArray(String[]::new), parsed.values().toArray(JsonValue[]::new));
  }

  @Test
  void itEqualsTheParsersObjectBothWaysWithTheSameHashAndText() {
    JsonObject parsed = Jsons.object(TEXT);
    assertEquals(parsed, small());
    assertEquals(small(), parsed);
    assertEquals(parsed.hashCode(), small().hashCode());
    assertEquals(parsed, Jsons.object(small().toString()));
  }

  @Test
  void itsGettersAnswerAsTheParsersObjectDoes() {
    JsonObject o = small();
    assertEquals("insurance", o.getString("item"));
    assertEquals("fallback", o.getString("value", "fallback"));
    assertEquals(3, o.getInt("n"));
    assertEquals(7, o.getInt("item", 7));
    assertTrue(o.getBoolean("ok"));
    assertFalse(o.getBoolean("none", false));
    assertTrue(o.isNull("none"));
    assertEquals("2019-05-01", o.getJsonObject("inner").getString("居住证"));
    assertEquals(2, o.getJsonArray("list").size());
    assertEquals(JsonValue.ValueType.OBJECT, o.getValueType());
    assertNull(o.get("absent"));
    assertThrows(NullPointerException.class, () -> o.isNull("absent"));
    assertThrows(ClassCastException.class, () -> o.getBoolean("item"));
    assertThrows(UnsupportedOperationException.class, () -> o.put("x", JsonValue.TRUE));
  }
}
