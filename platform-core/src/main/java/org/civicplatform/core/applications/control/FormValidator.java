package org.civicplatform.core.applications.control;

import org.civicplatform.spi.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.civicplatform.spi.form.FieldType;
import org.civicplatform.spi.form.FormField;
import org.civicplatform.spi.form.FormSection;
import org.civicplatform.spi.form.FormStep;
import org.civicplatform.spi.form.Option;
import org.civicplatform.spi.rules.FieldError;
import org.civicplatform.spi.rules.checks.Dates;
import org.civicplatform.spi.rules.checks.IdNumbers;
import org.civicplatform.spi.rules.checks.MobileNumbers;
import org.civicplatform.spi.rules.checks.Spaces;

/**
 * The checks every form gets from its definition, before the tenant's own rules: known sections and
 * fields only, required fields answered when visible, values of the declared type, choices among the
 * options, text within its length and pattern, ID and mobile numbers well formed, dates real days
 * from 1900 to {@code today} ({@link Dates}; so is the birth date inside a mainland ID number). Hidden
 * fields and sections are dropped, never stored. Spaces inside numbers are removed rather than refused.
 *
 * <p>Answers of a step are {@code {"<section>": {"<field>": value}}}, a repeatable section holding a
 * list of such objects. Conditions name {@code section.field} in the same step or {@code
 * step.section.field} anywhere in the application.
 */
public final class FormValidator {

  private FormValidator() {}

  /** The outcome: the normalised answers to store, or the errors (then nothing is stored). */
  public record Result(JsonObject answers, List<FieldError> errors) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  public static Result validate(FormStep step, JsonObject stepAnswers, JsonObject application, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> known = step.sections().stream().map(FormSection::id).collect(Collectors.toSet());
    for (String key : stepAnswers.keySet()) {
      if (!known.contains(key)) {
        errors.add(error(step.id() + "." + key, "field.unknown", "表单中没有这一项。", "This form has no such section."));
      }
    }
    JsonObjectBuilder out = Jsons.createObjectBuilder();
    for (FormSection section : step.sections()) {
      String path = step.id() + "." + section.id();
      Function<String, Object> lookup = lookupFor(step.id(), stepAnswers, application, null, null);
      if (!section.visibleWhen().test(lookup)) {
        continue;
      }
      JsonValue value = stepAnswers.get(section.id());
      if (section.maxRepeats() > 1) {
        JsonArray entries = value instanceof JsonArray a ? a : value == null || value == JsonValue.NULL ? JsonValue.EMPTY_JSON_ARRAY : null;
        if (entries == null) {
          errors.add(error(path, "section.list", "此项应为列表。", "This section is a list."));
          continue;
        }
        if (entries.size() > section.maxRepeats()) {
          errors.add(error(path, "section.too-many", "最多填写 " + section.maxRepeats() + " 项。",
              "At most " + section.maxRepeats() + " entries."));
          continue;
        }
        JsonArrayBuilder list = Jsons.createArrayBuilder();
        for (int i = 0; i < entries.size(); i++) {
          if (!(entries.get(i) instanceof JsonObject entry)) {
            errors.add(error(path + "[" + i + "]", "section.object", "此项格式不正确。", "This entry is malformed."));
            continue;
          }
          list.add(fields(step.id(), section, entry, path + "[" + i + "]", stepAnswers, application, today, errors));
        }
        out.add(section.id(), list);
      } else {
        JsonObject entry = value instanceof JsonObject o ? o : value == null || value == JsonValue.NULL ? JsonValue.EMPTY_JSON_OBJECT : null;
        if (entry == null) {
          errors.add(error(path, "section.object", "此项格式不正确。", "This section is malformed."));
          continue;
        }
        out.add(section.id(), fields(step.id(), section, entry, path, stepAnswers, application, today, errors));
      }
    }
    return new Result(errors.isEmpty() ? out.build() : null, List.copyOf(errors));
  }

