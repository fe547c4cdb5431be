package org.civicplatform.spi.form;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * When a field, section or document slot applies, as data (so the browser can evaluate it too).
 *
 * <p>A field path is {@code step.section.field} or, inside the same step, {@code section.field}.
 */
public sealed interface Condition
    permits Condition.Always, Condition.Equals, Condition.In, Condition.Not, Condition.All,
        Condition.Any, Condition.OnOrAfter, Condition.Present {

  /** Evaluates against a lookup of answer values by field path (absent = null). */
  boolean test(Function<String, Object> answers);

  static Condition always() {
    return Always.INSTANCE;
  }

  static Condition equals(String field, Object value) {
    return new Equals(field, value);
  }

  static Condition in(String field, String... values) {
    return new In(field, Set.of(values));
  }

  /** The answer at {@code field} is given (not absent, not blank). */
  static Condition present(String field) {
    return new Present(field);
  }

  /** The date answer at {@code field} is on or after {@code isoDate} (absent = false). */
  static Condition onOrAfter(String field, String isoDate) {
    return new OnOrAfter(field, isoDate);
  }

  static Condition not(Condition c) {
    return new Not(c);
  }

  static Condition all(Condition... cs) {
    return new All(List.of(cs));
  }

  static Condition any(Condition... cs) {
    return new Any(List.of(cs));
  }

  /** A compact map form for JSON: {"op":"eq","field":..,"value":..}. */
  Map<String, Object> describe();

  enum Always implements Condition {
    INSTANCE;

    @Override
    public boolean test(Function<String, Object> answers) {
      return true;
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of("op", "always");
    }
  }

  record Equals(String field, Object value) implements Condition {
    @Override
    public boolean test(Function<String, Object> answers) {
      Object actual = answers.apply(field);
      return actual != null && String.valueOf(actual).equals(String.valueOf(value));
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of("op", "eq", "field", field, "value", value);
    }
  }

  record In(String field, Set<String> values) implements Condition {
    public In {
      values = Set.copyOf(values);
    }

    @Override
    public boolean test(Function<String, Object> answers) {
      Object actual = answers.apply(field);
      return actual != null && values.contains(String.valueOf(actual));
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of("op", "in", "field", field, "values", List.copyOf(values));
    }
  }

  record Not(Condition condition) implements Condition {
    @Override
    public boolean test(Function<String, Object> answers) {
      return !condition.test(answers);
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of("op", "not", "condition", condition.describe());
    }
  }

  record All(List<Condition> conditions) implements Condition {
    public All {
      conditions = List.copyOf(conditions);
    }

    @Override
    public boolean test(Function<String, Object> answers) {
      return conditions.stream().allMatch(c -> c.test(answers));
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of("op", "all", "conditions", conditions.stream().map(Condition::describe).toList());
    }
  }

  record Any(List<Condition> conditions) implements Condition {
    public Any {
      conditions = List.copyOf(conditions);
    }

    @Override
    public boolean test(Function<String, Object> answers) {
      return conditions.stream().anyMatch(c -> c.test(answers));
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of("op", "any", "conditions", conditions.stream().map(Condition::describe).toList());
    }
  }

  record OnOrAfter(String field, String date) implements Condition {
    @Override
    public boolean test(Function<String, Object> answers) {
      Object actual = answers.apply(field);
      // ISO dates compare correctly as text; anything that is not a full date does not match.
      return actual != null
          && String.valueOf(actual).matches("\\d{4}-\\d{2}-\\d{2}")
          && String.valueOf(actual).compareTo(date) >= 0;
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of("op", "onOrAfter", "field", field, "value", date);
    }
  }

  record Present(String field) implements Condition {
    @Override
    public boolean test(Function<String, Object> answers) {
      Object actual = answers.apply(field);
      return actual != null && !String.valueOf(actual).isBlank();
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of("op", "present", "field", field);
    }
  }
}
