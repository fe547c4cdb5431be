package org.civicplatform.core.allocation.control;

import org.civicplatform.spi.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable JSON object of a few members kept in two arrays, in the order given: what a run builds for
 * every array element and object it puts back together from the parts it read (a million per run; a
 * parser's builder gave each a linked hash map). Equal, as a map, to any JSON-P object with the same
 * members; its text is the members in order.
 */
final class SmallJsonObject extends AbstractMap<String, JsonValue> implements JsonObject {

  private final String[] names;
  private final JsonValue[] values;

  /** @param names distinct member names; {@code values} in the same order, none null */
  SmallJsonObject(String[] names, JsonValue[] values) {
    if (names.length != values.length) {
      throw new IllegalArgumentException("as many values as names");
    }
    this.names = names;
    this.values = values;
  }

  @Override
  public JsonValue get(Object name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return values[i];
      }
    }
    return null;
  }

  @Override
  public boolean containsKey(Object name) {
    return get(name) != null;
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public Set<Entry<String, JsonValue>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, JsonValue>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < names.length;
          }

          @Override
          public Entry<String, JsonValue> next() {
            if (next >= names.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return names.length;
      }
    };
  }

  @Override
  public JsonArray getJsonArray(String name) {
    return (JsonArray) get(name);
  }

  @Override
  public JsonObject getJsonObject(String name) {
    return (JsonObject) get(name);
  }

  @Override
  public JsonNumber getJsonNumber(String name) {
    return (JsonNumber) get(name);
  }

  @Override
  public JsonString getJsonString(String name) {
    return (JsonString) get(name);
  }

  @Override
  public String getString(String name) {
    return getJsonString(name).getString();
  }

  @Override
  public String getString(String name, String defaultValue) {
    return get(name) instanceof JsonString s ? s.getString() : defaultValue;
  }

  @Override
  public int getInt(String name) {
    return getJsonNumber(name).intValue();
  }

  @Override
  public int getInt(String name, int defaultValue) {
    return get(name) instanceof JsonNumber n ? n.intValue() : defaultValue;
  }

  @Override
  public boolean getBoolean(String name) {
    JsonValue value = get(name);
    if (value == null) {
      throw new NullPointerException("no member " + name);
    }
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value == JsonValue.TRUE;
    }
    throw new ClassCastException("member " + name + " is not a boolean");
  }

  @Override
  public boolean getBoolean(String name, boolean defaultValue) {
    JsonValue value = get(name);
    return value == JsonValue.TRUE || (value != JsonValue.FALSE && defaultValue);
  }

  @Override
  public boolean isNull(String name) {
    JsonValue value = get(name);
    if (value == null) {
      throw new NullPointerException("no member " + name);
    }
    return value.getValueType() == ValueType.NULL;
  }

  @Override
  public ValueType getValueType() {
    return ValueType.OBJECT;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(Jsons.quoted(names[i])).append(':').append(values[i]);
    }
    return out.append('}').toString();
  }
}
