package org.civicplatform.spi.status;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.civicplatform.spi.LocalizedText;

/**
 * A choice batch of an application (志愿批次, e.g. 第一阶段民办学校, 公办学校) and the statuses a parent
 * can see for it, with their labels exactly as the tenant's documents write them.
 *
 * @param id stable id (equal to the placement phase that decides it, where there is one)
 * @param name row label on the family home page
 * @param statuses every status this batch can show
 * @param choiceField the answer holding the school chosen in this batch ({@code step.section.field}), or
 *     null when the batch's choices are not part of the form (e.g. second-round choices)
 * @param rule how the status and the progress chain are derived
 */
public record Batch(
    String id, LocalizedText name, List<StatusLabel> statuses, String choiceField, StatusRule rule) {

  public Batch {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    statuses = List.copyOf(statuses);
    rule = rule == null ? StatusRule.GENERIC : rule;
  }

  /** A batch with the generic status rule and no choice field. */
  public Batch(String id, LocalizedText name, List<StatusLabel> statuses) {
    this(id, name, statuses, null, StatusRule.GENERIC);
  }

  public Optional<StatusLabel> status(String code) {
    return statuses.stream().filter(s -> s.code().equals(code)).findFirst();
  }
}
