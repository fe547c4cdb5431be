package org.civicplatform.spi.rules;

import java.util.List;

/** Thrown by a rule when the input it was given is invalid; the core answers 400 naming the fields. */
public class RuleViolation extends RuntimeException {

  private final transient List<FieldError> errors;

  public RuleViolation(List<FieldError> errors) {
    super(errors.isEmpty() ? "invalid input" : errors.get(0).code());
    this.errors = List.copyOf(errors);
  }

  public RuleViolation(FieldError error) {
    this(List.of(error));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
