package org.civicplatform.spi.form;

import java.util.List;
import org.civicplatform.spi.LocalizedText;

/**
 * One input of a form.
 *
 * @param id key of the answer inside its section
 * @param label label shown beside the input
 * @param type how it is entered
 * @param required whether it must be answered when visible
 * @param options the choices of a CHOICE / MULTI_CHOICE field, empty otherwise
 * @param maxLength maximum characters (code points) for text, 0 = no limit
 * @param pattern a regular expression the (space-stripped) value must match, or null
 * @param visibleWhen when the field is shown (hidden fields are neither required nor validated)
 * @param hint help text shown under the field, or null
 * @param source for SCHOOL / FAMILY_MEMBER / DISTRICT fields, a filter understood by the core (e.g.
 *     "PRIVATE", "PUBLIC_IN_ZONE", "GUARDIANS"), or null
 * @param prefilled whether the core fills this field from a registry (the parent may correct it, and
 *     the correction is recorded)
 */
public record FormField(
    String id,
    LocalizedText label,
    FieldType type,
    boolean required,
    List<Option> options,
    int maxLength,
    String pattern,
    Condition visibleWhen,
    LocalizedText hint,
    String source,
    boolean prefilled) {

  public FormField {
    options = List.copyOf(options);
    if (visibleWhen == null) {
      visibleWhen = Condition.always();
    }
  }

  public static FormField required(String id, String zh, String en, FieldType type) {
    return new FormField(
        id, LocalizedText.of(zh, en), type, true, List.of(), 0, null, null, null, null, false);
  }

  public static FormField optional(String id, String zh, String en, FieldType type) {
    return new FormField(
        id, LocalizedText.of(zh, en), type, false, List.of(), 0, null, null, null, null, false);
  }

  public FormField options(Option... choices) {
    return new FormField(
        id, label, type, required, List.of(choices), maxLength, pattern, visibleWhen, hint, source,
        prefilled);
  }

  public FormField maxLength(int max) {
    return new FormField(
        id, label, type, required, options, max, pattern, visibleWhen, hint, source, prefilled);
  }

  public FormField pattern(String regex) {
    return new FormField(
        id, label, type, required, options, maxLength, regex, visibleWhen, hint, source, prefilled);
  }

  public FormField when(Condition condition) {
    return new FormField(
        id, label, type, required, options, maxLength, pattern, condition, hint, source, prefilled);
  }

  public FormField hint(String zh, String en) {
    return new FormField(
        id, label, type, required, options, maxLength, pattern, visibleWhen,
        LocalizedText.of(zh, en), source, prefilled);
  }

  public FormField source(String filter) {
    return new FormField(
        id, label, type, required, options, maxLength, pattern, visibleWhen, hint, filter,
        prefilled);
  }

  public FormField prefillFromRegistry() {
    return new FormField(
        id, label, type, required, options, maxLength, pattern, visibleWhen, hint, source, true);
  }
}
