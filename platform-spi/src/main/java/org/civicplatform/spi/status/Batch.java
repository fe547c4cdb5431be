package org.civicplatform.spi.status;

import java.util.List;
import java.util.Optional;
import org.civicplatform.spi.LocalizedText;

/**
 * A choice batch of an application (志愿批次, e.g. 第一阶段民办学校, 公办学校) and the statuses a parent
 * can see for it, with their labels exactly as the tenant's documents write them.
 *
 * @param id stable id
 * @param name row label on the family home page
 * @param statuses every status this batch can show
 */
public record Batch(String id, LocalizedText name, List<StatusLabel> statuses) {

  public Batch {
    statuses = List.copyOf(statuses);
  }

  public Optional<StatusLabel> status(String code) {
    return statuses.stream().filter(s -> s.code().equals(code)).findFirst();
  }
}
