package org.civicplatform.spi.status;

import org.civicplatform.spi.LocalizedText;

/**
 * A status a parent sees (e.g. 初审通过) with what it means.
 *
 * @param code stable code (e.g. {@code WINDOW_APPROVED})
 * @param label the label, as the tenant's documents write it
 * @param meaning explanation shown on hover / in help
 */
public record StatusLabel(String code, LocalizedText label, LocalizedText meaning) {

  public static StatusLabel of(String code, String zh, String en, String meaningZh, String meaningEn) {
    return new StatusLabel(code, LocalizedText.of(zh, en), LocalizedText.of(meaningZh, meaningEn));
  }
}