  private static JsonObject fields(
      String stepId, FormSection section, JsonObject entry, String path, JsonObject stepAnswers,
      JsonObject application, LocalDate today, List<FieldError> errors) {
    Set<String> known = section.fields().stream().map(FormField::id).collect(Collectors.toSet());
    for (String key : entry.keySet()) {
      if (!known.contains(key)) {
        errors.add(error(path + "." + key, "field.unknown", "表单中没有这一项。", "This form has no such field."));
      }
    }
    Function<String, Object> lookup = lookupFor(stepId, stepAnswers, application, section.id(), entry);
    JsonObjectBuilder out = Jsons.createObjectBuilder();
    for (FormField field : section.fields()) {
      if (!field.visibleWhen().test(lookup)) {
        continue;
      }
      String fieldPath = path + "." + field.id();
      JsonValue value = entry.get(field.id());
      if (isBlank(value)) {
        if (field.required()) {
          errors.add(error(fieldPath, "required", "请填写“" + field.label().zh() + "”。",
              "Fill in “" + field.label().en() + "”."));
        }
        continue;
      }
      Optional<JsonValue> checked = check(field, fieldPath, value, entry, today, errors);
      if (checked.isPresent() && field.type() == FieldType.FAMILY_MEMBER
          && !familyMembers(field.source(), stepId, stepAnswers, application).contains(plain(checked.get()))) {
        errors.add(error(fieldPath, "family-member.unknown", "请从家庭成员中选择“" + field.label().zh() + "”。",
            "Choose “" + field.label().en() + "” from the family's members."));
        continue;
      }
      checked.ifPresent(v -> out.add(field.id(), v));
    }
    return out.build();
  }

  /**
   * The codes a FAMILY_MEMBER field may hold, as the wizard offers them: each guardian section
   * ({@code guardian1}, {@code guardian2} …) whose relation is not NONE; with source FAMILY also
   * {@code student} and each entry of a list section ({@code members1}, {@code members2} …).
   */
  static Set<String> familyMembers(String source, String stepId, JsonObject stepAnswers, JsonObject application) {
    Set<String> found = new java.util.HashSet<>();
    java.util.Map<String, JsonValue> steps = new java.util.LinkedHashMap<>(application == null ? JsonValue.EMPTY_JSON_OBJECT : application);
    steps.put(stepId, stepAnswers);
    for (JsonValue step : steps.values()) {
      if (!(step instanceof JsonObject sections)) {
        continue;
      }
      sections.forEach((id, section) -> {
        if (id.matches("guardian\\d") && section instanceof JsonObject g && !"NONE".equals(g.getString("relation", ""))) {
          found.add(id);
        } else if ("FAMILY".equals(source) && "student".equals(id) && section instanceof JsonObject) {
          found.add(id);
        } else if ("FAMILY".equals(source) && section instanceof JsonArray list) {
          for (int i = 1; i <= list.size(); i++) {
            found.add(id + i);
          }
        }
      });
    }
    return found;
  }

  static boolean isBlank(JsonValue value) {
    return value == null || value == JsonValue.NULL
        || value instanceof JsonString s && Spaces.strip(s.getString()).isEmpty()
        || value instanceof JsonArray a && a.isEmpty();
  }

