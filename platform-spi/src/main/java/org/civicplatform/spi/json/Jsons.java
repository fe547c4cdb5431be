package org.civicplatform.spi.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * JSON-P through one provider looked up once. The static {@code jakarta.json.Json} factories look the
 * provider up with a ServiceLoader scan of the class path on every call ({@code Json.createReader},
 * {@code Json.createObjectBuilder} …): on the submit path that was 78 % of the request CPU. The
 * {@code create*} methods here have the same names and arguments as {@code Json}'s, so they replace
 * them one for one; core and tenants use only these.
 */
public final class Jsons {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsons() {}

  /** The one provider (for factories with configuration, e.g. a reader factory). */
  public static JsonProvider provider() {
    return PROVIDER;
  }

  public static JsonReader createReader(Reader reader) {
    return PROVIDER.createReader(reader);
  }

  public static JsonReader createReader(InputStream in) {
    return PROVIDER.createReader(in);
  }

  public static JsonObjectBuilder createObjectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonObjectBuilder createObjectBuilder(JsonObject object) {
    return PROVIDER.createObjectBuilder(object);
  }

  public static JsonObjectBuilder createObjectBuilder(Map<String, ?> map) {
    return PROVIDER.createObjectBuilder(map);
  }

  public static JsonArrayBuilder createArrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonArrayBuilder createArrayBuilder(JsonArray array) {
    return PROVIDER.createArrayBuilder(array);
  }

  public static JsonArrayBuilder createArrayBuilder(Collection<?> collection) {
    return PROVIDER.createArrayBuilder(collection);
  }

  public static JsonString createValue(String value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(int value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(long value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(double value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(BigDecimal value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(BigInteger value) {
    return PROVIDER.createValue(value);
  }

  /** Parses an object. */
  public static JsonObject object(String text) {
    try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  /** Parses any JSON value (object, array, string, number, literal). */
  public static JsonValue value(String text) {
    try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  /** Parses an array. */
  public static JsonArray array(String text) {
    try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
      return reader.readArray();
    }
  }

  /** A JSON string literal (quoted, escaped). */
  public static String quoted(String value) {
    return PROVIDER.createValue(value).toString();
  }
}
