package org.civicplatform.spi.rules;

import java.util.List;
import org.civicplatform.spi.LocalizedText;

/**
 * Whether a child may apply, and in which category.
 *
 * @param allowed false blocks the application with the reasons
 * @param category tenant-specific category code (e.g. Kunshan 积分生 / 非积分生, Siming 1–7), or null
 * @param reasons why, for the parent
 */
public record Eligibility(boolean allowed, String category, List<LocalizedText> reasons) {

  public Eligibility {
    reasons = List.copyOf(reasons);
  }

  public static Eligibility allowed(String category) {
    return new Eligibility(true, category, List.of());
  }

  public static Eligibility refused(LocalizedText reason) {
    return new Eligibility(false, null, List.of(reason));
  }
}
