package org.civicplatform.core.allocation.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.allocation.AllocationInput;
import org.civicplatform.spi.allocation.AllocationProcedure;
import org.civicplatform.spi.allocation.AllocationResult;
import org.civicplatform.spi.allocation.Applicant;
import org.civicplatform.spi.allocation.ApplicantResult;
import org.civicplatform.spi.allocation.ApplicationFacts;
import org.civicplatform.spi.allocation.DistrictLine;
import org.civicplatform.spi.allocation.Outcome;
import org.civicplatform.spi.allocation.SchoolSeats;
import org.civicplatform.spi.allocation.SchoolTally;
import org.civicplatform.spi.allocation.Standing;
import org.civicplatform.spi.reference.School;
import org.postgresql.PGConnection;

/**
 * One dry run, database to database, on the caller's connection and transaction: takes the tenant's
 * allocation lock, reads the submitted applications of a tenant/year/stage and the schools, maps each
 * application to the procedure's {@link Applicant} under a pseudonymous key, runs the procedure and
 * stores the run, every applicant's canonical input and result (COPY), the school tallies and the
 * district lines. Plain JDBC, no container: the benchmark runs the same code.
 */
public final class AllocationEngine {

  /** First key of the allocation advisory locks (the second is the tenant id's hash). */
  public static final int LOCK_CLASS = 0x616c6c6f; // "allo"

  /** Application states that take part: submitted and not refused or returned. */
  static final String TAKING_PART = "('SUBMITTED','IN_REVIEW','REVIEWED')";

  /**
   * What to run.
   *
   * @param seed the lottery seed (generated or given)
   * @param seedSource GENERATED or GIVEN
   * @param untilPhase the last phase, or null for all
   */
  public record Request(String tenant, int schoolYear, String stage, String untilPhase, String seed,
      String seedSource, String actor) {}

  /**
   * What a run stored, with timings ({@code readMillis}: the part of {@code loadMillis} spent waiting for
   * the database's rows; the rest is mapping them to applicants).
   */
  public record Stored(UUID runId, String seedCommitment, String inputDigest, String resultDigest, int applicants,
      int placed, long loadMillis, long computeMillis, long storeMillis, long readMillis) {}

