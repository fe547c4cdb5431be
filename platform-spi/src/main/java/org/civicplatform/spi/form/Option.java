package org.civicplatform.spi.form;

import org.civicplatform.spi.LocalizedText;

/** One choice of a CHOICE field: the stored code and the label shown. */
public record Option(String code, LocalizedText label) {

  public static Option of(String code, String zh, String en) {
    return new Option(code, LocalizedText.of(zh, en));
  }
}
