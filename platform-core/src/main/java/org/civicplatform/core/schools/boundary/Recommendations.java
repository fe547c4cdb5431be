package org.civicplatform.core.schools.boundary;

import org.civicplatform.spi.json.Jsons;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.civicplatform.core.applications.entity.Application;
import org.civicplatform.core.audit.control.AuditTrail;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.core.schools.control.AddressNormaliser;
import org.civicplatform.core.schools.control.ChildApplication;
import org.civicplatform.core.schools.control.SchoolCatalog;
import org.civicplatform.core.schools.control.ZoneMatcher;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.reference.School;

/**
 * The public school recommended from the property address (seed 000 §3.7, 问 3): the most specific zone
 * matches among the public schools offering the child's stage; several → the parent chooses; the parent
 * may cancel and choose another public school of the district instead. The decision is recorded with
 * what was recommended, so reviewers can see a manual choice.
 */
@RequestScoped
public class Recommendations {

  /** Where the property address is in the answers ({@code step.section.field}). */
  static final String PROPERTY_ADDRESS = "housing.property.address";

  @PersistenceContext EntityManager em;
  @Inject Tenants tenants;
  @Inject ChildApplication children;
  @Inject SchoolCatalog catalog;
  @Inject AuditTrail audit;

  public record SchoolOption(String code, LocalizedText name, String districtCode, String pattern) {}

  public record Decision(String chosen, boolean cancelled, Instant decidedAt) {}

  /**
   * @param address the property address the recommendation is made from (null without one)
   * @param normalisedAddress what was matched
   * @param recommended the best matches (one: recommended; several: the parent chooses)
   * @param matches every school whose zone matched, best first
   * @param alternatives the public schools the parent may choose instead (the districts of the matches,
   *     else the family's district, else all)
   * @param decision what the parent decided last, if anything
   */
  public record RecommendationView(
      String address, String normalisedAddress, List<SchoolOption> recommended, List<SchoolOption> matches,
      List<SchoolOption> alternatives, Decision decision) {}

  @Transactional
  public RecommendationView read(String tenant, UUID childId) {
    TenantModule module = tenants.require(tenant);
    ChildApplication.Found found = children.of(tenant, childId);
    JsonObject answers = found.application().map(Application::answers).orElse(JsonObject.EMPTY_JSON_OBJECT);
    return view(module, tenant, found.child().stage(), answers, found.application().map(a -> decision(a.id())).orElse(null));
  }

  /** Records the parent's choice: one of the recommended schools, or (cancelled) another of the district. */
  @Transactional
  public RecommendationView decide(String tenant, UUID childId, JsonObject input) {
    TenantModule module = tenants.require(tenant);
    ChildApplication.Found found = children.of(tenant, childId);
    Application application = found.application()
        .orElseThrow(() -> ProblemException.notFound("application", String.valueOf(childId)));
    if (!application.editable()) {
      throw ProblemException.conflict("application-locked",
          "报名已提交，不能修改志愿。如需修改，请先撤销提交（审核开始前）或联系审核窗口退回。",
          "The application is submitted: withdraw it first (before review starts) or ask the reviewers to return it.");
    }
    String school = input != null && input.get("school") instanceof JsonString s ? s.getString().strip() : null;
    if (school == null || school.isEmpty()) {
      throw ProblemException.invalid("school", "required", "请选择公办学校。", "Choose a public school.");
    }
    JsonObject answers = application.answers();
    RecommendationView view = view(module, tenant, found.child().stage(), answers, null);
    boolean recommended = view.recommended().stream().anyMatch(o -> o.code().equals(school));
    boolean allowed = recommended || view.alternatives().stream().anyMatch(o -> o.code().equals(school));
    if (!allowed) {
      throw ProblemException.invalid("school", "school.not-in-zone",
          "只能选择房产所在施教区（区镇）内招收该学段的公办学校。",
          "Choose a public school of the property's district that takes this stage.");
    }
    boolean cancelled = !recommended || (input.get("cancelled") == JsonValue.TRUE);
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    em.createNativeQuery("insert into school_recommendation (application_id, tenant_id, address, recommended, chosen,"
            + " cancelled, decided_at) values (cast(?1 as uuid), ?2, ?3, cast(?4 as jsonb), ?5, ?6, ?7)"
            + " on conflict (application_id) do update set address = excluded.address, recommended = excluded.recommended,"
            + " chosen = excluded.chosen, cancelled = excluded.cancelled, decided_at = excluded.decided_at")
        .setParameter(1, application.id().toString()).setParameter(2, tenant)
        .setParameter(3, view.address() == null ? null : clip(view.address()))
        .setParameter(4, Jsons.createArrayBuilder(view.recommended().stream().map(SchoolOption::code).toList()).build().toString())
        .setParameter(5, school).setParameter(6, cancelled).setParameter(7, java.sql.Timestamp.from(now))
        .executeUpdate();
    audit.record(tenant, cancelled ? "school.recommendation.cancel" : "school.recommendation.accept", "application",
        application.id());
    return new RecommendationView(view.address(), view.normalisedAddress(), view.recommended(), view.matches(),
        view.alternatives(), new Decision(school, cancelled, now));
  }

  RecommendationView view(TenantModule module, String tenant, String stage, JsonObject answers, Decision decision) {
    List<School> schools = catalog.schoolList(tenant);
    String address = ChildApplication.text(answers, PROPERTY_ADDRESS).orElse(null);
    List<ZoneMatcher.Match> matches = address == null ? List.of() : ZoneMatcher.matches(schools, stage, address);
    List<ZoneMatcher.Match> best = ZoneMatcher.recommended(matches);
    Set<String> districts = new LinkedHashSet<>();
    best.forEach(m -> districts.add(district(schools, m.school())));
    if (districts.isEmpty()) {
      module.rules().district(answers).ifPresent(districts::add);
    }
    List<SchoolOption> alternatives = new ArrayList<>();
    for (School s : schools) {
      if (s.publicSchool() && (stage == null || s.seats().containsKey(stage))
          && (districts.isEmpty() || districts.contains(s.districtCode()))) {
        alternatives.add(new SchoolOption(s.code(), s.name(), s.districtCode(), null));
      }
    }
    return new RecommendationView(address, address == null ? null : AddressNormaliser.normalise(address),
        best.stream().map(m -> option(schools, m)).toList(), matches.stream().map(m -> option(schools, m)).toList(),
        alternatives, decision);
  }

  private Decision decision(UUID application) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("select chosen, cancelled, decided_at from school_recommendation"
            + " where application_id = cast(?1 as uuid)").setParameter(1, application.toString()).getResultList();
    return rows.stream().findFirst().map(r -> new Decision((String) r[0], (Boolean) r[1], instant(r[2]))).orElse(null);
  }

  private static Instant instant(Object value) {
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    return value instanceof Instant i ? i : null;
  }

  private static String district(List<School> schools, String code) {
    return schools.stream().filter(s -> s.code().equals(code)).findFirst().map(School::districtCode).orElse(null);
  }

  private static SchoolOption option(List<School> schools, ZoneMatcher.Match m) {
    School s = schools.stream().filter(x -> x.code().equals(m.school())).findFirst().orElseThrow();
    return new SchoolOption(s.code(), s.name(), s.districtCode(), m.pattern());
  }

  private static String clip(String s) {
    return s.length() > 400 ? s.substring(0, 400) : s;
  }
}
