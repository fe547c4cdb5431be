package org.civicplatform.kunshan.review;

import org.civicplatform.spi.json.Jsons;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import org.civicplatform.spi.rules.checks.Dates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.civicplatform.kunshan.points.Education;
import org.civicplatform.kunshan.points.HonourLevel;
import org.civicplatform.kunshan.points.KunshanPointsRules;
import org.civicplatform.kunshan.points.RuleSet;
import org.civicplatform.kunshan.points.TitleLevel;
import org.civicplatform.kunshan.points.VocationalLevel;
import org.civicplatform.kunshan.verification.KunshanRegistryChecks;
import org.civicplatform.spi.review.ReviewStage;
import org.civicplatform.spi.rules.CheckResult;
import org.civicplatform.spi.rules.ConfirmedValues;
import org.civicplatform.spi.rules.FieldError;
import org.civicplatform.spi.rules.RuleViolation;

/**
 * What a Kunshan department reviewer confirms or corrects with an approval ({@code values}, item →
 * value), each department only its own items (seed 000 §5.2.1):
 *
 * <ul>
 *   <li>{@code property}: the certificate's registration date {@code "2003-08-15"}, or null (no
 *       residential property that counts);
 *   <li>{@code insurance.pension|medical|unemployment|injury|maternity}: {@code {"recent": 0…36,
 *       "earlier": 0…84}} months in Kunshan in the year's window;
 *   <li>{@code lawAbiding}: true / false; {@code residencePermit}: the issue date or null;
 *   <li>{@code education}: NONE, JUNIOR_COLLEGE, BACHELOR, MASTER, DOCTOR; {@code vocational}: NONE,
 *       LEVEL5…LEVEL1; {@code title}: NONE, JUNIOR, INTERMEDIATE, ASSOCIATE_SENIOR, SENIOR;
 *   <li>{@code honour.BRAVERY|MODEL_WORKER|MORAL_MODEL}: NONE, COUNTY, CITY, PROVINCE, NATIONAL;
 *   <li>the other items ({@code documents}, {@code guardians}, {@code schoolRecord}, {@code private1},
 *       {@code total}): true / false.
 * </ul>
 *
 * A property or insurance value different from the registry look-up's overrides it: it needs a second
 * reviewer (4-eyes).
 */
public final class KunshanConfirmations {

  private final KunshanPointsRules points;

  public KunshanConfirmations(KunshanPointsRules points) {
    this.points = points;
  }

  public ConfirmedValues confirm(
      ReviewStage stage, JsonObject values, JsonObject application, List<CheckResult> automatic) {
    int year = application.get("schoolYear") instanceof JsonNumber n ? n.intValue() : 2024;
    RuleSet ruleSet = points.shipped(year);
    List<FieldError> errors = new ArrayList<>();
    JsonObjectBuilder normalised = Jsons.createObjectBuilder();
    List<String> overrides = new ArrayList<>();
    for (String item : values.keySet()) {
      String path = "values." + item;
      JsonValue value = values.get(item);
      if (!stage.items().contains(item)) {
        errors.add(FieldError.of(path, "confirmation.not-an-item",
            "“" + stage.name().zh() + "”不确认“" + item + "”，可确认：" + String.join("、", stage.items()) + "。",
            "“" + stage.name().en() + "” does not confirm “" + item + "”; it confirms: " + String.join(", ", stage.items()) + "."));
        continue;
      }
      JsonValue checked = check(item, path, value, ruleSet, errors);
      if (checked == null) {
        continue;
      }
      normalised.add(item, checked);
      registryValue(item, automatic, ruleSet)
          .filter(registry -> !Objects.equals(registry, checked))
          .ifPresent(registry -> overrides.add(item));
    }
    if (!errors.isEmpty()) {
      throw new RuleViolation(errors);
    }
    return new ConfirmedValues(normalised.build(), overrides);
  }

  /** The value the registry look-up implies for an item, if the item has a registry source and it answered. */
  static Optional<JsonValue> registryValue(String item, List<CheckResult> automatic, RuleSet ruleSet) {
    if ("property".equals(item)) {
      return automatic.stream().filter(r -> r.item().equals(KunshanRegistryChecks.PROPERTY))
          .filter(r -> !"NO_PROPERTY".equals(r.data().getString("status", "")))
          .findFirst().map(r -> "MATCHED".equals(r.data().getString("status", ""))
              ? Jsons.createValue(r.data().getString("registrationDate")) : JsonValue.NULL);
    }
    if (item.startsWith("insurance.")) {
      String type = item.substring("insurance.".length());
      return automatic.stream().filter(r -> r.item().equals(KunshanRegistryChecks.SOCIAL_INSURANCE)).findFirst()
          .map(r -> {
            int[] months = KunshanPointsRules.registryMonths(r, type, ruleSet);
            return Jsons.createObjectBuilder().add("recent", months[0]).add("earlier", months[1]).build();
          });
    }
    return Optional.empty();
  }

