package org.civicplatform.core.applications.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.civicplatform.spi.form.Condition;
import org.civicplatform.spi.form.DocumentSlot;
import org.civicplatform.spi.form.FormSection;
import org.civicplatform.spi.form.FormStep;
import org.civicplatform.spi.rules.FieldError;

/**
 * The uploads the server insists on at submission: every {@link DocumentSlot#required() required} slot
 * must hold at least one file whenever it applies (e.g. 姓名有生僻字 → 户口本学生本人页, 有学历 → 学历证书,
 * 有先进典型 → 先进典型证明材料): what the browser marks with * is a rule of the server too. A condition on a
 * field of a repeatable section holds when it holds for any entry (one twin with a rare character is enough).
 */
public final class RequiredDocuments {

  private RequiredDocuments() {}

  /** One error per required, applicable slot without a file, named {@code step.slot}. */
  public static List<FieldError> missing(
      List<FormStep> steps, JsonObject application, Map<String, Long> filesPerSlot) {
    return missing(steps, application, () -> filesPerSlot);
  }

  /**
   * As {@link #missing(List, JsonObject, Map)}, counting the files (a query) only when a required slot
   * applies, at most once: an application without one submits without reading the child's documents.
   */
  public static List<FieldError> missing(
      List<FormStep> steps, JsonObject application, Supplier<Map<String, Long>> filesPerSlot) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Long> files = null;
    for (FormStep step : steps) {
      JsonObject stepAnswers = application.get(step.id()) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
      for (DocumentSlot slot : step.documentSlots()) {
        if (!slot.required() || !applies(slot.visibleWhen(), step, stepAnswers, application)) {
          continue;
        }
        if (files == null) {
          files = filesPerSlot.get();
        }
        if (files.getOrDefault(slot.id(), 0L) > 0) {
          continue;
        }
        errors.add(FieldError.of(step.id() + "." + slot.id(), "document.required",
            "请在“" + step.title().zh() + "”中上传“" + slot.label().zh() + "”。",
            "Upload “" + slot.label().en() + "” in “" + step.title().en() + "”."));
      }
    }
    return errors;
  }

  static boolean applies(Condition condition, FormStep step, JsonObject stepAnswers, JsonObject application) {
    if (condition.test(FormValidator.lookupFor(step.id(), stepAnswers, application, null, null))) {
      return true;
    }
    for (FormSection section : step.sections()) {
      if (stepAnswers.get(section.id()) instanceof JsonArray entries) {
        for (JsonValue entry : entries) {
          if (entry instanceof JsonObject e) {
            Function<String, Object> lookup = FormValidator.lookupFor(step.id(), stepAnswers, application, section.id(), e);
            if (condition.test(lookup)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }
}