  /** Another run of the tenant holds the lock. */
  public static final class Busy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Busy() {
      super("another allocation run of this tenant is in progress");
    }
  }

  private AllocationEngine() {}

  /** Takes the tenant's transaction-scoped allocation lock, or throws {@link Busy}. */
  public static void lock(Connection c, String tenant) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_xact_lock(?, hashtext(?))")) {
      ps.setInt(1, LOCK_CLASS);
      ps.setString(2, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          throw new Busy();
        }
      }
    }
  }

  public static Stored dryRun(Connection c, TenantModule tenant, Request request, Instant now) throws SQLException {
    lock(c, tenant.id());
    AllocationProcedure procedure = tenant.allocation();
    long t0 = System.nanoTime();
    List<School> schools = List.copyOf(SchoolSeatsSource.schools(c, tenant)); // one list for every ApplicationFacts
    List<SchoolSeats> seats = new ArrayList<>(schools.size());
    schools.forEach(s -> seats.add(procedure.seats(s)));
    Pseudonyms pseudonyms = Pseudonyms.of(c, tenant.id(), request.schoolYear());
    Map<String, UUID> applications = new HashMap<>();
    List<Applicant> applicants = new ArrayList<>();
    long[] waited = {0};
    // only the parts of the answers and confirmed points the procedure reads, one #> column each
    JsonPaths answerParts = JsonPaths.of(procedure.answerPaths());
    JsonPaths pointParts = JsonPaths.of(procedure.confirmedPointsPaths());
    StringBuilder select = new StringBuilder("select id, district_code, status");
    answerParts.columns("answers").forEach(col -> select.append(", ").append(col));
    pointParts.columns("confirmed_points")
        .forEach(col -> select.append(", case when status = 'REVIEWED' then ").append(col).append(" end"));
    select.append(" from application where tenant_id = ? and school_year = ? and stage = ? and status in ")
        .append(TAKING_PART);
    int answersFrom = 4;
    int pointsFrom = answersFrom + answerParts.width();
    String[] answerTexts = new String[answerParts.width()];
    String[] pointTexts = new String[pointParts.width()];
    try (PreparedStatement ps = c.prepareStatement(select.toString())) {
      ps.setFetchSize(5000);
      ps.setString(1, tenant.id());
      ps.setInt(2, request.schoolYear());
      ps.setString(3, request.stage());
      long r0 = System.nanoTime();
      try (ResultSet rs = ps.executeQuery()) {
        waited[0] += System.nanoTime() - r0;
        while (next(rs, waited)) {
          UUID id = rs.getObject(1, UUID.class);
          String key = pseudonyms.key(id);
          for (int i = 0; i < answerTexts.length; i++) {
            answerTexts[i] = rs.getString(answersFrom + i);
          }
          for (int i = 0; i < pointTexts.length; i++) {
            pointTexts[i] = rs.getString(pointsFrom + i);
          }
          JsonObject answers = answerParts.object(java.util.Arrays.asList(answerTexts));
          if (answers == null) {
            answers = jakarta.json.JsonValue.EMPTY_JSON_OBJECT;
          }
          JsonObject points = pointParts.object(java.util.Arrays.asList(pointTexts));
          boolean reviewed = "REVIEWED".equals(rs.getString(3));
          if (!reviewed || points == JsonValue.EMPTY_JSON_OBJECT) {
            points = null; // nothing confirmed is stored
          }
          ApplicationFacts facts = new ApplicationFacts(key, answers, rs.getString(2), request.stage(),
              reviewed, request.schoolYear(), schools, Optional.ofNullable(points));
          Optional<Applicant> applicant;
          try {
            applicant = procedure.applicant(facts);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("application " + id + ": " + e.getMessage(), e);
          }
          if (applicant.isPresent()) {
            applicants.add(applicant.get());
            applications.put(key, id);
          }
        }
      }
    }
    AllocationInput input = new AllocationInput(request.seed(), seats, applicants, request.untilPhase());
    long t1 = System.nanoTime();
    AllocationResult result = procedure.run(input);
    String inputDigest = result.inputDigest();
    // Each applicant's canonical texts, written once: stored as they are, and hashed into the digest.
    // Every text is a pure function of its own applicant, so writing them on all cores into their own
    // slots gives the same lists (and bytes) as writing them one after the other.
    List<String> inputTexts = texts(input.applicants(), AllocationInput::canonical);
    List<String> resultTexts = texts(result.applicants(), ApplicantResult::canonical);
    String resultDigest = AllocationResult.digestOf(result.seedCommitment(), inputDigest, result.phases(), resultTexts,
        result.schools().stream().map(SchoolTally::canonical).toList(),
        result.districtLines().stream().map(DistrictLine::canonical).toList());
    long t2 = System.nanoTime();

    UUID runId = UUID.randomUUID();
    int placed = (int) result.applicants().stream().filter(a -> a.placement().isPresent()).count();
    insertRun(c, runId, tenant, procedure, request, input, result, inputDigest, resultDigest, placed,
        (t2 - t1) / 1_000_000, now);
    copyApplicants(c, runId, input, result, applications, inputTexts, resultTexts);
    insertTallies(c, runId, input, result);
    long t3 = System.nanoTime();
    return new Stored(runId, input.seedCommitment(), inputDigest, resultDigest, applicants.size(), placed,
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, waited[0] / 1_000_000);
  }

  /** {@link ResultSet#next()}, adding the time it took (the driver fetching rows) to {@code waited[0]}. */
  private static boolean next(ResultSet rs, long[] waited) throws SQLException {
    long start = System.nanoTime();
    boolean more = rs.next();
    waited[0] += System.nanoTime() - start;
    return more;
  }

  /** {@code text} of every element, in list order, computed in parallel. */
  static <T> List<String> texts(List<T> items, java.util.function.Function<T, String> text) {
    String[] out = new String[items.size()];
    java.util.stream.IntStream.range(0, out.length).parallel().forEach(i -> out[i] = text.apply(items.get(i)));
    return java.util.Arrays.asList(out);
  }

  private static void insertRun(Connection c, UUID runId, TenantModule tenant, AllocationProcedure procedure,
      Request request, AllocationInput input, AllocationResult result, String inputDigest, String resultDigest,
      int placed, long computeMillis, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "insert into allocation_run (id, tenant_id, school_year, stage, until_phase, status, procedure_id, rule_set,"
            + " seed, seed_commitment, seed_source, phases, input_digest, result_digest, applicants, placed,"
            + " compute_millis, created_by, created_at) values (?,?,?,?,?,'DRY_RUN',?,?,?,?,?,?::jsonb,?,?,?,?,?,?,?)")) {
      ps.setObject(1, runId);
      ps.setString(2, tenant.id());
      ps.setInt(3, request.schoolYear());
      ps.setString(4, request.stage());
      ps.setString(5, request.untilPhase());
      ps.setString(6, procedure.getClass().getName());
      ps.setString(7, procedure.ruleSetVersion(request.schoolYear()));
      ps.setString(8, request.seed());
      ps.setString(9, input.seedCommitment());
      ps.setString(10, request.seedSource());
      var phases = Jsons.arrayBuilder();
      result.phases().forEach(phases::add);
      ps.setString(11, phases.build().toString());
      ps.setString(12, inputDigest);
      ps.setString(13, resultDigest);
      ps.setInt(14, input.applicants().size());
      ps.setInt(15, placed);
      ps.setLong(16, computeMillis);
      ps.setString(17, request.actor());
      ps.setTimestamp(18, Timestamp.from(now));
      ps.executeUpdate();
    }
  }

  private static void copyApplicants(Connection c, UUID runId, AllocationInput input, AllocationResult result,
      Map<String, UUID> applications, List<String> inputTexts, List<String> resultTexts) throws SQLException {
    String sql = "copy allocation_applicant (run_id, applicant_key, application_id, final_phase, outcome, school_code,"
        + " rule, input_json, result_json) from stdin";
    String run = runId.toString();
    List<Applicant> applicants = input.applicants();
    List<ApplicantResult> results = result.applicants();
    PGConnection pg = c.unwrap(PGConnection.class);
    var copy = pg.getCopyAPI().copyIn(sql);
    try {
      // rows are encoded straight into one buffer, handed to the driver a megabyte at a time
      CopyBuffer out = new CopyBuffer(copy);
      for (int i = 0; i < applicants.size(); i++) {
        Applicant applicant = applicants.get(i);
        ApplicantResult r = results.get(i);
        if (!r.applicantKey().equals(applicant.applicantKey())) {
          throw new IllegalStateException("the result does not list the input's applicants in key order");
        }
        Optional<Outcome> last = r.last();
        out.ascii(run).tab().ascii(applicant.applicantKey()).tab()
            .ascii(applications.get(applicant.applicantKey()).toString()).tab();
        out.field(last.map(Outcome::phase).orElse(null)).tab();
        out.field(last.map(Outcome::kind).orElse(null)).tab();
        out.field(last.map(Outcome::schoolCode).orElse(null)).tab();
        out.field(last.map(o -> o.explanation().rule()).orElse(null)).tab();
        out.field(inputTexts.get(i)).tab();
        out.field(resultTexts.get(i)).newline();
      }
      out.flush();
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  /**
   * COPY text-format rows encoded as UTF-8 into one growing byte buffer (no per-row strings), written to
   * the driver in chunks of about a megabyte.
   */
  static final class CopyBuffer {
    private static final int CHUNK = 1 << 20;
    private final org.postgresql.copy.CopyIn copy;
    private byte[] bytes = new byte[CHUNK + (CHUNK >> 1)];
    private int size;

    CopyBuffer(org.postgresql.copy.CopyIn copy) {
      this.copy = copy;
    }

    CopyBuffer tab() {
      ensure(1);
      bytes[size++] = '\t';
      return this;
    }

    CopyBuffer newline() throws SQLException {
      ensure(1);
      bytes[size++] = '\n';
      if (size >= CHUNK) {
        flush();
      }
      return this;
    }

    /** Text known to need neither escaping nor more than one byte per character (keys, ids). */
    CopyBuffer ascii(String text) {
      ensure(text.length());
      for (int i = 0; i < text.length(); i++) {
        bytes[size++] = (byte) text.charAt(i);
      }
      return this;
    }

    /** A field: \N for null; backslash, tab, newline and carriage return escaped; UTF-8. */
    CopyBuffer field(String value) {
      if (value == null) {
        return ascii("\\N");
      }
      ensure(value.length() * 3 + 8);
      for (int i = 0; i < value.length(); i++) {
        char ch = value.charAt(i);
        if (ch < 0x80) {
          switch (ch) {
            case '\\' -> {
              bytes[size++] = '\\';
              bytes[size++] = '\\';
            }
            case '\t' -> {
              bytes[size++] = '\\';
              bytes[size++] = 't';
            }
            case '\n' -> {
              bytes[size++] = '\\';
              bytes[size++] = 'n';
            }
            case '\r' -> {
              bytes[size++] = '\\';
              bytes[size++] = 'r';
            }
            default -> bytes[size++] = (byte) ch;
          }
        } else if (ch < 0x800) {
          bytes[size++] = (byte) (0xC0 | (ch >> 6));
          bytes[size++] = (byte) (0x80 | (ch & 0x3F));
        } else if (Character.isHighSurrogate(ch) && i + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(i + 1))) {
          int cp = Character.toCodePoint(ch, value.charAt(++i));
          bytes[size++] = (byte) (0xF0 | (cp >> 18));
          bytes[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          bytes[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          bytes[size++] = (byte) (0x80 | (cp & 0x3F));
        } else if (Character.isSurrogate(ch)) {
          bytes[size++] = '?'; // a lone surrogate, as String.getBytes(UTF_8) writes it
        } else {
          bytes[size++] = (byte) (0xE0 | (ch >> 12));
          bytes[size++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
          bytes[size++] = (byte) (0x80 | (ch & 0x3F));
        }
      }
      return this;
    }

    void flush() throws SQLException {
      if (size > 0) {
        copy.writeToCopy(bytes, 0, size);
        size = 0;
      }
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }
  }

  private static void insertTallies(Connection c, UUID runId, AllocationInput input, AllocationResult result)
      throws SQLException {
    // The last admitted position per school and phase, from the explanations of the placements.
    Map<String, Map<String, Standing>> last = new HashMap<>();
    for (ApplicantResult r : result.applicants()) {
      r.placement().ifPresent(p -> {
        Standing s = p.explanation().lastAdmitted();
        if (s != null) {
          last.computeIfAbsent(p.school(), k -> new TreeMap<>()).put(p.phase(), s);
        }
      });
    }
    try (PreparedStatement ps = c.prepareStatement(
        "insert into allocation_school (run_id, school_code, stage, seats, admitted, seats_left, last_admitted,"
            + " canonical) values (?,?,?,?,?,?,?::jsonb,?)")) {
      for (SchoolTally t : result.schools()) {
        ps.setObject(1, runId);
        ps.setString(2, t.school());
        ps.setString(3, t.stage());
        ps.setInt(4, t.seats());
        ps.setInt(5, t.admitted());
        ps.setInt(6, t.seatsLeft());
        Map<String, Standing> lines = last.get(t.school());
        if (lines == null) {
          ps.setString(7, null);
        } else {
          JsonObjectBuilder b = Jsons.objectBuilder();
          lines.forEach((phase, s) -> b.add(phase, standing(s)));
          ps.setString(7, b.build().toString());
        }
        ps.setString(8, t.canonical());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "insert into allocation_district_line (run_id, district_code, stage, seats, candidates, canonical)"
            + " values (?,?,?,?,?,?)")) {
      for (DistrictLine l : result.districtLines()) {
        ps.setObject(1, runId);
        ps.setString(2, l.district());
        ps.setString(3, l.stage());
        ps.setInt(4, l.seats());
        ps.setInt(5, l.candidates());
        ps.setString(6, l.canonical());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "insert into allocation_input_school (run_id, school_code, canonical) values (?,?,?)")) {
      for (SchoolSeats s : input.schools()) {
        ps.setObject(1, runId);
        ps.setString(2, s.code());
        ps.setString(3, AllocationInput.canonical(s));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** A standing as plain JSON: rank, category, values (texts), lottery key. */
  public static JsonObject standing(Standing s) {
    JsonObjectBuilder b = Jsons.objectBuilder().add("rank", s.rank());
    if (s.category() != null) {
      b.add("category", s.category());
    }
    JsonObjectBuilder values = Jsons.objectBuilder();
    s.values().forEach((k, v) -> values.add(k, v.text()));
    b.add("values", values);
    if (s.lotteryKey() != null) {
      b.add("lotteryKey", s.lotteryKey());
    }
    return b.build();
  }
}
