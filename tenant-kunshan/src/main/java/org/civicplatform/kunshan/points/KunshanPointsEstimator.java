package org.civicplatform.kunshan.points;

import org.civicplatform.spi.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicplatform.spi.rules.ApplicationRules;
import org.civicplatform.spi.rules.FieldError;
import org.civicplatform.spi.rules.RuleViolation;

/**
 * The parent's what-if simulator (积分测算), {@code POST /api/tenants/kunshan/points/estimate}: turns
 * the documented request into a {@link PointsProfile}, computes it with the year's {@link RuleSet}
 * and answers the documented response. Nothing is stored and nothing is pending: every absent field
 * means "none" (and an absent {@code lawAbiding} means no 遵规守法 points).
 *
 * <p>Request fields: {@code year}, {@code propertyRegisteredOn}, {@code
 * insuranceMonths.recent|earlier .pension|medical|unemployment|injury|maternity}, {@code
 * education}, {@code vocationalLevel}, {@code titleLevel}, {@code honours[i].kind|level|awardedOn},
 * {@code lawAbiding}. Response: {@code year}, {@code ruleSet}, {@code items} ({@code property,
 * education, vocational, title, titleOrEducation, insurance, honours, lawAbiding}) and {@code
 * total}, numbers rounded to 2 decimals and written without trailing zeros (41.17, 5, 0).
 *
 * <p>Every problem of the request is collected and thrown as one {@link RuleViolation}, each {@link
 * FieldError} naming its field path: wrong JSON types, unknown fields, unknown enum values,
 * malformed dates, a year without a rule set, months outside 0…36 or 0…84, dates after the cut-off.
 */
public final class KunshanPointsEstimator implements ApplicationRules.PointsEstimator {

  private static final Set<String> FIELDS =
      Set.of(
          "year",
          "propertyRegisteredOn",
          "insuranceMonths",
          "education",
          "vocationalLevel",
          "titleLevel",
          "honours",
          "lawAbiding");
  private static final List<String> PARTS = List.of("recent", "earlier");
  private static final Set<String> HONOUR_FIELDS = Set.of("kind", "level", "awardedOn");
  private static final List<PointsItem> RESPONSE_ITEMS =
      List.of(
          PointsItem.PROPERTY,
          PointsItem.EDUCATION,
          PointsItem.VOCATIONAL,
          PointsItem.TITLE,
          PointsItem.TITLE_OR_EDUCATION,
          PointsItem.INSURANCE,
          PointsItem.HONOURS,
          PointsItem.LAW_ABIDING);

  private static final Map<String, InsuranceType> INSURANCE_TYPES =
      Arrays.stream(InsuranceType.values())
          .collect(Collectors.toMap(InsuranceType::jsonName, type -> type));

  private final RuleSets ruleSets;

  /** With the shipped default rule sets ({@link RuleSets#defaults()}). */
  public KunshanPointsEstimator() {
    this(RuleSets.defaults());
  }

  public KunshanPointsEstimator(RuleSets ruleSets) {
    this.ruleSets = Objects.requireNonNull(ruleSets, "ruleSets");
  }

  @Override
  public JsonObject estimate(JsonObject request) {
    return estimate(request, year -> java.util.Optional.empty());
  }

  /** The year's stored parameters (the tenant admin's 积分规则参数) replace the shipped rule set when there are any. */
  @Override
  public JsonObject estimate(
      JsonObject request, java.util.function.IntFunction<java.util.Optional<org.civicplatform.spi.rules.PointsRules.Parameters>> inForce) {
    JsonObject body = request == null ? JsonValue.EMPTY_JSON_OBJECT : request;
    List<FieldError> errors = new ArrayList<>();
    for (String key : body.keySet()) {
      if (!FIELDS.contains(key)) {
        errors.add(PointsMessages.error(key, "points.field.unknown"));
      }
    }
    RuleSet ruleSet = ruleSet(body.get("year"), errors, inForce);
    PointsProfile profile =
        new PointsProfile(
            date(body.get("propertyRegisteredOn"), "propertyRegisteredOn", errors),
            insuranceMonths(body.get("insuranceMonths"), errors),
            choice(body.get("education"), "education", Education.class, errors),
            choice(body.get("vocationalLevel"), "vocationalLevel", VocationalLevel.class, errors),
            choice(body.get("titleLevel"), "titleLevel", TitleLevel.class, errors),
            honours(body.get("honours"), errors),
            lawAbiding(body.get("lawAbiding"), errors),
            Set.of());
    if (ruleSet != null) {
      PointsCalculator calculator = new PointsCalculator(ruleSet);
      errors.addAll(calculator.check(profile));
      if (errors.isEmpty()) {
        return response(calculator.calculate(profile));
      }
    }
    throw new RuleViolation(errors);
  }

  /** The documented response for a breakdown without pending items. */
  static JsonObject response(PointsBreakdown breakdown) {
    JsonObjectBuilder items = Jsons.createObjectBuilder();
    for (PointsItem item : RESPONSE_ITEMS) {
      items.add(item.jsonName(), number(breakdown.value(item).orElseThrow()));
    }
    return Jsons.createObjectBuilder()
        .add("year", breakdown.year())
        .add("ruleSet", breakdown.ruleSet())
        .add("items", items)
        .add("total", number(breakdown.total()))
        .build();
  }

