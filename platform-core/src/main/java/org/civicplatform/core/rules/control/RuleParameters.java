package org.civicplatform.core.rules.control;

import org.civicplatform.spi.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.rules.PointsRules;

/**
 * The rule parameters of a tenant's year ({@code rule_parameters}): the administrator's stored version
 * or, while there is none, the tenant's shipped defaults. Each change is a new version id
 * ({@code <tenant>-<year>-r<revision>}) stamped on the scores computed with it.
 */
@ApplicationScoped
public class RuleParameters {

  @PersistenceContext EntityManager em;
  @Inject org.civicplatform.core.audit.control.AuditTrail audit;

  /**
   * A year's parameters as the administrator sees them.
   *
   * @param source {@code DEFAULT} (shipped) or {@code STORED} (edited)
   * @param updatedBy the username of the administrator who stored them (null for the defaults)
   * @param defaults the tenant's shipped parameters of the year (what "reset to defaults" stores)
   * @param description the tenant's labels, units and ranges of each parameter ({@link PointsRules#describe})
   */
  public record View(String tenant, int year, String version, String source, int revision, String updatedBy,
      Instant updatedAt, JsonObject parameters, JsonObject defaults, jakarta.json.JsonArray description) {}

  public static PointsRules pointsRules(TenantModule module) {
    return module.rules().pointsRules()
        .orElseThrow(() -> ProblemException.notFound("points rules", module.id()));
  }

  /** The parameters in force for a year; 404 when the tenant has neither stored nor default ones. */
  public View current(TenantModule module, int year) {
    PointsRules rules = pointsRules(module);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("select version, cast(parameters as varchar), revision, updated_by,"
            + " cast(floor(extract(epoch from updated_at) * 1000) as bigint) from rule_parameters"
            + " where tenant_id = ?1 and year = ?2")
        .setParameter(1, module.id()).setParameter(2, year).getResultList();
    Optional<PointsRules.Parameters> shipped = rules.defaults(year);
    JsonObject defaultValues = shipped.map(PointsRules.Parameters::values).orElse(null);
    if (!rows.isEmpty()) {
      Object[] r = rows.get(0);
      return new View(module.id(), year, (String) r[0], "STORED", ((Number) r[2]).intValue(), (String) r[3],
          Instant.ofEpochMilli(((Number) r[4]).longValue()), json((String) r[1]), defaultValues, rules.describe(year));
    }
    PointsRules.Parameters defaults = shipped
        .orElseThrow(() -> ProblemException.notFound("rule parameters", module.id() + "/" + year));
    return new View(module.id(), year, defaults.version(), "DEFAULT", 0, null, null, defaults.values(), defaultValues,
        rules.describe(year));
  }

  /** The parameters for computing, or empty when the tenant has none for the year. */
  public Optional<PointsRules.Parameters> inForce(TenantModule module, int year) {
    try {
      View view = current(module, year);
      return Optional.of(new PointsRules.Parameters(view.version(), view.parameters()));
    } catch (ProblemException e) {
      return Optional.empty();
    }
  }

  /**
   * Replaces a year's parameters after the tenant checked them (400 naming the parameter otherwise);
   * concurrent changes each get their own revision (the row is updated in place under its lock).
   */
  public View update(TenantModule module, int year, JsonObject parameters, String actor) {
    return update(module, year, parameters, actor, actor, null);
  }

  /**
   * As {@link #update(TenantModule, int, JsonObject, String)}, only when the version in force is still
   * {@code expected} (the version the administrator read; null: unconditionally), else 409
   * {@code stale-version} and nothing is stored. {@code by} is the name shown as who changed them.
   */
  public View update(TenantModule module, int year, JsonObject parameters, String actor, String by, String expected) {
    if (parameters == null) {
      throw ProblemException.invalid("parameters", "required", "请提供积分规则参数。", "Send the rule parameters.");
    }
    if (year < 2000 || year > 2100) {
      throw ProblemException.invalid("year", "year.range", "年份应在 2000 到 2100 之间。", "The year lies between 2000 and 2100.");
    }
    JsonObject checked = pointsRules(module).check(year, parameters);
    if (expected != null && !expected.equals(current(module, year).version())) {
      throw stale();
    }
    // With an expected version the upsert only replaces that version: a concurrent change makes it a 409.
    jakarta.persistence.Query upsert = em.createNativeQuery("insert into rule_parameters (tenant_id, year, version, parameters,"
            + " revision, updated_by, updated_at) values (?1, ?2, ?3, cast(?4 as jsonb), 1, ?5, now())"
            + " on conflict (tenant_id, year) do update set revision = rule_parameters.revision + 1,"
            + " parameters = excluded.parameters, updated_by = excluded.updated_by, updated_at = excluded.updated_at"
            + (expected == null ? "" : " where rule_parameters.version = ?6")
            + " returning revision")
        .setParameter(1, module.id()).setParameter(2, year).setParameter(3, module.id() + "-" + year + "-r1")
        .setParameter(4, checked.toString()).setParameter(5, by == null ? actor : by);
    if (expected != null) {
      upsert.setParameter(6, expected);
    }
    @SuppressWarnings("unchecked")
    List<Number> revisions = upsert.getResultList();
    if (revisions.isEmpty()) {
      throw stale();
    }
    Number revision = revisions.get(0);
    String version = module.id() + "-" + year + "-r" + revision.intValue();
    em.createNativeQuery("update rule_parameters set version = ?1 where tenant_id = ?2 and year = ?3")
        .setParameter(1, version).setParameter(2, module.id()).setParameter(3, year).executeUpdate();
    audit.record(module.id(), actor, "tenant-admin", "rules.update", "rule_parameters", module.id() + "/" + year,
        Digests.sha256(checked.toString()));
    return current(module, year);
  }

  static ProblemException stale() {
    return ProblemException.conflict("stale-version", "积分规则参数已被其他管理员修改，请刷新后再保存。",
        "Another administrator changed the rule parameters: reload, then save again.");
  }

  static JsonObject json(String text) {
    return Jsons.createReader(new StringReader(text)).readObject();
  }
}
