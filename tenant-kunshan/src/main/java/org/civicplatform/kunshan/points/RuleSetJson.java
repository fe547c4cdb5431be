package org.civicplatform.kunshan.points;

import org.civicplatform.spi.json.Jsons;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.civicplatform.spi.rules.FieldError;
import org.civicplatform.spi.rules.RuleViolation;

/**
 * A {@link RuleSet} as the JSON the tenant administrator reads and edits ({@code GET/PUT
 * /api/tenants/kunshan/rules/{year}}). Fractions are written {@code "4/12"}; point tables map each level
 * to its points; {@code property.cap} null means no cap.
 *
 * <pre>{@code
 * {"cutOff": "2024-03-31",
 *  "insurance": {"recentMonths": 36, "recentPointsPerMonth": "4/12", "earlierMonths": 84,
 *                "earlierPointsPerMonth": "2/12", "minimumPensionMonths": 12},
 *  "property": {"pointsPerMonth": "1/6", "cap": null},
 *  "education": {"NONE": 0, "JUNIOR_COLLEGE": 5, ...}, "vocational": {...}, "title": {...},
 *  "honours": {"COUNTY": 10, "CITY": 15, "PROVINCE": 20, "NATIONAL": 30},
 *  "lawAbiding": {"points": 20, "years": 3},
 *  "residencePermitYears": 1, "primaryEntryAge": 6, "primaryBirthCutOff": "08-31"}
 * }</pre>
 */
public final class RuleSetJson {

  /** Months the two insurance windows may cover together (recent + earlier). */
  static final int MAX_INSURANCE_WINDOW = 240;


  private RuleSetJson() {}

  public static JsonObject toJson(RuleSet r) {
    JsonObjectBuilder property = Jsons.createObjectBuilder().add("pointsPerMonth", r.propertyPointsPerMonth().toString());
    if (r.propertyCap() == null) {
      property.addNull("cap");
    } else {
      property.add("cap", r.propertyCap());
    }
    return Jsons.createObjectBuilder()
        .add("cutOff", r.cutOff().toString())
        .add("insurance", Jsons.createObjectBuilder()
            .add("recentMonths", r.recentMonths())
            .add("recentPointsPerMonth", r.recentPointsPerMonth().toString())
            .add("earlierMonths", r.earlierMonths())
            .add("earlierPointsPerMonth", r.earlierPointsPerMonth().toString())
            .add("minimumPensionMonths", r.minimumPensionMonths()))
        .add("property", property)
        .add("education", table(r.educationPoints()))
        .add("vocational", table(r.vocationalPoints()))
        .add("title", table(r.titlePoints()))
        .add("honours", table(r.honourPoints()))
        .add("lawAbiding", Jsons.createObjectBuilder().add("points", r.lawAbidingPoints()).add("years", r.lawAbidingYears()))
        .add("residencePermitYears", r.residencePermitYears())
        .add("primaryEntryAge", r.primaryEntryAge())
        .add("primaryBirthCutOff", String.format("%02d-%02d", r.primaryBirthCutOff().getMonthValue(),
            r.primaryBirthCutOff().getDayOfMonth()))
        .build();
  }

  /**
   * The rule set these parameters describe for {@code year} under {@code version}.
   *
   * @throws RuleViolation naming every missing or invalid parameter by its path
   */
  public static RuleSet fromJson(int year, String version, JsonObject json) {
    Reader in = new Reader(json);
    LocalDate cutOff = in.date("cutOff");
    if (cutOff != null && cutOff.getYear() != year) {
      in.errors.add(FieldError.of("cutOff", "rules.cut-off.year", "计分截止日应在 " + year + " 年内。",
          "The cut-off date lies in " + year + "."));
    }
    int recentMonths = in.whole("insurance.recentMonths", 1, 120);
    Fraction recentPoints = in.fraction("insurance.recentPointsPerMonth");
    int earlierMonths = in.whole("insurance.earlierMonths", 0, 240);
    Fraction earlierPoints = in.fraction("insurance.earlierPointsPerMonth");
    int minimumPension = in.whole("insurance.minimumPensionMonths", 0, 120);
    // the two windows lie back to back before the cut-off: together at most 20 years of records
    if (recentMonths + earlierMonths > MAX_INSURANCE_WINDOW && in.errors.isEmpty()) {
      in.errors.add(FieldError.of("insurance.earlierMonths", "rules.window", "社保计分的两个时段合计不能超过 "
          + MAX_INSURANCE_WINDOW + " 个月（20 年）：现为 " + recentMonths + " + " + earlierMonths + " 个月。",
          "The two insurance windows together cover at most " + MAX_INSURANCE_WINDOW + " months (20 years): now "
              + recentMonths + " + " + earlierMonths + "."));
    }
    Fraction propertyPoints = in.fraction("property.pointsPerMonth");
    BigDecimal cap = in.points("property.cap", true);
    Map<Education, BigDecimal> education = in.table("education", Education.class);
    Map<VocationalLevel, BigDecimal> vocational = in.table("vocational", VocationalLevel.class);
    Map<TitleLevel, BigDecimal> title = in.table("title", TitleLevel.class);
    Map<HonourLevel, BigDecimal> honours = in.table("honours", HonourLevel.class);
    BigDecimal lawPoints = in.points("lawAbiding.points", false);
    int lawYears = in.whole("lawAbiding.years", 0, 20);
    int permitYears = in.whole("residencePermitYears", 0, 20);
    int entryAge = in.whole("primaryEntryAge", 5, 8);
    MonthDay birthCutOff = in.monthDay("primaryBirthCutOff");
    if (!in.errors.isEmpty()) {
      throw new RuleViolation(in.errors);
    }
    return new RuleSet(year, version, cutOff, recentMonths, recentPoints, earlierMonths, earlierPoints,
        propertyPoints, cap, education, vocational, title, honours, lawPoints, lawYears, permitYears, minimumPension,
        entryAge, birthCutOff);
  }

