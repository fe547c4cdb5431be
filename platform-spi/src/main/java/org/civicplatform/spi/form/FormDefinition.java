package org.civicplatform.spi.form;

import java.util.List;
import java.util.Optional;

/** The whole application form of a tenant: its steps in order. */
public record FormDefinition(List<FormStep> steps) {

  public FormDefinition {
    steps = List.copyOf(steps);
  }

  public Optional<FormStep> step(String id) {
    return steps.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** Every document slot declared anywhere in the form. */
  public List<DocumentSlot> documentSlots() {
    return steps.stream().flatMap(s -> s.documentSlots().stream()).toList();
  }
}
