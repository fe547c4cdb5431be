package org.civicplatform.kunshan.points;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One honour (先进典型) of the child's father or mother.
 *
 * @param kind what the honour is for
 * @param level who awarded it
 * @param awardedOn the award date (获奖时间), or null when not given
 */
public record Honour(HonourKind kind, HonourLevel level, LocalDate awardedOn) {

  public Honour {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(level, "level");
  }
}
