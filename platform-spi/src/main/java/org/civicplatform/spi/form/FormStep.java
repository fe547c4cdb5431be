package org.civicplatform.spi.form;

import java.util.List;
import org.civicplatform.spi.LocalizedText;

/**
 * One step of the wizard (e.g. 家庭基本情况). Saved as a draft on its own.
 *
 * @param id stable id; the step's answers are stored under it
 * @param title step bar label
 * @param sections groups of fields shown together (e.g. 学生基本信息, 监护人一信息)
 * @param documentSlots uploads belonging to this step
 */
public record FormStep(
    String id, LocalizedText title, List<FormSection> sections, List<DocumentSlot> documentSlots) {

  public FormStep {
    sections = List.copyOf(sections);
    documentSlots = List.copyOf(documentSlots);
  }

  public List<FormField> fields() {
    return sections.stream().flatMap(s -> s.fields().stream()).toList();
  }
}
