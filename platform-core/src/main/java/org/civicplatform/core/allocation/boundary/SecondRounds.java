package org.civicplatform.core.allocation.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.civicplatform.spi.json.Jsons;
import org.civicplatform.core.allocation.control.RunStore;
import org.civicplatform.core.applications.entity.Application;
import org.civicplatform.core.audit.control.AuditTrail;
import org.civicplatform.core.families.control.FamilyScope;
import org.civicplatform.core.families.entity.Child;
import org.civicplatform.core.persistence.DatabaseMigration;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.core.schools.control.ChildApplication;
import org.civicplatform.core.schools.control.SchoolCatalog;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.allocation.AllocationProcedure;
import org.civicplatform.spi.reference.CalendarPhase;
import org.civicplatform.spi.rules.FieldError;
import org.civicplatform.spi.rules.RuleViolation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Second-round choices (二次志愿) of a parent's child, for tenants whose procedure has them ({@link
 * AllocationProcedure#secondRound()}).
 *
 * <p>A child may file them when the tenant's published run of the child's stage marks them 可二次填报
 * ({@code SECOND_ROUND_ELIGIBLE}) and stopped before the second-round phase, while the calendar's
 * second-round phase is open (when the calendar has one). The schools offered are the public schools of
 * the child's district (as the run placed them) with seats left in that run's stored tallies. The list is
 * stored in the application's answers at the procedure's path, version-checked and audited; the next run
 * (a continuation of the published one) places it.
 */
@RequestScoped
public class SecondRounds {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @PersistenceContext EntityManager em;
  @Inject Tenants tenants;
  @Inject FamilyScope families;
  @Inject SchoolCatalog catalog;
  @Inject AuditTrail audit;

  @Inject
  @ConfigProperty(name = "platform.school-year", defaultValue = "2024")
  int schoolYear;

  private final Clock clock = Clock.systemUTC();

  /** The state of a child's second round, with the version a save must send back. */
  public record View(JsonObject json, long version) {}

  /** Everything the page and the save need. */
  private record State(TenantModule tenant, AllocationProcedure.SecondRound round, Application application,
      RunStore.Run run, boolean eligible, JsonObject decided, Optional<CalendarPhase> calendar, LocalDate today,
      String district, Map<String, JsonObject> vacancies) {

    boolean open() {
      return calendar.map(p -> !today.isBefore(p.opens()) && !today.isAfter(p.closes())).orElse(true);
    }

    boolean editable() {
      return eligible && decided == null && open();
    }

    /** Why the list cannot be changed now, or null when it can. */
    LocalizedText reason() {
      if (decided != null) {
        return LocalizedText.of("二次志愿已录取完毕，不能再修改。", "The second round has been decided: the list can no longer change.");
      }
      if (!eligible) {
        return LocalizedText.of("该子女不是“可二次填报”状态：只有积分排名在区镇准入线内、但所报学校学位已满的子女，才能在公办录取结果公布后填报二次志愿。",
            "This child is not open for second-round choices: only children inside the district line whose chosen school was full may file them, once the public results are published.");
      }
      CalendarPhase phase = calendar.orElseThrow();
      return today.isBefore(phase.opens())
          ? LocalizedText.of("二次志愿填报将于 " + phase.opens() + " 开始。", "Second-round filing opens on " + phase.opens() + ".")
          : LocalizedText.of("二次志愿填报已于 " + phase.closes() + " 截止，不能再修改。",
              "Second-round filing closed on " + phase.closes() + ": the list can no longer change.");
    }
  }

  @Transactional
  public View read(String tenantId, UUID childId) {
    State s = state(tenantId, childId);
    return new View(json(s), s.application().version());
  }

  /** Saves {@code {"choices": [codes…]}}: 1 to max distinct schools of the offered list, in order. */
  @Transactional
  public View save(String tenantId, UUID childId, JsonObject body, Long expectedVersion) {
    State s = state(tenantId, childId);
    if (!s.editable()) {
      LocalizedText why = s.reason();
      throw ProblemException.conflict(s.eligible() ? "second-round-closed" : "second-round-not-eligible",
          why.zh(), why.en());
    }
    if (expectedVersion != null && expectedVersion != s.application().version()) {
      throw ProblemException.conflict("stale-version",
          "二次志愿已在别处（另一个窗口或设备）被修改，请刷新后再保存。",
          "The second-round choices were changed elsewhere (another tab or device): reload, then save again.");
    }
    List<String> codes = check(body, s.round().maxChoices(), s.vacancies());
    String[] path = s.round().answersPath().split("\\.");
    JsonArrayBuilder list = Jsons.createArrayBuilder();
    codes.forEach(list::add);
    s.application().setAnswer(path[0], path[1], list.build(), clock.instant().truncatedTo(ChronoUnit.MICROS));
    em.flush();
    audit.record(s.tenant().id(), "second-round.choices", "application", s.application().id());
    return new View(json(s), s.application().version());
  }

