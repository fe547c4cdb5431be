package org.civicplatform.spi.form;

import java.util.List;
import org.civicplatform.spi.LocalizedText;

/**
 * A titled group of fields. A repeatable section (e.g. twins, co-owners) holds a list of entries.
 *
 * @param id key of the section's answers inside the step
 * @param title heading
 * @param fields fields in display order
 * @param visibleWhen when the section is shown (and its fields required)
 * @param maxRepeats 1 for an ordinary section; more for a list the parent can add entries to
 * @param hint explanatory text shown under the heading, or null
 */
public record FormSection(
    String id,
    LocalizedText title,
    List<FormField> fields,
    Condition visibleWhen,
    int maxRepeats,
    LocalizedText hint) {

  public FormSection {
    fields = List.copyOf(fields);
    if (visibleWhen == null) {
      visibleWhen = Condition.always();
    }
    if (maxRepeats < 1) {
      throw new IllegalArgumentException("maxRepeats must be at least 1");
    }
  }

  public static FormSection of(String id, LocalizedText title, FormField... fields) {
    return new FormSection(id, title, List.of(fields), Condition.always(), 1, null);
  }

  public FormSection when(Condition condition) {
    return new FormSection(id, title, fields, condition, maxRepeats, hint);
  }

  public FormSection repeatable(int max) {
    return new FormSection(id, title, fields, visibleWhen, max, hint);
  }

  public FormSection hint(LocalizedText text) {
    return new FormSection(id, title, fields, visibleWhen, maxRepeats, text);
  }
}
