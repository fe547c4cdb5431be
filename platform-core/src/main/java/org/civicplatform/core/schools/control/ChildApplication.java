package org.civicplatform.core.schools.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.civicplatform.core.applications.entity.Application;
import org.civicplatform.core.families.control.FamilyScope;
import org.civicplatform.core.families.entity.Child;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The signed-in parent's child (404 for anyone else's) and its application of this school year. */
@RequestScoped
public class ChildApplication {

  @PersistenceContext EntityManager em;
  @Inject FamilyScope families;

  @Inject
  @ConfigProperty(name = "platform.school-year", defaultValue = "2024")
  int schoolYear;

  public record Found(Child child, Optional<Application> application) {}

  public Found of(String tenant, UUID childId) {
    Child child = families.child(tenant, childId);
    Optional<Application> application = em.createNamedQuery(Application.OF_CHILD, Application.class)
        .setParameter("tenant", tenant).setParameter("child", child.id()).setParameter("year", schoolYear)
        .getResultList().stream().findFirst();
    return new Found(child, application);
  }

  /** The plain text at {@code step.section.field} of the answers, if any. */
  public static Optional<String> text(JsonObject answers, String path) {
    JsonValue current = answers;
    for (String part : path.split("\\.")) {
      if (!(current instanceof JsonObject object)) {
        return Optional.empty();
      }
      current = object.get(part);
    }
    if (current instanceof JsonString s && !s.getString().isBlank()) {
      return Optional.of(s.getString());
    }
    return Optional.empty();
  }

  /** The school codes at a path: one string or a list of strings. */
  public static List<String> codes(JsonObject answers, String path) {
    if (path == null) {
      return List.of();
    }
    JsonValue current = answers;
    for (String part : path.split("\\.")) {
      if (!(current instanceof JsonObject object)) {
        return List.of();
      }
      current = object.get(part);
    }
    if (current instanceof JsonString s && !s.getString().isBlank()) {
      return List.of(s.getString());
    }
    if (current instanceof JsonArray array) {
      return array.getValuesAs(JsonValue.class).stream().filter(JsonString.class::isInstance)
          .map(v -> ((JsonString) v).getString()).filter(v -> !v.isBlank()).toList();
    }
    return List.of();
  }
}
