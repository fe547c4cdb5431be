package org.civicplatform.core.allocation.control;

import org.civicplatform.spi.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.civicplatform.spi.allocation.AllocationInput;
import org.civicplatform.spi.allocation.AllocationResult;
import org.civicplatform.spi.allocation.SeededLottery;

/** Reads stored runs (JDBC): summaries, tallies, paged results, the parent's admission and the bundle. */
public final class RunStore {

  private RunStore() {}

  /** The columns of a run, as stored. */
  public record Run(UUID id, String tenant, int schoolYear, String stage, String untilPhase, String status,
      String procedure, String ruleSet, String seed, String seedCommitment, String seedSource, List<String> phases,
      String inputDigest, String resultDigest, int applicants, int placed, long computeMillis, String createdBy,
      Instant createdAt, String publishedBy, Instant publishedAt) {

    public boolean published() {
      return "PUBLISHED".equals(status) || "SUPERSEDED".equals(status);
    }

    /** The summary shown to administrators: the seed only once published. */
    public JsonObjectBuilder json() {
      JsonObjectBuilder b = Jsons.createObjectBuilder()
          .add("id", id.toString()).add("tenant", tenant).add("schoolYear", schoolYear).add("stage", stage)
          .add("status", status).add("procedure", procedure).add("ruleSet", ruleSet)
          .add("seedCommitment", seedCommitment).add("seedSource", seedSource)
          .add("inputDigest", inputDigest).add("resultDigest", resultDigest)
          .add("applicants", applicants).add("placed", placed).add("computeMillis", computeMillis)
          .add("createdBy", createdBy).add("createdAt", createdAt.toString());
      JsonArrayBuilder p = Jsons.createArrayBuilder();
      phases.forEach(p::add);
      b.add("phases", p);
      if (untilPhase != null) {
        b.add("untilPhase", untilPhase);
      }
      if (published()) {
        b.add("seed", seed).add("publishedBy", publishedBy).add("publishedAt", publishedAt.toString());
      }
      return b;
    }
  }

  static final String RUN_COLUMNS = "id, tenant_id, school_year, stage, until_phase, status, procedure_id, rule_set,"
      + " seed, seed_commitment, seed_source, phases::text, input_digest, result_digest, applicants, placed,"
      + " compute_millis, created_by, created_at, published_by, published_at";

  static Run run(ResultSet rs) throws SQLException {
    List<String> phases = Jsons.array(rs.getString(12))
        .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    Timestamp published = rs.getTimestamp(21);
    return new Run(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
        phases, rs.getString(13), rs.getString(14), rs.getInt(15), rs.getInt(16), rs.getLong(17), rs.getString(18),
        rs.getTimestamp(19).toInstant(), rs.getString(20), published == null ? null : published.toInstant());
  }