  private static <E extends Enum<E>> JsonObjectBuilder table(Map<E, BigDecimal> table) {
    JsonObjectBuilder b = Jsons.createObjectBuilder();
    table.forEach((k, v) -> b.add(k.name(), v));
    return b;
  }

  /** Reads parameters by path, collecting every problem. */
  private static final class Reader {
    final JsonObject root;
    final List<FieldError> errors = new ArrayList<>();

    Reader(JsonObject root) {
      this.root = root == null ? JsonValue.EMPTY_JSON_OBJECT : root;
    }

    JsonValue at(String path) {
      JsonValue current = root;
      for (String part : path.split("\\.")) {
        if (!(current instanceof JsonObject o) || !o.containsKey(part)) {
          return null;
        }
        current = o.get(part);
      }
      return current;
    }

    void required(String path) {
      errors.add(FieldError.of(path, "rules.required", "请填写参数“" + path + "”。", "The parameter “" + path + "” is required."));
    }

    LocalDate date(String path) {
      if (at(path) instanceof JsonString s) {
        try {
          return LocalDate.parse(s.getString());
        } catch (DateTimeParseException e) {
          // below
        }
      }
      errors.add(FieldError.of(path, "rules.date", "“" + path + "”应为日期 YYYY-MM-DD。", "“" + path + "” is a date YYYY-MM-DD."));
      return null;
    }

    MonthDay monthDay(String path) {
      if (at(path) instanceof JsonString s) {
        try {
          return MonthDay.parse("--" + s.getString());
        } catch (DateTimeParseException e) {
          // below
        }
      }
      errors.add(FieldError.of(path, "rules.month-day", "“" + path + "”应为月-日，例如 08-31。", "“" + path + "” is a month-day such as 08-31."));
      return MonthDay.of(8, 31);
    }

    int whole(String path, int min, int max) {
      JsonValue v = at(path);
      // compared as numbers: intValue() would wrap 4294967416 into 120
      if (v instanceof JsonNumber n && n.isIntegral() && n.bigDecimalValue().compareTo(BigDecimal.valueOf(min)) >= 0
          && n.bigDecimalValue().compareTo(BigDecimal.valueOf(max)) <= 0) {
        return n.intValue();
      }
      errors.add(FieldError.of(path, "rules.range", "“" + path + "”应为 " + min + " 到 " + max + " 之间的整数。",
          "“" + path + "” is a whole number from " + min + " to " + max + "."));
      return Math.max(min, 1);
    }

    Fraction fraction(String path) {
      JsonValue v = at(path);
      try {
        if (v instanceof JsonString s && s.getString().matches("\\d{1,6}/\\d{1,6}")) {
          String[] parts = s.getString().split("/");
          return Fraction.of(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        }
        if (v instanceof JsonNumber n && n.bigDecimalValue().signum() >= 0) {
          return Fraction.of(n.bigDecimalValue());
        }
      } catch (IllegalArgumentException e) {
        // below (zero denominator)
      }
      errors.add(FieldError.of(path, "rules.fraction", "“" + path + "”应为非负分数（如 \"4/12\"）或小数。",
          "“" + path + "” is a non-negative fraction such as \"4/12\" or a decimal."));
      return Fraction.ZERO;
    }

    BigDecimal points(String path, boolean nullable) {
      JsonValue v = at(path);
      if (nullable && (v == null || v == JsonValue.NULL)) {
        return null;
      }
      if (v instanceof JsonNumber n && n.bigDecimalValue().signum() >= 0 && n.bigDecimalValue().compareTo(BigDecimal.valueOf(1000)) <= 0) {
        return n.bigDecimalValue();
      }
      errors.add(FieldError.of(path, "rules.points", "“" + path + "”应为 0 到 1000 之间的分值。",
          "“" + path + "” is a number of points from 0 to 1000."));
      return BigDecimal.ZERO;
    }

    <E extends Enum<E>> Map<E, BigDecimal> table(String path, Class<E> levels) {
      Map<E, BigDecimal> table = new EnumMap<>(levels);
      if (!(at(path) instanceof JsonObject)) {
        required(path);
      }
      for (E level : levels.getEnumConstants()) {
        BigDecimal points = at(path) instanceof JsonObject ? points(path + "." + level.name(), false) : BigDecimal.ZERO;
        table.put(level, points);
      }
      return table;
    }
  }
}
