package org.civicplatform.core.allocation.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.civicplatform.core.allocation.control.AllocationEngine;
import org.civicplatform.spi.json.Jsons;
import org.civicplatform.core.allocation.control.RunStore;
import org.civicplatform.core.applications.entity.Application;
import org.civicplatform.core.audit.control.AuditTrail;
import org.civicplatform.core.families.control.FamilyScope;
import org.civicplatform.core.families.entity.Child;
import org.civicplatform.core.identity.control.Caller;
import org.civicplatform.core.notifications.NotificationGateway;
import org.civicplatform.core.notifications.SmsMessage;
import org.civicplatform.core.persistence.DatabaseMigration;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.allocation.AllocationProcedure;
import org.civicplatform.spi.allocation.SeededLottery;
import org.civicplatform.spi.rules.BilingualMessages;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Allocation runs of a tenant (录取): dry runs for administrators, publication, the re-run bundle, and a
 * parent's published admission. One run at a time per tenant: starting and publishing take the tenant's
 * advisory lock ({@link AllocationEngine#lock}); a second concurrent start, from any node, is a 409.
 */
@RequestScoped
public class Allocations {

  static final BilingualMessages NOTICES =
      new BilingualMessages("org.civicplatform.core.allocation.notices", Allocations.class.getClassLoader());

  private static final Pattern STAGE = Pattern.compile("[A-Z_]{1,20}");
  private static final Pattern SEED = Pattern.compile("[0-9a-fA-F]{64}");

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Tenants tenants;
  @Inject AuditTrail audit;
  @Inject NotificationGateway gateway;
  @Inject FamilyScope families;
  @Inject org.civicplatform.core.applications.control.ConfirmedPoints confirmedPoints;

  @Inject
  @ConfigProperty(name = "platform.school-year", defaultValue = "2024")
  int schoolYear;

  private final Clock clock = Clock.systemUTC();

  /** A new dry run: {@code {"stage": "PRIMARY", "untilPhase": null, "seed": null}} (seed: 64 hex or generated). */
  @Transactional
  public JsonObject start(String tenantId, JsonObject body) {
    TenantModule tenant = adminOf(tenantId);
    String stage = text(body, "stage");
    if (stage == null || !STAGE.matcher(stage).matches()
        || tenant.stages().stream().noneMatch(s -> s.code().equals(stage))) {
      throw ProblemException.invalid("stage", "stage.required",
          "请选择学段：" + String.join("、", tenant.stages().stream().map(s -> s.label().zh()).toList()) + "。",
          "Choose the stage: " + String.join(", ", tenant.stages().stream().map(s -> s.code()).toList()) + ".");
    }
    AllocationProcedure procedure = tenant.allocation();
    String until = text(body, "untilPhase");
    if (until != null && procedure.phases().stream().noneMatch(p -> p.id().equals(until))) {
      throw ProblemException.invalid("untilPhase", "phase.unknown", "没有这个录取阶段：" + until + "。",
          "There is no phase " + until + ".");
    }
    String given = text(body, "seed");
    if (given != null && !SEED.matcher(given).matches()) {
      throw ProblemException.invalid("seed", "seed.format", "摇号种子应为 64 位十六进制字符；留空则由系统生成。",
          "The lottery seed is 64 hex characters; leave it empty to have one generated.");
    }
    AllocationEngine.Stored stored;
    RunStore.Run continued;
    try (Connection c = dataSource.getConnection()) {
      AllocationEngine.lock(c, tenant.id());
      // breakdowns of applications reviewed before they were stored, under the tenant's lock (one filler)
      confirmedPoints.fillMissing(tenant.id(), schoolYear, stage);
      // After a partial publication (e.g. up to PUBLIC) every run of the stage continues it: same seed, and
      // the recomputed published phases must equal what the parents were told (checked below).
      continued = RunStore.latestPublished(c, tenant.id(), schoolYear, stage).filter(r -> r.untilPhase() != null)
          .orElse(null);
      if (continued != null && given != null && !given.equalsIgnoreCase(continued.seed())) {
        throw ProblemException.conflict("allocation-continuation-seed",
            "已发布至“" + continued.untilPhase() + "”阶段的录取结果须保持不变：后续运行沿用已发布运行的摇号种子，不能另给种子。",
            "Results published up to " + continued.untilPhase()
                + " must not change: the next run reuses the published run's seed, so no other seed may be given.");
      }
      String seed = continued != null ? continued.seed() : given == null ? SeededLottery.newSeed() : given.toLowerCase(Locale.ROOT);
      String source = continued != null ? "CONTINUED" : given == null ? "GENERATED" : "GIVEN";
      AllocationEngine.Request request = new AllocationEngine.Request(tenant.id(), schoolYear, stage, until, seed,
          source, actor());
      stored = AllocationEngine.dryRun(c, tenant, request, clock.instant());
      if (continued != null) {
        List<String> ran = RunStore.run(c, tenant.id(), stored.runId(), false).orElseThrow().phases();
        List<String> phases = continued.phases().stream().filter(ran::contains).toList();
        RunStore.Comparison compared = RunStore.compare(c, continued.id(), stored.runId(), phases);
        if (!compared.changed().isEmpty()) {
          // the transaction rolls back: nothing of this run is stored
          String sample = String.join(", ", compared.changed().subList(0, Math.min(5, compared.changed().size())));
          throw ProblemException.conflict("allocation-published-phases-changed",
              "已发布的 " + String.join("、", phases) + " 阶段结果会因本次运行改变（" + compared.changed().size()
                  + " 人，如 " + sample + "）：报名或学位在发布后有变动。已发布的结果不能改变，本次运行未保存。",
              "This run would change the published results of " + String.join(", ", phases) + " for "
                  + compared.changed().size() + " applicants (e.g. " + sample + "): applications or seats changed after"
                  + " publication. Published results must not change; the run was not stored.");
        }
        RunStore.continuation(c, stored.runId(), continued.id(), phases, compared.checked(), clock.instant());
      }
    } catch (AllocationEngine.Busy busy) {
      throw busy();
    } catch (IllegalArgumentException invalid) {
      throw new ProblemException("allocation-input-invalid", 422, LocalizedText.of("录取数据有误", "Invalid allocation input"),
          LocalizedText.of("录取程序拒绝了本次输入：" + invalid.getMessage(),
              "The placement procedure refused the input: " + invalid.getMessage()));
    } catch (SQLException e) {
      throw new IllegalStateException("allocation run failed", e);
    }
    if (continued != null) {
      audit.record(tenant.id(), actorId(), role(), "allocation.continue", "allocation_run", stored.runId().toString(),
          continued.id().toString());
    }
    audit.record(tenant.id(), actorId(), role(), "allocation.dry-run", "allocation_run", stored.runId().toString(),
        stored.seedCommitment());
    return run(tenant.id(), stored.runId());
  }

  public List<JsonObject> runs(String tenantId) {
    TenantModule tenant = adminOf(tenantId);
    try (Connection c = dataSource.getConnection()) {
      return RunStore.runs(c, tenant.id()).stream().map(r -> r.json().build()).toList();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What the codes in a run's standings and tallies mean, in words: the ranking values
   * ({@code insurance} → 参保年限积分 …) and the phases ({@code PRIVATE_1} → 第一阶段民办 …).
   */
  static JsonObject names(org.civicplatform.spi.allocation.AllocationProcedure procedure) {
    var values = Jsons.createObjectBuilder();
    procedure.rankingCriteria().forEach(r -> values.add(r.code(), words(r.name())));
    var phases = Jsons.createObjectBuilder();
    procedure.phases().forEach(p -> phases.add(p.id(), words(p.name())));
    return Jsons.createObjectBuilder().add("values", values).add("phases", phases).build();
  }

  private static JsonObject words(org.civicplatform.spi.LocalizedText text) {
    return Jsons.createObjectBuilder().add("zh", text.zh()).add("en", text.en()).build();
  }

  public JsonObject run(String tenantId, UUID id) {
    TenantModule tenant = adminOf(tenantId);
    try (Connection c = dataSource.getConnection()) {
      JsonObject details = RunStore.details(c, find(c, tenant.id(), id, false));
      return Jsons.createObjectBuilder(details).add("names", names(tenant.allocation())).build();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public JsonObject results(String tenantId, UUID id, String school, String outcome, int page, int size) {
    TenantModule tenant = adminOf(tenantId);
    if (page < 0) {
      throw ProblemException.invalid("page", "page.range", "页码从 0 开始。", "Pages start at 0.");
    }
    if (size < 1 || size > 200) {
      throw ProblemException.invalid("size", "size.range", "每页 1–200 条。", "A page holds 1 to 200 rows.");
    }
    if (outcome != null && !List.of("PLACED", "NOT_PLACED", "SECOND_ROUND_ELIGIBLE", "TOP_UP").contains(outcome)) {
      throw ProblemException.invalid("outcome", "outcome.unknown",
          "结果只能是 PLACED、NOT_PLACED、SECOND_ROUND_ELIGIBLE 或 TOP_UP。",
          "The outcome is one of PLACED, NOT_PLACED, SECOND_ROUND_ELIGIBLE, TOP_UP.");
    }
    try (Connection c = dataSource.getConnection()) {
      return RunStore.results(c, find(c, tenant.id(), id, false), blankToNull(school), outcome, page, size);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Publishes a dry run: parents see it, the seed is revealed, every family gets an SMS, audited. */
  @Transactional
  public JsonObject publish(String tenantId, UUID id) {
    TenantModule tenant = adminOf(tenantId);
    List<RunStore.Notice> notices;
    String digest;
    try (Connection c = dataSource.getConnection()) {
      AllocationEngine.lock(c, tenant.id());
      RunStore.Run run = find(c, tenant.id(), id, true);
      if (!"DRY_RUN".equals(run.status())) {
        throw ProblemException.conflict("allocation-not-dry-run", "该录取运行已发布或已被取代，不能再次发布。",
            "This run is already published or superseded.");
      }
      // after a partial publication only a run checked against it (a continuation) may replace it
      Optional<RunStore.Run> partial = RunStore.latestPublished(c, tenant.id(), run.schoolYear(), run.stage())
          .filter(r -> r.untilPhase() != null);
      if (partial.isPresent() && !RunStore.continues(c, run.id(), partial.get().id())) {
        throw ProblemException.conflict("allocation-not-continuation",
            "已发布至“" + partial.get().untilPhase() + "”阶段的结果须保持不变：只能发布在其之后开始、接续它的运行。请重新开始一次运行。",
            "Results published up to " + partial.get().untilPhase() + " must not change: only a run started after"
                + " that publication (which continues it) may be published. Start a new run.");
      }
      RunStore.publish(c, run, actor(), clock.instant());
      notices = RunStore.notices(c, run);
      digest = run.resultDigest();
    } catch (AllocationEngine.Busy busy) {
      throw busy();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    audit.record(tenant.id(), actorId(), role(), "allocation.publish", "allocation_run", id.toString(), digest);
    for (RunStore.Notice notice : notices) {
      if (notice.outcome() == null) {
        continue;
      }
      JsonObject answers = Jsons.object(notice.answers());
      Optional<String> phone = tenant.rules().contactPhone(answers);
      if (phone.isPresent()) {
        String number = notice.registrationNumber() != null ? notice.registrationNumber()
            : notice.application().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String text = NOTICES.text(notice.outcome(), tenant.name().zh(), notice.childName() == null ? "" : notice.childName(),
            number, notice.schoolZh() == null ? "" : notice.schoolZh()).zh();
        gateway.send(new SmsMessage(tenant.id(), phone.get(), "allocation.published", text));
      }
    }
    return run(tenant.id(), id);
  }

  /** The canonical re-run bundle of a published run (404 before publication: the seed is still secret). */
  public String bundle(String tenantId, UUID id) {
    TenantModule tenant = adminOf(tenantId);
    try (Connection c = dataSource.getConnection()) {
      RunStore.Run run = find(c, tenant.id(), id, false);
      if (!run.published()) {
        throw new ProblemException("allocation-not-published", 404, LocalizedText.of("尚未发布", "Not published"),
            LocalizedText.of("录取结果发布后才能下载复核包（发布前摇号种子保密）。",
                "The re-run bundle is available once the run is published (the seed stays secret until then)."));
      }
      return RunStore.bundle(c, run);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The parent's view: the published outcome of their child's application, with its explanation. */
  public JsonObject admission(String tenantId, UUID childId) {
    Child child = families.child(tenantId, childId);
    List<Application> found = em.createNamedQuery(Application.OF_CHILD, Application.class)
        .setParameter("tenant", tenantId).setParameter("child", child.id()).setParameter("year", schoolYear)
        .getResultList();
    Optional<RunStore.Admission> admission;
    try (Connection c = dataSource.getConnection()) {
      admission = found.isEmpty() ? Optional.empty() : RunStore.admission(c, tenantId, found.get(0).id());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    if (admission.isEmpty()) {
      throw new ProblemException("admission-not-published", 404, LocalizedText.of("录取结果未发布", "No result yet"),
          LocalizedText.of("录取结果尚未发布，请留意短信通知。", "The admission result is not published yet; watch for the SMS."));
    }
    RunStore.Admission a = admission.get();
    JsonObject result = Jsons.object(a.resultJson());
    var b = Jsons.createObjectBuilder().add("runId", a.runId().toString()).add("publishedAt", a.publishedAt().toString())
        .add("outcome", a.outcome()).add("phase", a.phase());
    if (a.school() != null) {
      b.add("school", a.school());
      schoolName(tenantId, a.school()).ifPresent(n -> b.add("schoolName", n));
    }
    List<JsonObject> outcomes = result.getJsonArray("outcomes").getValuesAs(JsonObject.class);
    b.add("explanation", outcomes.get(outcomes.size() - 1).getJsonObject("explanation"));
    b.add("outcomes", result.getJsonArray("outcomes"));
    return b.build();
  }

  private Optional<JsonObject> schoolName(String tenant, String code) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("select name_zh, name_en from school where tenant_id = ?1 and code = ?2")
        .setParameter(1, tenant).setParameter(2, code).getResultList();
    return rows.isEmpty() ? Optional.empty()
        : Optional.of(Jsons.createObjectBuilder().add("zh", (String) rows.get(0)[0]).add("en", (String) rows.get(0)[1]).build());
  }

  private TenantModule adminOf(String tenantId) {
    TenantModule tenant = tenants.require(tenantId);
    if (caller.userId() == null || !caller.belongsTo(tenant.id())
        || !caller.hasRole("tenant-admin") || !caller.tenants().contains(tenant.id())) {
      throw ProblemException.notFound("tenant", tenantId);
    }
    return tenant;
  }

  private static RunStore.Run find(Connection c, String tenant, UUID id, boolean forUpdate) throws SQLException {
    return RunStore.run(c, tenant, id, forUpdate).orElseThrow(() -> ProblemException.notFound("allocation run", String.valueOf(id)));
  }

  private static ProblemException busy() {
    return ProblemException.conflict("allocation-busy",
        "本业务已有一个录取运行正在进行（可能在其他节点上），请稍后再试。",
        "Another allocation run of this tenant is in progress (possibly on another node); try again later.");
  }

  private String actor() {
    return caller.userId();
  }

  private String actorId() {
    return caller.userId() == null ? "anonymous" : caller.userId();
  }

  private String role() {
    return caller.roles().stream().sorted().findFirst().orElse(null);
  }

  private static String text(JsonObject body, String name) {
    if (body == null || !(body.get(name) instanceof JsonString s) || s.getString().isBlank()) {
      return null;
    }
    return s.getString().trim();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
