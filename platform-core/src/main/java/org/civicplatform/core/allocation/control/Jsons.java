package org.civicplatform.core.allocation.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * JSON-P through one provider looked up once: {@code Json.createReader} looks the provider up with a
 * ServiceLoader on every call, which over a large class path costs about a millisecond — minutes for a
 * run of 100 000 applications.
 */
public final class Jsons {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsons() {}

  public static JsonObject object(String text) {
    try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  /** Any JSON value (object, array, string, number, literal). */
  public static jakarta.json.JsonValue value(String text) {
    try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  public static JsonArray array(String text) {
    try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
      return reader.readArray();
    }
  }

  public static JsonObjectBuilder objectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  /** A builder starting with the members of {@code object}. */
  public static JsonObjectBuilder objectBuilder(JsonObject object) {
    return PROVIDER.createObjectBuilder(object);
  }

  public static JsonArrayBuilder arrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  /** A JSON string literal (quoted, escaped). */
  public static String quoted(String value) {
    return PROVIDER.createValue(value).toString();
  }
}
