package org.civicplatform.core.registry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicplatform.spi.registry.HouseholdPerson;
import org.civicplatform.spi.registry.PropertyRecord;

/**
 * The fixture data the simulated registries answer from: {@code registry/household.json} and {@code
 * registry/real-estate.json} on the class path (demo families of Siming; deterministic).
 */
@ApplicationScoped
public class RegistryFixtures {

  private final Map<String, HouseholdPerson> people = load("registry/household.json", "people").stream()
      .map(RegistryFixtures::person)
      .collect(Collectors.toUnmodifiableMap(p -> p.idNumber().toUpperCase(Locale.ROOT), Function.identity()));

  private final Map<String, PropertyRecord> properties = load("registry/real-estate.json", "properties")
      .stream().map(RegistryFixtures::property)
      .collect(Collectors.toUnmodifiableMap(p -> p.number().toUpperCase(Locale.ROOT), Function.identity()));

  public Optional<HouseholdPerson> person(String idNumber) {
    return idNumber == null ? Optional.empty() : Optional.ofNullable(people.get(idNumber.strip().toUpperCase(Locale.ROOT)));
  }

  public Optional<PropertyRecord> property(String number) {
    return number == null ? Optional.empty() : Optional.ofNullable(properties.get(number.strip().toUpperCase(Locale.ROOT)));
  }

  private static java.util.List<JsonObject> load(String resource, String key) {
    try (InputStream in = RegistryFixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + resource);
      }
      try (JsonReader reader = Json.createReader(in)) {
        return reader.readObject().getJsonArray(key).getValuesAs(JsonObject.class);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static HouseholdPerson person(JsonObject o) {
    return new HouseholdPerson(o.getString("idNumber"), o.getString("name"), LocalDate.parse(o.getString("birthDate")),
        o.getString("gender"), o.getString("householdAddress"), o.getString("householdKind"),
        text(o, "fatherIdNumber"), text(o, "motherIdNumber"), text(o, "namePinyin"));
  }

  static PropertyRecord property(JsonObject o) {
    return new PropertyRecord(o.getString("number"), o.getBoolean("contract", false),
        o.getJsonArray("owners").getValuesAs(JsonObject.class).stream()
            .map(w -> new PropertyRecord.Owner(w.getString("idNumber"), w.getString("name"),
                new BigDecimal(w.getJsonNumber("share").toString())))
            .toList(),
        LocalDate.parse(o.getString("registrationDate")), o.getString("address"));
  }

  private static String text(JsonObject o, String key) {
    JsonValue v = o.get(key);
    return v instanceof JsonString s ? s.getString() : null;
  }
}