  /** The codes of a valid list, or a 400 naming each wrong entry ({@code choices[i]}). */
  static List<String> check(JsonObject body, int max, Map<String, JsonObject> offered) {
    if (body == null || !(body.get("choices") instanceof JsonArray array)) {
      throw ProblemException.invalid("choices", "required", "请按顺序选择二次志愿学校（choices：学校代码列表）。",
          "Send the schools in order of preference (choices: a list of school codes).");
    }
    if (array.isEmpty()) {
      throw ProblemException.invalid("choices", "required", "请至少选择一所学校。", "Choose at least one school.");
    }
    if (array.size() > max) {
      throw ProblemException.invalid("choices", "too-many", "最多可填报 " + max + " 所学校。",
          "At most " + max + " schools may be listed.");
    }
    List<FieldError> errors = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < array.size(); i++) {
      String field = "choices[" + i + "]";
      JsonValue v = array.get(i);
      if (!(v instanceof JsonString s) || s.getString().isBlank()) {
        errors.add(FieldError.of(field, "required", "志愿" + (i + 1) + "：请选择学校。", "Choice " + (i + 1) + ": choose a school."));
        continue;
      }
      String code = s.getString().strip();
      Integer earlier = seen.putIfAbsent(code, i);
      if (!offered.containsKey(code)) {
        errors.add(FieldError.of(field, "school.not-offered",
            "志愿" + (i + 1) + "：所选学校不在本区镇尚有空余学位的公办学校之列。",
            "Choice " + (i + 1) + ": the school is not one of the district's public schools with seats left."));
      } else if (earlier != null) {
        errors.add(FieldError.of(field, "duplicate", "志愿" + (i + 1) + "与志愿" + (earlier + 1) + "重复，每所学校只能填一次。",
            "Choice " + (i + 1) + " repeats choice " + (earlier + 1) + ": list each school once."));
      }
      codes.add(code);
    }
    if (!errors.isEmpty()) {
      throw new RuleViolation(errors);
    }
    return codes;
  }

  private State state(String tenantId, UUID childId) {
    TenantModule tenant = tenants.require(tenantId);
    AllocationProcedure procedure = tenant.allocation();
    AllocationProcedure.SecondRound round = procedure.secondRound()
        .orElseThrow(() -> ProblemException.notFound("resource", "second-round"));
    Child child = families.child(tenant.id(), childId);
    Application application = em.createNamedQuery(Application.OF_CHILD, Application.class)
        .setParameter("tenant", tenant.id()).setParameter("child", child.id()).setParameter("year", schoolYear)
        .getResultList().stream().findFirst()
        .orElseThrow(() -> ProblemException.notFound("application", String.valueOf(childId)));
    Optional<CalendarPhase> calendar = round.calendarPhase() == null ? Optional.empty()
        : catalog.calendar(tenant.id()).stream().filter(p -> p.code().equals(round.calendarPhase())).findFirst();
    LocalDate today = LocalDate.now(clock.withZone(CHINA));
    try (Connection c = dataSource.getConnection()) {
      RunStore.Run run = RunStore.latestPublished(c, tenant.id(), schoolYear, application.stage()).orElse(null);
      String input = null;
      String result = null;
      if (run != null) {
        var texts = RunStore.texts(c, run.id(), application.id());
        if (texts.isPresent()) {
          input = texts.get().input();
          result = texts.get().result();
        }
      }
      boolean marked = false;
      JsonObject decided = null;
      if (result != null) {
        for (JsonObject o : Jsons.object(result).getJsonArray("outcomes").getValuesAs(JsonObject.class)) {
          if ("SECOND_ROUND_ELIGIBLE".equals(o.getString("outcome"))) {
            marked = true;
          }
          if (round.phase().equals(o.getString("phase"))) {
            decided = o;
          }
        }
      }
      boolean eligible = marked && !run.phases().contains(round.phase());
      String district = input == null ? null : Jsons.object(input).getString("district", null);
      Map<String, JsonObject> vacancies = eligible && district != null
          ? vacancies(c, tenant.id(), run.id(), application.stage(), district) : Map.of();
      return new State(tenant, round, application, run, eligible, decided, calendar,
          today, district, vacancies);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the published run", e);
    }
  }

  /**
   * The public schools of a district with seats left for a stage after a run, from the run's stored
   * tallies, by code: {code, name, seats, seatsLeft}.
   */
  static Map<String, JsonObject> vacancies(Connection c, String tenant, UUID run, String stage, String district)
      throws SQLException {
    Map<String, JsonObject> schools = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "select t.school_code, s.name_zh, s.name_en, t.seats, t.seats_left from allocation_school t"
            + " join school s on s.tenant_id = ? and s.code = t.school_code"
            + " where t.run_id = ? and t.stage = ? and s.public_school and s.district_code = ? and t.seats_left > 0"
            + " order by t.school_code collate \"C\"")) {
      ps.setString(1, tenant);
      ps.setObject(2, run);
      ps.setString(3, stage);
      ps.setString(4, district);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          schools.put(rs.getString(1), Jsons.createObjectBuilder().add("code", rs.getString(1))
              .add("name", Jsons.createObjectBuilder().add("zh", rs.getString(2)).add("en", rs.getString(3)))
              .add("seats", rs.getInt(4)).add("seatsLeft", rs.getInt(5)).build());
        }
      }
    }
    return schools;
  }

  private JsonObject json(State s) {
    AllocationProcedure.SecondRound round = s.round();
    JsonObjectBuilder b = Jsons.createObjectBuilder()
        .add("childId", s.application().childId().toString())
        .add("stage", s.application().stage())
        .add("phase", round.phase())
        .add("eligible", s.eligible())
        .add("open", s.open())
        .add("editable", s.editable())
        .add("maxChoices", round.maxChoices())
        .add("version", s.application().version())
        .add("today", s.today().toString());
    s.tenant().allocation().phases().stream().filter(p -> p.id().equals(round.phase())).findFirst()
        .ifPresent(p -> b.add("phaseName", text(p.name())));
    LocalizedText reason = s.editable() ? null : s.reason();
    if (reason != null) {
      b.add("reason", text(reason));
    }
    s.calendar().ifPresent(p -> b.add("calendar", Jsons.createObjectBuilder().add("code", p.code()).add("name", text(p.name()))
        .add("opens", p.opens().toString()).add("closes", p.closes().toString())));
    if (s.run() != null) {
      b.add("runId", s.run().id().toString()).add("publishedAt", s.run().publishedAt().toString());
    }
    if (s.district() != null) {
      JsonObjectBuilder d = Jsons.createObjectBuilder().add("code", s.district());
      catalog.district(s.tenant().id(), s.district()).ifPresent(x -> d.add("name", text(x.name())));
      b.add("district", d);
    }
    JsonArrayBuilder schools = Jsons.createArrayBuilder();
    s.vacancies().values().forEach(schools::add);
    b.add("schools", schools);
    Map<String, LocalizedText> names = new HashMap<>();
    catalog.schoolList(s.tenant().id()).forEach(x -> names.put(x.code(), x.name()));
    JsonArrayBuilder choices = Jsons.createArrayBuilder();
    for (String code : ChildApplication.codes(s.application().answers(), round.answersPath())) {
      choices.add(Jsons.createObjectBuilder().add("code", code)
          .add("name", text(names.getOrDefault(code, LocalizedText.of(code, code)))));
    }
    b.add("choices", choices);
    if (s.decided() != null) {
      JsonObject o = s.decided();
      JsonObjectBuilder r = Jsons.createObjectBuilder().add("outcome", o.getString("outcome"));
      if (o.get("school") instanceof JsonString school) {
        r.add("school", Jsons.createObjectBuilder().add("code", school.getString())
            .add("name", text(names.getOrDefault(school.getString(), LocalizedText.of(school.getString(), school.getString())))));
      }
      if (o.get("explanation") instanceof JsonObject e) {
        r.add("explanation", e);
      }
      b.add("result", r);
    }
    return b.build();
  }

  private static JsonObject text(LocalizedText t) {
    return Jsons.createObjectBuilder().add("zh", t.zh()).add("en", t.en()).build();
  }
}
