package org.civicplatform.core.tenancy.boundary;

import org.civicplatform.spi.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.Map;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.form.Condition;
import org.civicplatform.spi.form.DocumentSlot;
import org.civicplatform.spi.form.FormField;
import org.civicplatform.spi.form.FormSection;
import org.civicplatform.spi.form.FormStep;
import org.civicplatform.spi.status.Batch;

/**
 * A tenant's form and batches as the browser renders them. Written out explicitly so the shape is a
 * stable contract (conditions as {@code {"op": …}} data the UI evaluates), not whatever a JSON binder
 * makes of the SPI records.
 */
final class DefinitionJson {

  private DefinitionJson() {}

  static JsonObject of(TenantModule tenant) {
    JsonArrayBuilder steps = Jsons.createArrayBuilder();
    for (FormStep step : tenant.form().steps()) {
      JsonArrayBuilder sections = Jsons.createArrayBuilder();
      for (FormSection section : step.sections()) {
        JsonArrayBuilder fields = Jsons.createArrayBuilder();
        section.fields().forEach(f -> fields.add(field(f)));
        sections.add(Jsons.createObjectBuilder()
            .add("id", section.id())
            .add("title", text(section.title()))
            .add("hint", section.hint() == null ? JsonValue.NULL : text(section.hint()).build())
            .add("maxRepeats", section.maxRepeats())
            .add("visibleWhen", condition(section.visibleWhen()))
            .add("fields", fields));
      }
      JsonArrayBuilder slots = Jsons.createArrayBuilder();
      step.documentSlots().forEach(s -> slots.add(slot(s)));
      steps.add(Jsons.createObjectBuilder()
          .add("id", step.id())
          .add("title", text(step.title()))
          .add("sections", sections)
          .add("documentSlots", slots));
    }
    JsonArrayBuilder reasons = Jsons.createArrayBuilder();
    tenant.decisionReasons().forEach(r -> reasons.add(Jsons.createObjectBuilder().add("code", r.code())
        .add("text", text(r.text())).add("decisions", Jsons.createArrayBuilder(r.decisions())).add("needsText", r.needsText())));
    JsonArrayBuilder batches = Jsons.createArrayBuilder();
    for (Batch batch : tenant.batches()) {
      JsonArrayBuilder statuses = Jsons.createArrayBuilder();
      batch.statuses().forEach(s -> statuses.add(Jsons.createObjectBuilder()
          .add("code", s.code()).add("label", text(s.label())).add("meaning", text(s.meaning()))));
      batches.add(Jsons.createObjectBuilder().add("id", batch.id()).add("name", text(batch.name())).add("statuses", statuses));
    }
    JsonArrayBuilder stages = Jsons.createArrayBuilder();
    tenant.stages().forEach(o -> stages.add(Jsons.createObjectBuilder().add("code", o.code()).add("label", text(o.label()))));
    JsonObjectBuilder definition = Jsons.createObjectBuilder();
    tenant.parentNotice().ifPresent(n -> definition.add("parentNotice", text(n)));
    return definition
        .add("id", tenant.id())
        .add("name", text(tenant.name()))
        .add("stages", stages)
        .add("decisionReasons", reasons)
        .add("steps", steps)
        .add("batches", batches)
        .add("submissionConfirmation", tenant.rules().submissionConfirmation())
        .build();
  }

  private static JsonObjectBuilder field(FormField f) {
    JsonArrayBuilder options = Jsons.createArrayBuilder();
    f.options().forEach(o -> options.add(Jsons.createObjectBuilder().add("code", o.code()).add("label", text(o.label()))));
    JsonObjectBuilder b = Jsons.createObjectBuilder()
        .add("id", f.id())
        .add("label", text(f.label()))
        .add("type", f.type().name())
        .add("required", f.required())
        .add("options", options)
        .add("maxLength", f.maxLength())
        .add("visibleWhen", condition(f.visibleWhen()))
        .add("prefilled", f.prefilled());
    b.add("pattern", f.pattern() == null ? JsonValue.NULL : Jsons.createValue(f.pattern()));
    b.add("hint", f.hint() == null ? JsonValue.NULL : text(f.hint()).build());
    b.add("source", f.source() == null ? JsonValue.NULL : Jsons.createValue(f.source()));
    return b;
  }

  private static JsonObjectBuilder slot(DocumentSlot s) {
    return Jsons.createObjectBuilder()
        .add("id", s.id())
        .add("label", text(s.label()))
        .add("mediaTypes", Jsons.createArrayBuilder(s.mediaTypes().stream().sorted().toList()))
        .add("maxBytes", s.maxBytes())
        .add("maxFiles", s.maxFiles())
        .add("required", s.required())
        .add("visibleWhen", condition(s.visibleWhen()));
  }

  static JsonObjectBuilder text(LocalizedText t) {
    return Jsons.createObjectBuilder().add("zh", t.zh()).add("en", t.en());
  }

  static JsonValue condition(Condition c) {
    return value(c.describe());
  }

  @SuppressWarnings("unchecked")
  private static JsonValue value(Object o) {
    if (o == null) {
      return JsonValue.NULL;
    }
    if (o instanceof Map<?, ?> map) {
      JsonObjectBuilder b = Jsons.createObjectBuilder();
      new java.util.TreeMap<>((Map<String, Object>) map).forEach((k, v) -> b.add(k, value(v)));
      return b.build();
    }
    if (o instanceof Collection<?> list) {
      JsonArrayBuilder b = Jsons.createArrayBuilder();
      list.forEach(v -> b.add(value(v)));
      return b.build();
    }
    if (o instanceof Boolean bool) {
      return bool ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (o instanceof Number n) {
      return Jsons.createValue(n.toString().contains(".") ? n.doubleValue() : n.longValue());
    }
    return Jsons.createValue(String.valueOf(o));
  }
}
