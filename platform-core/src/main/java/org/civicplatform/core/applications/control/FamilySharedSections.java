package org.civicplatform.core.applications.control;

import org.civicplatform.spi.json.Jsons;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.civicplatform.core.applications.entity.Application;
import org.civicplatform.core.families.entity.Child;
import org.civicplatform.core.problems.Problem;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.rules.checks.Spaces;

/**
 * Sections a tenant shares between the children of a family ({@code familySharedSections}, Kunshan: the
 * guardians). Once a sibling's application has been submitted, a step's shared sections are taken from
 * it: omitted ones are prefilled, different ones are refused (400 naming each differing field). Values
 * are compared without spaces, since names and numbers are stored without them.
 */
@RequestScoped
public class FamilySharedSections {

  @PersistenceContext EntityManager em;

  /** The sibling's shared sections of a step (section id → answers), empty when nothing is locked. */
  public JsonObject locked(TenantModule tenant, Child child, int schoolYear, String stepId) {
    List<String> sections = tenant.rules().familySharedSections().stream()
        .filter(p -> p.startsWith(stepId + ".")).map(p -> p.substring(stepId.length() + 1)).toList();
    if (sections.isEmpty()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    Optional<Application> sibling = em.createQuery("select a from Application a, Child c where a.childId = c.id"
            + " and c.familyId = :family and c.id <> :child and a.tenantId = :tenant and a.schoolYear = :year"
            + " and a.submissions > 0 order by a.submittedAt", Application.class)
        .setParameter("family", child.familyId()).setParameter("child", child.id())
        .setParameter("tenant", tenant.id()).setParameter("year", schoolYear)
        .setMaxResults(1).getResultList().stream().findFirst();
    JsonObjectBuilder locked = Jsons.createObjectBuilder();
    sibling.map(a -> a.answers().get(stepId)).filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
        .ifPresent(step -> sections.forEach(s -> {
          if (step.get(s) instanceof JsonObject section) {
            locked.add(s, section);
          }
        }));
    return locked.build();
  }

  /**
   * The step's answers with the locked sections prefilled where omitted.
   *
   * @throws ProblemException 400 naming each field that differs from the sibling's
   */
  public JsonObject apply(TenantModule tenant, Child child, int schoolYear, String stepId, JsonObject answers) {
    JsonObject locked = locked(tenant, child, schoolYear, stepId);
    if (locked.isEmpty()) {
      return answers;
    }
    JsonObjectBuilder merged = Jsons.createObjectBuilder(answers);
    List<Problem.InvalidField> errors = new ArrayList<>();
    for (String section : locked.keySet()) {
      JsonObject shared = locked.getJsonObject(section);
      if (!(answers.get(section) instanceof JsonObject sent)) {
        merged.add(section, shared);
        continue;
      }
      TreeSet<String> keys = new TreeSet<>(shared.keySet());
      keys.addAll(sent.keySet());
      for (String key : keys) {
        if (!same(shared.get(key), sent.get(key))) {
          errors.add(new Problem.InvalidField(stepId + "." + section + "." + key, "family.shared-locked",
              "已有子女报名，监护人信息不可更改（须与已报名子女的填报一致）。",
              "A sibling has already applied: guardian details are shared and cannot be changed here."));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return merged.build();
  }

  static boolean same(JsonValue a, JsonValue b) {
    if (a == null || b == null) {
      return a == b || a == JsonValue.NULL || b == JsonValue.NULL;
    }
    if (a instanceof JsonString x && b instanceof JsonString y) {
      return Spaces.strip(x.getString()).equalsIgnoreCase(Spaces.strip(y.getString()));
    }
    return a.equals(b);
  }
}
