package org.civicplatform.spi.rules;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * A department reviewer's values for the items of their stage, checked by the tenant.
 *
 * @param values the normalised values (item → value)
 * @param overrides the items whose value differs from the automatic registry result: they need a
 *     second reviewer of the same scope (4-eyes) before they count
 */
public record ConfirmedValues(JsonObject values, List<String> overrides) {

  public ConfirmedValues {
    values = values == null ? jakarta.json.JsonValue.EMPTY_JSON_OBJECT : values;
    overrides = List.copyOf(overrides);
  }
}
