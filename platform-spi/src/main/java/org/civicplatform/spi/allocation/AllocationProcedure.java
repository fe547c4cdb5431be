package org.civicplatform.spi.allocation;

import java.util.List;
import org.civicplatform.spi.LocalizedText;

/** A tenant's placement procedure, run by the core's allocation engine. */
public interface AllocationProcedure {

  /** The phases of the procedure, in the order they run (e.g. 第一阶段民办, 公办, 二次填报, …). */
  List<Phase> phases();

  /**
   * A phase of the admission order.
   *
   * @param id stable id
   * @param name label
   * @param perDistrict whether the phase is run separately per district
   */
  record Phase(String id, LocalizedText name, boolean perDistrict) {}
}