  /** Checks one present value; returns the normalised value to store, or empty after an error. */
  static Optional<JsonValue> check(
      FormField field, String path, JsonValue value, JsonObject entry, LocalDate today, List<FieldError> errors) {
    FieldType type = field.type();
    switch (type) {
      case BOOLEAN -> {
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
          errors.add(error(path, "type.boolean", "请选择“是”或“否”。", "Choose yes or no."));
          return Optional.empty();
        }
        return Optional.of(value);
      }
      case NUMBER -> {
        if (!(value instanceof JsonNumber)) {
          errors.add(error(path, "type.number", "请填写数字。", "Enter a number."));
          return Optional.empty();
        }
        return Optional.of(value);
      }
      case MULTI_CHOICE -> {
        if (!(value instanceof JsonArray array) || !array.stream().allMatch(v -> v instanceof JsonString)) {
          errors.add(error(path, "type.list", "请从列表中选择。", "Choose from the list."));
          return Optional.empty();
        }
        if (!field.options().isEmpty()) {
          Set<String> codes = field.options().stream().map(Option::code).collect(Collectors.toSet());
          for (JsonString s : array.getValuesAs(JsonString.class)) {
            if (!codes.contains(s.getString())) {
              errors.add(error(path, "choice.unknown", "请从列表中选择。", "Choose one of the listed options."));
              return Optional.empty();
            }
          }
        }
        return Optional.of(value);
      }
      default -> {
        // every other type is text
      }
    }
    if (!(value instanceof JsonString string)) {
      errors.add(error(path, "type.text", "请填写文字。", "Enter text."));
      return Optional.empty();
    }
    String text = string.getString().strip();
    switch (type) {
      case CHOICE -> {
        if (field.options().stream().noneMatch(o -> o.code().equals(text))) {
          errors.add(error(path, "choice.unknown", "请从列表中选择“" + field.label().zh() + "”。",
              "Choose one of the listed options for “" + field.label().en() + "”."));
          return Optional.empty();
        }
      }
      case DATE -> {
        Optional<FieldError> problem = Dates.check(path, text, today);
        if (problem.isPresent()) {
          errors.add(problem.get());
          return Optional.empty();
        }
      }
      case MOBILE -> {
        String mobile = MobileNumbers.normalise(text);
        Optional<FieldError> problem = MobileNumbers.check(path, mobile);
        if (problem.isPresent()) {
          errors.add(problem.get());
          return Optional.empty();
        }
        return Optional.of(Jsons.createValue(mobile));
      }
      case ID_NUMBER -> {
        String number = IdNumbers.normalise(text);
        JsonValue idType = entry.get("idType");
        boolean mainland = idType == null || idType instanceof JsonString t && "MAINLAND_ID".equals(t.getString());
        if (mainland) {
          Optional<FieldError> problem = IdNumbers.check(path, number, today);
          if (problem.isPresent()) {
            errors.add(problem.get());
            return Optional.empty();
          }
        } else if (number.isEmpty() || number.length() > 30) {
          errors.add(error(path, "id-number.length", "证件号码长度不正确。", "The document number has the wrong length."));
          return Optional.empty();
        }
        return Optional.of(Jsons.createValue(number));
      }
      default -> {
        // TEXT, TEXTAREA, ADDRESS, SCHOOL, DISTRICT, FAMILY_MEMBER
      }
    }
    String stored = type == FieldType.TEXT && text.codePoints().noneMatch(Character::isLetter)
        ? Spaces.strip(text) : text;
    if (field.maxLength() > 0 && stored.codePointCount(0, stored.length()) > field.maxLength()) {
      errors.add(error(path, "text.too-long", "“" + field.label().zh() + "”最多 " + field.maxLength() + " 个字。",
          "“" + field.label().en() + "” takes at most " + field.maxLength() + " characters."));
      return Optional.empty();
    }
    if (field.pattern() != null && !Pattern.matches(field.pattern(), Spaces.strip(stored))) {
      errors.add(error(path, "text.pattern", "“" + field.label().zh() + "”格式不正确。",
          "“" + field.label().en() + "” is not in the expected format."));
      return Optional.empty();
    }
    return Optional.of(Jsons.createValue(stored));
  }

  /** Resolves condition paths against the step being saved (and the current list entry) or the rest. */
  static Function<String, Object> lookupFor(
      String stepId, JsonObject stepAnswers, JsonObject application, String sectionId, JsonObject entry) {
    return path -> {
      String[] parts = path.split("\\.");
      JsonValue value;
      if (parts.length == 2) {
        value = parts[0].equals(sectionId) && entry != null ? entry.get(parts[1]) : at(stepAnswers, parts[0], parts[1]);
      } else if (parts.length == 3) {
        JsonObject source = parts[0].equals(stepId) ? stepAnswers
            : application.get(parts[0]) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        value = parts[0].equals(stepId) && parts[1].equals(sectionId) && entry != null
            ? entry.get(parts[2]) : at(source, parts[1], parts[2]);
      } else {
        value = null;
      }
      return plain(value);
    };
  }

  private static JsonValue at(JsonObject object, String section, String field) {
    return object.get(section) instanceof JsonObject s ? s.get(field) : null;
  }

  /** A JSON answer as conditions compare it: text, Boolean, or the JSON text of anything else; null if absent. */
  public static Object plain(JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    if (value == JsonValue.TRUE) {
      return Boolean.TRUE;
    }
    if (value == JsonValue.FALSE) {
      return Boolean.FALSE;
    }
    return value.toString();
  }

  static FieldError error(String field, String code, String zh, String en) {
    return FieldError.of(field, code, zh, en);
  }
}