  /** A points value as the response writes it: 41.17, 5, 0 (never 5.00 nor 2E+1). */
  static BigDecimal number(BigDecimal points) {
    BigDecimal stripped = points.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private RuleSet ruleSet(JsonValue value, List<FieldError> errors,
      java.util.function.IntFunction<java.util.Optional<org.civicplatform.spi.rules.PointsRules.Parameters>> inForce) {
    if (absent(value)) {
      RuleSet latest = ruleSets.latest();
      return inForce.apply(latest.year()).map(p -> KunshanPointsRules.ruleSet(latest.year(), p)).orElse(latest);
    }
    Integer year = null;
    if (value instanceof JsonNumber number) {
      try {
        year = number.bigDecimalValue().intValueExact();
      } catch (ArithmeticException e) {
        year = null;
      }
    }
    if (year == null) {
      errors.add(PointsMessages.error("year", "points.year.format"));
      return null;
    }
    int y = year;
    RuleSet ruleSet = inForce.apply(y).map(p -> KunshanPointsRules.ruleSet(y, p))
        .orElseGet(() -> ruleSets.forYear(y).orElse(null));
    if (ruleSet == null) {
      String years =
          ruleSets.years().stream().map(String::valueOf).collect(Collectors.joining(", "));
      errors.add(PointsMessages.error("year", "points.year.unknown", String.valueOf(year), years));
    }
    return ruleSet;
  }

  private static InsuranceMonths insuranceMonths(JsonValue value, List<FieldError> errors) {
    if (absent(value)) {
      return InsuranceMonths.NONE;
    }
    if (!(value instanceof JsonObject object)) {
      errors.add(PointsMessages.error("insuranceMonths", "points.type.object"));
      return InsuranceMonths.NONE;
    }
    for (String key : object.keySet()) {
      if (!PARTS.contains(key)) {
        errors.add(PointsMessages.error("insuranceMonths." + key, "points.field.unknown"));
      }
    }
    return new InsuranceMonths(
        part(object.get("recent"), "insuranceMonths.recent", errors),
        part(object.get("earlier"), "insuranceMonths.earlier", errors));
  }

  private static Map<InsuranceType, Integer> part(
      JsonValue value, String path, List<FieldError> errors) {
    Map<InsuranceType, Integer> months = new EnumMap<>(InsuranceType.class);
    if (absent(value)) {
      return months;
    }
    if (!(value instanceof JsonObject object)) {
      errors.add(PointsMessages.error(path, "points.type.object"));
      return months;
    }
    object.forEach(
        (key, count) -> {
          InsuranceType type = INSURANCE_TYPES.get(key);
          if (type == null) {
            errors.add(PointsMessages.error(path + "." + key, "points.field.unknown"));
          } else if (!absent(count)) {
            Integer whole = wholeNumber(count);
            if (whole == null) {
              errors.add(PointsMessages.error(path + "." + key, "points.insurance.months.format"));
            } else {
              months.put(type, whole);
            }
          }
        });
    return months;
  }

  private static List<Honour> honours(JsonValue value, List<FieldError> errors) {
    List<Honour> honours = new ArrayList<>();
    if (absent(value)) {
      return honours;
    }
    if (!(value instanceof JsonArray array)) {
      errors.add(PointsMessages.error("honours", "points.type.array"));
      return honours;
    }
    for (int i = 0; i < array.size(); i++) {
      String path = "honours[" + i + "]";
      if (!(array.get(i) instanceof JsonObject entry)) {
        errors.add(PointsMessages.error(path, "points.type.object"));
        continue;
      }
      for (String key : entry.keySet()) {
        if (!HONOUR_FIELDS.contains(key)) {
          errors.add(PointsMessages.error(path + "." + key, "points.field.unknown"));
        }
      }
      HonourKind kind = required(entry.get("kind"), path + ".kind", HonourKind.class, errors);
      HonourLevel level = required(entry.get("level"), path + ".level", HonourLevel.class, errors);
      LocalDate awardedOn = date(entry.get("awardedOn"), path + ".awardedOn", errors);
      if (kind != null && level != null) {
        honours.add(new Honour(kind, level, awardedOn));
      }
    }
    return honours;
  }

  private static Boolean lawAbiding(JsonValue value, List<FieldError> errors) {
    if (absent(value)) {
      return Boolean.FALSE;
    }
    if (value.getValueType() == JsonValue.ValueType.TRUE) {
      return Boolean.TRUE;
    }
    if (value.getValueType() == JsonValue.ValueType.FALSE) {
      return Boolean.FALSE;
    }
    errors.add(PointsMessages.error("lawAbiding", "points.type.boolean"));
    return Boolean.FALSE;
  }

  private static <E extends Enum<E>> E required(
      JsonValue value, String path, Class<E> type, List<FieldError> errors) {
    if (absent(value)) {
      errors.add(PointsMessages.error(path, "points.value.required"));
      return null;
    }
    return choice(value, path, type, errors);
  }

  /** An enum value written as its constant name; absent means the first constant (NONE). */
  private static <E extends Enum<E>> E choice(
      JsonValue value, String path, Class<E> type, List<FieldError> errors) {
    E[] constants = type.getEnumConstants();
    if (absent(value)) {
      return constants[0];
    }
    String allowed = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
    if (!(value instanceof JsonString text)) {
      errors.add(PointsMessages.error(path, "points.value.unknown", value.toString(), allowed));
      return null;
    }
    for (E constant : constants) {
      if (constant.name().equals(text.getString())) {
        return constant;
      }
    }
    errors.add(PointsMessages.error(path, "points.value.unknown", text.getString(), allowed));
    return null;
  }

  private static LocalDate date(JsonValue value, String path, List<FieldError> errors) {
    if (absent(value)) {
      return null;
    }
    if (value instanceof JsonString text) {
      try {
        return LocalDate.parse(text.getString());
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    errors.add(PointsMessages.error(path, "points.date.format"));
    return null;
  }

  private static Integer wholeNumber(JsonValue value) {
    if (value instanceof JsonNumber number) {
      try {
        return number.bigDecimalValue().intValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    return null;
  }

  private static boolean absent(JsonValue value) {
    return value == null || value == JsonValue.NULL;
  }
}
