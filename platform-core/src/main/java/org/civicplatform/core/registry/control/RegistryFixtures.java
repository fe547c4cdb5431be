package org.civicplatform.core.registry.control;

import org.civicplatform.spi.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicplatform.spi.registry.HouseholdPerson;
import org.civicplatform.spi.registry.InsuranceRecord;
import org.civicplatform.spi.registry.PropertyRecord;

/**
 * The fixture data the simulated registries answer from: {@code registry/household.json} and {@code
 * registry/real-estate.json} and {@code registry/social-insurance.json} on the class path (demo families of
 * Siming and Kunshan; deterministic).
 */
@ApplicationScoped
public class RegistryFixtures {

  private final Map<String, HouseholdPerson> people = load("registry/household.json", "people").stream()
      .map(RegistryFixtures::person)
      .collect(Collectors.toUnmodifiableMap(p -> p.idNumber().toUpperCase(Locale.ROOT), Function.identity()));

  private final Map<String, PropertyRecord> properties = load("registry/real-estate.json", "properties")
      .stream().map(RegistryFixtures::property)
      .collect(Collectors.toUnmodifiableMap(p -> p.number().toUpperCase(Locale.ROOT), Function.identity()));

  private final Map<String, InsuranceRecord> insurance = load("registry/social-insurance.json", "people").stream()
      .collect(Collectors.toUnmodifiableMap(o -> o.getString("idNumber").toUpperCase(Locale.ROOT), RegistryFixtures::insurance));

  /** The insurance record of a person; a person not in the fixture has no personal number. */
  public InsuranceRecord insurance(String idNumber) {
    InsuranceRecord found = idNumber == null ? null : insurance.get(idNumber.strip().toUpperCase(Locale.ROOT));
    return found != null ? found : InsuranceRecord.problem(InsuranceRecord.Status.NOT_FOUND, "SOCIAL");
  }

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
      try (JsonReader reader = Jsons.createReader(in)) {
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

  static InsuranceRecord insurance(JsonObject o) {
    InsuranceRecord.Status status = InsuranceRecord.Status.valueOf(o.getString("status"));
    if (status != InsuranceRecord.Status.FOUND) {
      return InsuranceRecord.problem(status, o.getString("fund", "SOCIAL"));
    }
    Map<String, java.util.List<YearMonth>> months = new java.util.HashMap<>();
    for (JsonObject period : o.getJsonArray("periods").getValuesAs(JsonObject.class)) {
      YearMonth from = YearMonth.parse(period.getString("from"));
      YearMonth to = YearMonth.parse(period.getString("to"));
      for (JsonString type : period.getJsonArray("types").getValuesAs(JsonString.class)) {
        var list = months.computeIfAbsent(type.getString(), t -> new java.util.ArrayList<>());
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
          list.add(m);
        }
      }
    }
    return InsuranceRecord.found(months);
  }

  private static String text(JsonObject o, String key) {
    JsonValue v = o.get(key);
    return v instanceof JsonString s ? s.getString() : null;
  }
}
