package org.civicplatform.spi.form;

/**
 * A check on the text extracted from an uploaded document.
 *
 * @param kind what to do with the text
 * @param field the answer path the text is compared with (for CONTAINS_ANSWER), or null
 * @param pattern a regular expression whose first group is extracted (for EXTRACT), or null
 * @param name key under which the result is shown to the reviewer
 */
public record TextCheck(Kind kind, String field, String pattern, String name) {

  public enum Kind {
    /** The text (spaces removed) must contain the answer (spaces removed); otherwise flagged. */
    CONTAINS_ANSWER,
    /** The first group of {@link #pattern} is extracted and shown to the reviewer. */
    EXTRACT
  }

  public static TextCheck containsAnswer(String field, String name) {
    return new TextCheck(Kind.CONTAINS_ANSWER, field, null, name);
  }

  public static TextCheck extract(String pattern, String name) {
    return new TextCheck(Kind.EXTRACT, null, pattern, name);
  }
}
