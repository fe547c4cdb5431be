package org.civicplatform.spi.rules;

import org.civicplatform.spi.LocalizedText;

/**
 * One problem with one answer, reported to the parent next to the field.
 *
 * @param field path of the field ({@code step.section.field}, list entries as {@code section[1].field})
 * @param code stable machine code (e.g. {@code id-number.check-digit})
 * @param message what is wrong and how to fix it
 */
public record FieldError(String field, String code, LocalizedText message) {

  public static FieldError of(String field, String code, String zh, String en) {
    return new FieldError(field, code, LocalizedText.of(zh, en));
  }
}