  public static List<Run> runs(Connection c, String tenant) throws SQLException {
    List<Run> runs = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "select " + RUN_COLUMNS + " from allocation_run where tenant_id = ? order by created_at desc limit 100")) {
      ps.setString(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          runs.add(run(rs));
        }
      }
    }
    return runs;
  }

  public static Optional<Run> run(Connection c, String tenant, UUID id, boolean forUpdate) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select " + RUN_COLUMNS
        + " from allocation_run where tenant_id = ? and id = ?" + (forUpdate ? " for update" : ""))) {
      ps.setString(1, tenant);
      ps.setObject(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(run(rs)) : Optional.empty();
      }
    }
  }

  /** Counts per final outcome, the school tallies (with names and last admitted) and the district lines. */
  public static JsonObject details(Connection c, Run run) throws SQLException {
    JsonObjectBuilder b = run.json();
    JsonObjectBuilder counts = Jsons.createObjectBuilder();
    try (PreparedStatement ps = c.prepareStatement("select coalesce(outcome, 'NONE'), count(*) from allocation_applicant"
        + " where run_id = ? group by 1 order by 1")) {
      ps.setObject(1, run.id());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.add(rs.getString(1), rs.getInt(2));
        }
      }
    }
    b.add("outcomes", counts);
    JsonArrayBuilder schools = Jsons.createArrayBuilder();
    try (PreparedStatement ps = c.prepareStatement(
        "select t.school_code, s.name_zh, s.name_en, s.district_code, s.public_school, t.stage, t.seats, t.admitted,"
            + " t.seats_left, t.last_admitted::text from allocation_school t left join school s"
            + " on s.tenant_id = ? and s.code = t.school_code where t.run_id = ? order by t.school_code, t.stage")) {
      ps.setString(1, run.tenant());
      ps.setObject(2, run.id());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          JsonObjectBuilder s = Jsons.createObjectBuilder().add("school", rs.getString(1))
              .add("stage", rs.getString(6)).add("seats", rs.getInt(7)).add("admitted", rs.getInt(8))
              .add("seatsLeft", rs.getInt(9));
          if (rs.getString(2) != null) {
            s.add("name", Jsons.createObjectBuilder().add("zh", rs.getString(2)).add("en", rs.getString(3)))
                .add("district", rs.getString(4)).add("public", rs.getBoolean(5));
          }
          if (rs.getString(10) != null) {
            s.add("lastAdmitted", Jsons.object(rs.getString(10)));
          }
          schools.add(s);
        }
      }
    }
    b.add("schools", schools);
    JsonArrayBuilder lines = Jsons.createArrayBuilder();
    try (PreparedStatement ps = c.prepareStatement("select canonical from allocation_district_line where run_id = ?"
        + " order by district_code collate \"C\", stage collate \"C\"")) {
      ps.setObject(1, run.id());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lines.add(Jsons.object(rs.getString(1)));
        }
      }
    }
    b.add("districtLines", lines);
    continuation(c, run.id()).ifPresent(k -> b.add("continuation", k));
    return b.build();
  }

  /** One page of results, optionally for one school and/or one final outcome, in key order. */
  public static JsonObject results(Connection c, Run run, String school, String outcome, int page, int size)
      throws SQLException {
    String where = " where a.run_id = ?" + (school == null ? "" : " and a.school_code = ?")
        + (outcome == null ? "" : " and a.outcome = ?");
    int total;
    try (PreparedStatement ps = c.prepareStatement("select count(*) from allocation_applicant a" + where)) {
      bind(ps, run.id(), school, outcome);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        total = rs.getInt(1);
      }
    }
    JsonArrayBuilder items = Jsons.createArrayBuilder();
    record Row(String key, String phase, String outcome, String school, String rule, String registration,
        String masked, int ordinal) {}
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "select a.applicant_key, a.final_phase, a.outcome, a.school_code, a.rule, a.ordinal,"
            + " p.registration_number, p.child_id_masked from allocation_applicant a"
            + " left join application p on p.id = a.application_id" + where
            + " order by a.applicant_key collate \"C\" limit ? offset ?")) {
      int i = bind(ps, run.id(), school, outcome);
      ps.setInt(i++, size);
      ps.setLong(i, (long) page * size);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(7), rs.getString(8), rs.getInt(6)));
        }
      }
    }
    Map<Integer, RunTexts.Texts> texts = RunTexts.of(c, run.id(), rows.stream().map(Row::ordinal).toList());
    for (Row row : rows) {
      JsonObjectBuilder item = Jsons.createObjectBuilder().add("applicantKey", row.key());
      addIfPresent(item, "phase", row.phase());
      addIfPresent(item, "outcome", row.outcome());
      addIfPresent(item, "school", row.school());
      addIfPresent(item, "rule", row.rule());
      addIfPresent(item, "registrationNumber", row.registration());
      addIfPresent(item, "childIdMasked", row.masked());
      RunTexts.Texts t = texts.get(row.ordinal());
      item.add("input", Jsons.object(t.input()));
      item.add("result", Jsons.object(t.result()));
      items.add(item);
    }
    return Jsons.createObjectBuilder().add("items", items).add("total", total).add("page", page).add("size", size)
        .build();
  }

  private static int bind(PreparedStatement ps, UUID run, String school, String outcome) throws SQLException {
    int i = 1;
    ps.setObject(i++, run);
    if (school != null) {
      ps.setString(i++, school);
    }
    if (outcome != null) {
      ps.setString(i++, outcome);
    }
    return i;
  }

  private static void addIfPresent(JsonObjectBuilder b, String name, String value) {
    if (value != null) {
      b.add(name, value);
    }
  }

  /** The application's result in the newest published run, with the run id and time. */
  public record Admission(UUID runId, Instant publishedAt, String outcome, String school, String phase,
      String resultJson) {}

  public static Optional<Admission> admission(Connection c, String tenant, UUID application) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "select r.id, r.published_at, a.outcome, a.school_code, a.final_phase, a.ordinal from allocation_applicant a"
            + " join allocation_run r on r.id = a.run_id where a.application_id = ? and r.tenant_id = ?"
            + " and r.status = 'PUBLISHED' order by r.published_at desc limit 1")) {
      ps.setObject(1, application);
      ps.setString(2, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        UUID run = rs.getObject(1, UUID.class);
        return Optional.of(new Admission(run, rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
            rs.getString(5), RunTexts.of(c, run, rs.getInt(6)).result()));
      }
    }
  }

  /** The texts of one application in a run, if it took part. */
  public static Optional<RunTexts.Texts> texts(Connection c, UUID run, UUID application) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "select ordinal from allocation_applicant where run_id = ? and application_id = ?")) {
      ps.setObject(1, run);
      ps.setObject(2, application);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(RunTexts.of(c, run, rs.getInt(1))) : Optional.empty();
      }
    }
  }

  /**
   * The canonical input and result texts of a run, re-assembled from the stored pieces; their digests
   * equal the run's stored digests (checked here, so a changed row is reported rather than exported).
   */
  public record Texts(String input, String result) {}

  public static Texts texts(Connection c, Run run) throws SQLException {
    List<String> schools = column(c, "select canonical from allocation_input_school where run_id = ?"
        + " order by school_code collate \"C\"", run.id());
    List<String> inputs = RunTexts.all(c, run.id(), false);
    String input = AllocationInput.assemble(run.seedCommitment(), run.untilPhase(), schools, inputs);
    inputs = null;
    List<String> results = RunTexts.all(c, run.id(), true);
    List<String> tallies = column(c, "select canonical from allocation_school where run_id = ?"
        + " order by school_code collate \"C\", stage collate \"C\"", run.id());
    List<String> lines = column(c, "select canonical from allocation_district_line where run_id = ?"
        + " order by district_code collate \"C\", stage collate \"C\"", run.id());
    String result = AllocationResult.assemble(run.seedCommitment(), run.inputDigest(), run.phases(), results, tallies,
        lines);
    if (!SeededLottery.commitment(input).equals(run.inputDigest())
        || !SeededLottery.commitment(result).equals(run.resultDigest())) {
      throw new IllegalStateException("the stored rows of run " + run.id() + " no longer match its digests");
    }
    return new Texts(input, result);
  }

  private static List<String> column(Connection c, String sql, UUID run) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setFetchSize(5000);
      ps.setObject(1, run);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
    }
    return values;
  }

  /**
   * The re-run bundle of a published run: metadata, the revealed seed, the canonical input (pseudonymous
   * applicants, schools and seats) and the canonical result, with their digests.
   */
  public static String bundle(Connection c, Run run) throws SQLException {
    Texts texts = texts(c, run);
    return Bundles.write(new Bundles.Meta(run.tenant(), run.schoolYear(), run.stage(), run.procedure(), run.ruleSet(),
        run.id().toString(), run.publishedAt().toString(), run.seed(), run.seedCommitment(), run.inputDigest(),
        run.resultDigest()), texts.input(), texts.result());
  }

  /** The published run of a tenant, year and stage (at most one is PUBLISHED; earlier ones are SUPERSEDED). */
  public static Optional<Run> latestPublished(Connection c, String tenant, int year, String stage) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select " + RUN_COLUMNS + " from allocation_run where tenant_id = ?"
        + " and school_year = ? and stage = ? and status = 'PUBLISHED' order by published_at desc limit 1")) {
      ps.setString(1, tenant);
      ps.setInt(2, year);
      ps.setString(3, stage);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(run(rs)) : Optional.empty();
      }
    }
  }

  /**
   * What a continuation changed in the earlier phases: the applications compared and the pseudonymous keys
   * of those whose outcomes in {@code phases} differ (or who are in one run only and have an outcome there).
   */
  public record Comparison(int checked, List<String> changed) {}

  /**
   * Compares, application by application, the outcomes of {@code phases} in a published run and a new run.
   * PostgreSQL picks the outcomes of those phases out of each stored result (jsonpath) and compares them.
   */
  public static Comparison compare(Connection c, UUID published, UUID next, List<String> phases) throws SQLException {
    // Both runs list their applicants in key order, and an application has the same key in every run of
    // its tenant and year (one pseudonym salt): a merge by key, one chunk of each run in memory at a time.
    RunTexts.Cursor before = new RunTexts.Cursor(c, published, true);
    RunTexts.Cursor after = new RunTexts.Cursor(c, next, true);
    int checked = 0;
    List<String> changed = new ArrayList<>();
    Keyed b = keyed(before.next(), phases);
    Keyed a = keyed(after.next(), phases);
    while (b != null || a != null) {
      int order = b == null ? 1 : a == null ? -1 : b.key().compareTo(a.key());
      checked++;
      if (order == 0) {
        if (!b.outcomes().equals(a.outcomes())) {
          changed.add(b.key());
        }
        b = keyed(before.next(), phases);
        a = keyed(after.next(), phases);
      } else if (order < 0) { // in the published run only
        if (!b.outcomes().isEmpty()) {
          changed.add(b.key());
        }
        b = keyed(before.next(), phases);
      } else { // in the new run only
        if (!a.outcomes().isEmpty()) {
          changed.add(a.key());
        }
        a = keyed(after.next(), phases);
      }
    }
    return new Comparison(checked, changed);
  }

  /** An applicant's key and outcomes of some phases. */
  private record Keyed(String key, List<jakarta.json.JsonValue> outcomes) {}

  /** The key and the outcomes of {@code phases} (in the order stored) of one result text, or null for none. */
  private static Keyed keyed(String result, List<String> phases) {
    if (result == null) {
      return null;
    }
    JsonObject r = Jsons.object(result);
    List<jakarta.json.JsonValue> picked = new ArrayList<>();
    for (JsonObject o : r.getJsonArray("outcomes").getValuesAs(JsonObject.class)) {
      if (phases.contains(o.getString("phase", ""))) {
        picked.add(o);
      }
    }
    return new Keyed(r.getString("applicant"), picked);
  }

  /** Records that {@code run} continues {@code published}, having checked {@code phases} for {@code checked} applicants. */
  public static void continuation(Connection c, UUID run, UUID published, List<String> phases, int checked, Instant now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into allocation_continuation (run_id, continues_run, phases,"
        + " checked, created_at) values (?, ?, ?::jsonb, ?, ?)")) {
      ps.setObject(1, run);
      ps.setObject(2, published);
      var list = Jsons.createArrayBuilder();
      phases.forEach(list::add);
      ps.setString(3, list.build().toString());
      ps.setInt(4, checked);
      ps.setTimestamp(5, Timestamp.from(now));
      ps.executeUpdate();
    }
  }

  /** Whether {@code run} was stored as a continuation of {@code published} (its published phases checked). */
  public static boolean continues(Connection c, UUID run, UUID published) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "select 1 from allocation_continuation where run_id = ? and continues_run = ?")) {
      ps.setObject(1, run);
      ps.setObject(2, published);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The continuation of a run, explained: which published run it continues and what was checked. */
  static Optional<JsonObject> continuation(Connection c, UUID run) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "select continues_run, phases::text, checked from allocation_continuation where run_id = ?")) {
      ps.setObject(1, run);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String from = rs.getObject(1, UUID.class).toString();
        var phases = Jsons.array(rs.getString(2));
        String list = String.join("、", phases.getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString).toList());
        int checked = rs.getInt(3);
        return Optional.of(Jsons.createObjectBuilder().add("continues", from).add("phases", phases).add("checked", checked)
            .add("text", Jsons.createObjectBuilder()
                .add("zh", "本次运行接续已发布的运行 " + from + "：沿用其摇号种子（承诺值相同，种子已公开），重新计算的 " + list
                    + " 阶段结果与已发布结果逐人一致（核对 " + checked + " 人），之后的阶段按本次输入（含二次志愿）录取。")
                .add("en", "This run continues the published run " + from + ": it reuses that run's seed (same commitment,"
                    + " seed already revealed); the recomputed phases " + list + " equal the published ones applicant by"
                    + " applicant (" + checked + " checked); the later phases place from this run's input (with the"
                    + " second-round choices)."))
            .build());
      }
    }
  }

  /** Marks a run published; an earlier published run of the same tenant, year and stage is superseded. */
  public static void publish(Connection c, Run run, String actor, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("update allocation_run set status = 'SUPERSEDED', version = version + 1"
        + " where tenant_id = ? and school_year = ? and stage = ? and status = 'PUBLISHED'")) {
      ps.setString(1, run.tenant());
      ps.setInt(2, run.schoolYear());
      ps.setString(3, run.stage());
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("update allocation_run set status = 'PUBLISHED', published_by = ?,"
        + " published_at = ?, version = version + 1 where id = ? and status = 'DRY_RUN'")) {
      ps.setString(1, actor);
      ps.setTimestamp(2, Timestamp.from(now));
      ps.setObject(3, run.id());
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("run " + run.id() + " is not a dry run");
      }
    }
  }

  /** Who to notify after publication: application id, final outcome, school (name), applicant result. */
  public record Notice(UUID application, String outcome, String schoolZh, String answers, String childName,
      String registrationNumber) {}

  public static List<Notice> notices(Connection c, Run run) throws SQLException {
    List<Notice> notices = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "select a.application_id, a.outcome, s.name_zh, p.answers::text, ch.name, p.registration_number"
            + " from allocation_applicant a join application p on p.id = a.application_id"
            + " left join child ch on ch.id = p.child_id"
            + " left join school s on s.tenant_id = ? and s.code = a.school_code where a.run_id = ?")) {
      ps.setFetchSize(2000);
      ps.setString(1, run.tenant());
      ps.setObject(2, run.id());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          notices.add(new Notice(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6)));
        }
      }
    }
    return notices;
  }
}
