package org.civicplatform.siming.allocation;

import java.util.List;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.allocation.AllocationProcedure;

/** Siming's placement (siming-rules.md): zone schools by priority category, collective households, 统筹. */
public class SimingAllocation implements AllocationProcedure {

  @Override
  public List<Phase> phases() {
    return List.of(
        new Phase("ZONE", LocalizedText.of("片区学校", "Zone schools"), false),
        new Phase("COLLECTIVE", LocalizedText.of("集体户安排", "Collective households"), false),
        new Phase("DISTRICT", LocalizedText.of("统筹安排", "District placement"), false));
  }
}