  static JsonValue check(String item, String path, JsonValue value, RuleSet ruleSet, List<FieldError> errors) {
    if (item.equals("property") || item.equals("residencePermit")) {
      if (value == null || value == JsonValue.NULL) {
        return JsonValue.NULL;
      }
      LocalDate date = value instanceof JsonString s ? date(s.getString()) : null;
      if (date == null) {
        errors.add(FieldError.of(path, "confirmation.date", "日期格式应为 YYYY-MM-DD（无则填 null）。",
            "Write the date as YYYY-MM-DD (null when there is none)."));
        return null;
      }
      if (item.equals("property") && date.isAfter(ruleSet.cutOff())) {
        errors.add(FieldError.of(path, "confirmation.after-cut-off", "产权证登记日期不能晚于计分截止日 " + ruleSet.cutOff() + "。",
            "The registration date cannot be after the cut-off " + ruleSet.cutOff() + "."));
        return null;
      }
      return Jsons.createValue(date.toString());
    }
    if (item.startsWith("insurance.")) {
      if (!(value instanceof JsonObject months)) {
        errors.add(FieldError.of(path, "confirmation.months", "参保月数应写作 {\"recent\": 月数, \"earlier\": 月数}。",
            "Insurance months are written {\"recent\": n, \"earlier\": n}."));
        return null;
      }
      Integer recent = whole(months.get("recent"), ruleSet.recentMonths());
      Integer earlier = whole(months.get("earlier"), ruleSet.earlierMonths());
      if (recent == null) {
        errors.add(FieldError.of(path + ".recent", "confirmation.months.range",
            ruleSet.recentFrom() + " 至 " + ruleSet.recentTo() + " 的参保月数应在 0 到 " + ruleSet.recentMonths() + " 之间。",
            "Months from " + ruleSet.recentFrom() + " to " + ruleSet.recentTo() + " lie between 0 and " + ruleSet.recentMonths() + "."));
      }
      if (earlier == null) {
        errors.add(FieldError.of(path + ".earlier", "confirmation.months.range",
            ruleSet.earlierFrom() + " 至 " + ruleSet.earlierTo() + " 的参保月数应在 0 到 " + ruleSet.earlierMonths() + " 之间。",
            "Months from " + ruleSet.earlierFrom() + " to " + ruleSet.earlierTo() + " lie between 0 and " + ruleSet.earlierMonths() + "."));
      }
      return recent == null || earlier == null ? null
          : Jsons.createObjectBuilder().add("recent", recent).add("earlier", earlier).build();
    }
    Class<? extends Enum<?>> levels = switch (item) {
      case "education" -> Education.class;
      case "vocational" -> VocationalLevel.class;
      case "title" -> TitleLevel.class;
      default -> item.startsWith("honour.") ? HonourLevel.class : null;
    };
    if (levels != null) {
      List<String> allowed = new ArrayList<>(Arrays.stream(levels.getEnumConstants()).map(Enum::name).toList());
      if (levels == HonourLevel.class) {
        allowed.add(0, "NONE");
      }
      if (value instanceof JsonString s && allowed.contains(s.getString())) {
        return s;
      }
      errors.add(FieldError.of(path, "confirmation.level", "取值应为：" + String.join("、", allowed) + "。",
          "The value is one of: " + allowed.stream().collect(Collectors.joining(", ")) + "."));
      return null;
    }
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value;
    }
    errors.add(FieldError.of(path, "confirmation.boolean", "此项应确认为 true 或 false。", "Confirm this item as true or false."));
    return null;
  }

  /** The whole number from 0 to {@code max}, compared as a number (intValue() would wrap 2^32 + 12 to 12). */
  static Integer whole(JsonValue value, int max) {
    if (value instanceof JsonNumber n && n.isIntegral() && n.bigDecimalValue().signum() >= 0
        && n.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(max)) <= 0) {
      return n.intValue();
    }
    return null;
  }

  /** A real day written yyyy-MM-dd from 1900 ({@link Dates}; LocalDate.parse also takes 0000-01-01). */
  static LocalDate date(String text) {
    return Dates.parse(text).filter(d -> !d.isBefore(Dates.EARLIEST)).orElse(null);
  }
}
