package org.civicplatform.kunshan.allocation;

import java.util.List;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.allocation.AllocationProcedure;

/**
 * Kunshan's admission order (seed 000 §5.1, §6): 第一阶段民办 → 公办 by points per district → 二次填报 →
 * 第二阶段民办 → 补录.
 */
public class KunshanAllocation implements AllocationProcedure {

  @Override
  public List<Phase> phases() {
    return List.of(
        new Phase("PRIVATE_1", LocalizedText.of("第一阶段民办", "Private schools, phase one"), false),
        new Phase("PUBLIC", LocalizedText.of("公办积分排名", "Public schools by points"), true),
        new Phase("SECOND_ROUND", LocalizedText.of("二次填报", "Second-round choices"), true),
        new Phase("PRIVATE_2", LocalizedText.of("第二阶段民办", "Private schools, phase two"), false),
        new Phase("TOP_UP", LocalizedText.of("补录", "Top-up list"), false));
  }
}
