package org.civicplatform.core.applications.boundary;

import org.civicplatform.spi.json.Jsons;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicplatform.core.audit.control.AuditTrail;
import org.civicplatform.core.families.control.FamilyScope;
import org.civicplatform.core.families.entity.Child;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.core.registry.control.CoreRegistries;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.registry.RegistryUnavailable;
import org.civicplatform.spi.rules.ApplicationRules.Prefill;
import org.civicplatform.spi.rules.checks.IdNumbers;

/**
 * Registry prefill while the parent fills in a child's application: the tenant's rules say what a
 * registry fills in for an ID number; what was filled in is kept per child and ID number, so that every
 * value the parent later corrects is recorded at submission and shown to the reviewers.
 */
@RequestScoped
public class Prefills {

  @PersistenceContext EntityManager em;
  @Inject FamilyScope families;
  @Inject Tenants tenants;
  @Inject CoreRegistries registries;
  @Inject AuditTrail audit;

  /** Looks the ID number up and records what was filled in. 503 with Retry-After while a registry is down. */
  @Transactional
  public JsonObject prefill(String tenant, UUID childId, JsonObject request) {
    TenantModule module = tenants.require(tenant);
    Child child = families.child(tenant, childId);
    String raw = request != null && request.get("idNumber") instanceof JsonString s ? s.getString() : null;
    var error = IdNumbers.check("idNumber", raw);
    if (error.isPresent()) {
      throw new org.civicplatform.spi.rules.RuleViolation(error.get());
    }
    String idNumber = IdNumbers.normalise(raw);
    Prefill prefill;
    try {
      prefill = module.rules().prefill(idNumber, registries).orElse(new Prefill(Map.of(), null));
    } catch (RegistryUnavailable e) {
      throw new ProblemException("registry-unavailable", 503,
          LocalizedText.of("户籍系统暂时无法访问", "Registry unavailable"),
          LocalizedText.of("户籍系统暂时无法访问，请稍后再试，或先手工填写。",
              "The household registry cannot be reached: try again shortly, or fill in by hand."),
          List.of(), 30L);
    }
    if (!prefill.values().isEmpty()) {
      JsonObjectBuilder fields = Jsons.createObjectBuilder();
      prefill.values().forEach(fields::add);
      em.createNativeQuery("insert into application_prefill (child_id, id_number, fields, filled_at)"
              + " values (?, ?, cast(? as jsonb), ?) on conflict (child_id, id_number)"
              + " do update set fields = excluded.fields, filled_at = excluded.filled_at")
          .setParameter(1, child.id()).setParameter(2, idNumber).setParameter(3, fields.build().toString())
          .setParameter(4, Timestamp.from(Instant.now()))
          .executeUpdate();
      audit.record(tenant, "application.prefill", "child", child.id());
    }
    JsonObjectBuilder values = Jsons.createObjectBuilder();
    prefill.values().forEach(values::add);
    return Jsons.createObjectBuilder()
        .add("idNumber", idNumber)
        .add("found", !prefill.values().isEmpty())
        .add("values", values)
        .add("note", prefill.note() == null ? JsonValue.NULL
            : Jsons.createObjectBuilder().add("zh", prefill.note().zh()).add("en", prefill.note().en()).build())
        .build();
  }

  /** ID number → what was filled in for it, oldest first (for the corrections at submission). */
  Map<String, Map<String, String>> recorded(UUID childId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(
            "select id_number, cast(fields as text) from application_prefill where child_id = ? order by filled_at, id_number")
        .setParameter(1, childId).getResultList();
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Object[] row : rows) {
      JsonObject fields = Jsons.createReader(new StringReader((String) row[1])).readObject();
      Map<String, String> values = new LinkedHashMap<>();
      fields.forEach((k, v) -> {
        if (v instanceof JsonString s) {
          values.put(k, s.getString());
        }
      });
      out.put((String) row[0], values);
    }
    return out;
  }
}
