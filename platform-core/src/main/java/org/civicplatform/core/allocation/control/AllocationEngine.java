package org.civicplatform.core.allocation.control;

import org.civicplatform.spi.json.Jsons;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    ExecutorService workers = workers();
    try {
      long t0 = System.nanoTime();
      List<School> schools = List.copyOf(SchoolSeatsSource.schools(c, tenant)); // one list for every ApplicationFacts
      List<SchoolSeats> seats = new ArrayList<>(schools.size());
      schools.forEach(s -> seats.add(procedure.seats(s)));
      Loaded loaded = load(c, procedure, request, schools, workers);
      AllocationInput input = new AllocationInput(request.seed(), seats, loaded.applicants(), request.untilPhase());
      // each applicant's canonical input text was written by the worker that mapped it: the input's
      // digest is computed from those texts (the procedure would otherwise write them all once more)
      List<String> inputTexts = new ArrayList<>(input.applicants().size());
      input.applicants().forEach(a -> inputTexts.add(loaded.inputTexts().get(a.applicantKey())));
      input = input.withDigestOf(input.schools().stream().map(AllocationInput::canonical).toList(), inputTexts);
      long t1 = System.nanoTime();
      // the input texts are packed for storage on the workers while the procedure runs on this thread
      Buffers buffers = new Buffers();
      List<Future<byte[]>> packedInputs = new ArrayList<>();
      for (int from = 0; from < inputTexts.size(); from += CHUNK) {
        List<String> chunk = inputTexts.subList(from, Math.min(inputTexts.size(), from + CHUNK));
        packedInputs.add(workers.submit(() -> pack(chunk, buffers)));
      }
      AllocationResult result = procedure.run(input);
      String inputDigest = result.inputDigest();
      long t2 = System.nanoTime();

      UUID runId = UUID.randomUUID();
      int placed = (int) result.applicants().stream().filter(a -> a.placement().isPresent()).count();
      // the run row first (the applicants' rows refer to it); its result digest once they are written
      insertRun(c, runId, tenant, procedure, request, input, result, inputDigest, "", placed, (t2 - t1) / 1_000_000,
          now);
      List<byte[]> inputChunks = new ArrayList<>(packedInputs.size());
      packedInputs.forEach(f -> inputChunks.add(take(f)));
      String resultDigest = copyApplicants(c, runId, input, inputChunks, result, loaded.applications(), workers,
          buffers);
      try (PreparedStatement ps = c.prepareStatement("update allocation_run set result_digest = ? where id = ?")) {
        ps.setString(1, resultDigest);
        ps.setObject(2, runId);
        ps.executeUpdate();
      }
      insertTallies(c, runId, input, result);
      long t3 = System.nanoTime();
      return new Stored(runId, input.seedCommitment(), inputDigest, resultDigest, input.applicants().size(), placed,
          (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, loaded.waitedMillis());
    } finally {
      workers.shutdownNow();
    }
  }

  /**
   * Threads for the work that is a pure function of one applicant (mapping rows, writing texts), one per
   * core; they carry the caller's context class loader. The connection stays with the caller's thread.
   */
  private static ExecutorService workers() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    int n = Math.max(1, Runtime.getRuntime().availableProcessors());
    java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
    return Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "allocation-worker-" + count.incrementAndGet());
      t.setDaemon(true);
      t.setContextClassLoader(loader);
      return t;
    });
  }

  /** At most this many rows or applicants go to a worker at once. */
  static final int CHUNK = 2000;

  /** How many chunks may be in the workers' hands at once (bounds the memory of rows or texts ahead). */
  static final int AHEAD = 8;

  /** One application as read: the texts of the selected parts. */
  private record Row(UUID id, String district, boolean reviewed, String[] answers, String[] points) {}

  /**
   * What a worker made of a row: the applicant (or none) with its canonical input text, or irregular
   * (read its arrays whole).
   */
  private record Mapped(Row row, String key, Applicant applicant, String text, boolean irregular) {}

  /**
   * The applicants read, their applications and canonical input texts by key, and how long was spent
   * waiting for rows.
   */
  private record Loaded(List<Applicant> applicants, Map<String, UUID> applications, Map<String, String> inputTexts,
      long waitedMillis) {}

  /**
   * Reads the applications taking part, only the parts the procedure uses (one column each), and maps
   * them to applicants on the workers while the next rows are read.
   */
  private static Loaded load(Connection c, AllocationProcedure procedure, Request request, List<School> schools,
      ExecutorService workers) throws SQLException {
    JsonPaths answerParts = JsonPaths.of(procedure.answerPaths());
    JsonPaths pointParts = JsonPaths.of(procedure.confirmedPointsPaths());
    Pseudonyms pseudonyms = Pseudonyms.of(c, request.tenant(), request.schoolYear());
    Map<String, UUID> applications = new HashMap<>();
    Map<String, String> texts = new HashMap<>();
    List<Applicant> applicants = new ArrayList<>();
    List<Row> irregular = new ArrayList<>();
    InFlight<List<Mapped>> mapped = new InFlight<>(workers, chunk -> chunk.forEach(m -> {
      if (m.irregular()) {
        irregular.add(m.row());
      } else if (m.applicant() != null) {
        applicants.add(m.applicant());
        applications.put(m.key(), m.row().id());
        texts.put(m.key(), m.text());
      }
    }));
    long[] waited = {0};
    String sql = select(answerParts.columns("answers"), pointParts.columns("confirmed_points"))
        + " from application where tenant_id = ? and school_year = ? and stage = ? and status in " + TAKING_PART;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setFetchSize(5000);
      ps.setString(1, request.tenant());
      ps.setInt(2, request.schoolYear());
      ps.setString(3, request.stage());
      long r0 = System.nanoTime();
      try (ResultSet rs = ps.executeQuery()) {
        waited[0] += System.nanoTime() - r0;
        List<Row> rows = new ArrayList<>(CHUNK);
        while (next(rs, waited)) {
          rows.add(row(rs, answerParts.width(), pointParts.width()));
          if (rows.size() == CHUNK) {
            mapped.submit(mapping(rows, pseudonyms, answerParts, pointParts, procedure, request, schools));
            rows = new ArrayList<>(CHUNK);
          }
        }
        mapped.submit(mapping(rows, pseudonyms, answerParts, pointParts, procedure, request, schools));
      }
    }
    mapped.finish();
    if (!irregular.isEmpty()) {
      // rows whose array elements lack a member read one by one: read those arrays whole
      String whole = select(answerParts.wholeArrays("answers"), pointParts.wholeArrays("confirmed_points"))
          + " from application where id = ?";
      try (PreparedStatement ps = c.prepareStatement(whole)) {
        for (Row r : irregular) {
          ps.setObject(1, r.id());
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              mapped.collect(List.of(map(row(rs, answerParts.width(), pointParts.width()), pseudonyms.keyer(),
                  answerParts, pointParts, procedure, request, schools, true, new StringBuilder(512))));
            }
          }
        }
      }
    }
    return new Loaded(applicants, applications, texts, waited[0] / 1_000_000);
  }

  private static String select(List<String> answerColumns, List<String> pointColumns) {
    StringBuilder select = new StringBuilder("select id, district_code, status");
    answerColumns.forEach(col -> select.append(", ").append(col));
    pointColumns.forEach(col -> select.append(", case when status = 'REVIEWED' then ").append(col).append(" end"));
    return select.toString();
  }

  private static Row row(ResultSet rs, int answerWidth, int pointWidth) throws SQLException {
    UUID id = rs.getObject(1, UUID.class);
    String[] answers = new String[answerWidth];
    String[] points = new String[pointWidth];
    for (int i = 0; i < answers.length; i++) {
      answers[i] = rs.getString(4 + i);
    }
    for (int i = 0; i < points.length; i++) {
      points[i] = rs.getString(4 + answerWidth + i);
    }
    return new Row(id, rs.getString(2), "REVIEWED".equals(rs.getString(3)), answers, points);
  }

  /** The applicant of one row (a pure function of the row: runs on any worker). */
  private static Mapped map(Row row, java.util.function.Function<UUID, String> keys, JsonPaths answerParts,
      JsonPaths pointParts, AllocationProcedure procedure, Request request, List<School> schools,
      boolean arraysWhole, StringBuilder text) {
    String key = keys.apply(row.id());
    JsonObject answers;
    JsonObject points;
    try {
      answers = arraysWhole ? answerParts.wholeObject(Arrays.asList(row.answers()))
          : answerParts.object(Arrays.asList(row.answers()));
      points = arraysWhole ? pointParts.wholeObject(Arrays.asList(row.points()))
          : pointParts.object(Arrays.asList(row.points()));
    } catch (JsonPaths.Irregular e) {
      return new Mapped(row, key, null, null, true);
    }
    if (answers == null) {
      answers = JsonValue.EMPTY_JSON_OBJECT;
    }
    if (!row.reviewed() || points == JsonValue.EMPTY_JSON_OBJECT) {
      points = null; // nothing confirmed is stored
    }
    ApplicationFacts facts = new ApplicationFacts(key, answers, row.district(), request.stage(), row.reviewed(),
        request.schoolYear(), schools, Optional.ofNullable(points));
    try {
      Applicant applicant = procedure.applicant(facts).orElse(null);
      if (applicant == null) {
        return new Mapped(row, key, null, null, false);
      }
      text.setLength(0);
      AllocationInput.canonical(applicant, text);
      return new Mapped(row, key, applicant, text.toString(), false);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("application " + row.id() + ": " + e.getMessage(), e);
    }
  }

  /** The task that maps a chunk of rows. */
  private static java.util.concurrent.Callable<List<Mapped>> mapping(List<Row> rows, Pseudonyms pseudonyms,
      JsonPaths answerParts, JsonPaths pointParts, AllocationProcedure procedure, Request request,
      List<School> schools) {
    return () -> {
      java.util.function.Function<UUID, String> keys = pseudonyms.keyer();
      List<Mapped> out = new ArrayList<>(rows.size());
      StringBuilder text = new StringBuilder(512); // the chunk's input texts are written here in turn
      for (Row row : rows) {
        out.add(map(row, keys, answerParts, pointParts, procedure, request, schools, false, text));
      }
      return out;
    };
  }

  /**
   * Tasks on the workers whose results are taken in, in the order the tasks were given, by the caller's
   * thread; at most {@link #AHEAD} at a time (a new task first takes in the oldest beyond that).
   */
  private static final class InFlight<R> {
    private final ExecutorService workers;
    private final java.util.function.Consumer<R> collect;
    private final java.util.ArrayDeque<Future<R>> pending = new java.util.ArrayDeque<>();

    InFlight(ExecutorService workers, java.util.function.Consumer<R> collect) {
      this.workers = workers;
      this.collect = collect;
    }

    void submit(java.util.concurrent.Callable<R> task) {
      while (pending.size() >= AHEAD) {
        collect(take(pending.poll()));
      }
      pending.add(workers.submit(task));
    }

    void collect(R result) {
      collect.accept(result);
    }

    /** Takes in every task still in flight. */
    void finish() {
      while (!pending.isEmpty()) {
        collect(take(pending.poll()));
      }
    }
  }

  /** A worker's result; its exception as thrown by the worker. */
  private static <R> R take(Future<R> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the allocation workers", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** {@link ResultSet#next()}, adding the time it took (the driver fetching rows) to {@code waited[0]}. */
  private static boolean next(ResultSet rs, long[] waited) throws SQLException {
    long start = System.nanoTime();
    boolean more = rs.next();
    waited[0] += System.nanoTime() - start;
    return more;
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
      var phases = Jsons.createArrayBuilder();
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

  /**
   * A chunk of applicants encoded: their COPY rows, the UTF-8 result texts one per line ({@code ends}: where
   * each text ends, for the digest), and the deflated input and result lines to store.
   */
  private record Encoded(byte[] rows, int rowBytes, byte[] results, int[] ends, Chunk stored) {}

  /** A chunk of texts as stored ({@link RunTexts}): deflated input and result lines. */
  private record Chunk(int first, int count, byte[] inputs, byte[] results) {}

  /**
   * Writes every applicant's row and texts: the canonical input and result texts are written on the
   * workers, a chunk at a time, while this thread hashes the result texts into the digest (in key order)
   * and hands the finished rows to PostgreSQL; then the chunks of texts ({@link RunTexts}). Returns the
   * result digest.
   */
  private static String copyApplicants(Connection c, UUID runId, AllocationInput input, List<byte[]> inputChunks,
      AllocationResult result, Map<String, UUID> applications, ExecutorService workers, Buffers buffers)
      throws SQLException {
    String sql = "copy allocation_applicant (run_id, applicant_key, application_id, ordinal, final_phase, outcome,"
        + " school_code, rule) from stdin";
    String run = runId.toString();
    List<Applicant> applicants = input.applicants();
    List<ApplicantResult> results = result.applicants();
    if (applicants.size() != results.size()) {
      throw new IllegalStateException("the result does not list every applicant of the input");
    }
    AllocationResult.Digest digest = new AllocationResult.Digest(result.seedCommitment(), result.inputDigest(),
        result.phases(), result.schools().stream().map(SchoolTally::canonical).toList(),
        result.districtLines().stream().map(DistrictLine::canonical).toList());
    List<Chunk> chunks = new ArrayList<>();
    PGConnection pg = c.unwrap(PGConnection.class);
    var copy = pg.getCopyAPI().copyIn(sql);
    try {
      SQLException[] failed = {null};
      InFlight<Encoded> encoded = new InFlight<>(workers, e -> {
        int from = 0;
        for (int end : e.ends()) {
          digest.add(e.results(), from, end);
          from = end + 1; // the line break
        }
        chunks.add(e.stored());
        buffers.give(e.results());
        try {
          if (failed[0] == null) {
            copy.writeToCopy(e.rows(), 0, e.rowBytes());
          }
          buffers.give(e.rows());
        } catch (SQLException x) {
          failed[0] = x;
        }
      });
      for (int from = 0; from < applicants.size(); from += CHUNK) {
        int first = from;
        int to = Math.min(applicants.size(), from + CHUNK);
        byte[] inputs = inputChunks.get(from / CHUNK);
        encoded.submit(() -> encode(run, applicants, inputs, results, applications, first, to, buffers));
      }
      encoded.finish();
      if (failed[0] != null) {
        throw failed[0];
      }
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
    try (PreparedStatement ps = c.prepareStatement("insert into allocation_text (run_id, first_ordinal, applicants,"
        + " format, inputs, results) values (?, ?, ?, 'deflate', ?, ?)")) {
      for (Chunk chunk : chunks) {
        ps.setObject(1, runId);
        ps.setInt(2, chunk.first());
        ps.setInt(3, chunk.count());
        ps.setBytes(4, chunk.inputs());
        ps.setBytes(5, chunk.results());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return digest.hex();
  }

  /** Applicants {@code [from, to)} encoded (a pure function of them: runs on any worker). */
  private static Encoded encode(String run, List<Applicant> applicants, byte[] inputs,
      List<ApplicantResult> results, Map<String, UUID> applications, int from, int to, Buffers buffers) {
    // sized for a typical chunk (rows ≈ 150 bytes, result texts ≈ 1.1 kB) and taken from the run's pool:
    // growing them by doubling was a third of a run's garbage
    CopyBuffer rows = new CopyBuffer(buffers.take((to - from) * 192));
    CopyBuffer texts = new CopyBuffer(buffers.take((to - from) * 1400));
    StringBuilder text = new StringBuilder(4096); // one builder for the chunk's result texts
    int[] ends = new int[to - from];
    for (int i = from; i < to; i++) {
      Applicant applicant = applicants.get(i);
      ApplicantResult r = results.get(i);
      if (!r.applicantKey().equals(applicant.applicantKey())) {
        throw new IllegalStateException("the result does not list the input's applicants in key order");
      }
      Optional<Outcome> last = r.last();
      rows.ascii(run).tab().ascii(applicant.applicantKey()).tab()
          .ascii(applications.get(applicant.applicantKey()).toString()).tab().ascii(Integer.toString(i)).tab();
      rows.field(last.map(Outcome::phase).orElse(null)).tab();
      rows.field(last.map(Outcome::kind).orElse(null)).tab();
      rows.field(last.map(Outcome::schoolCode).orElse(null)).tab();
      rows.field(last.map(o -> o.explanation().rule()).orElse(null)).endRow();
      if (i > from) {
        texts.endRow(); // one text per line: canonical JSON has no line breaks
      }
      text.setLength(0);
      r.canonical(text);
      texts.utf8(text);
      ends[i - from] = texts.size();
    }
    return new Encoded(rows.bytes(), rows.size(), texts.bytes(), ends, new Chunk(from, to - from, inputs,
        RunTexts.deflate(texts.bytes(), texts.size())));
  }

  /** Texts one per line (canonical JSON has no line breaks) as UTF-8, deflated: a stored chunk. */
  private static byte[] pack(List<String> texts, Buffers buffers) {
    CopyBuffer lines = new CopyBuffer(buffers.take(texts.size() * 320));
    for (int i = 0; i < texts.size(); i++) {
      if (i > 0) {
        lines.endRow();
      }
      lines.utf8(texts.get(i));
    }
    byte[] packed = RunTexts.deflate(lines.bytes(), lines.size());
    buffers.give(lines.bytes());
    return packed;
  }

  /**
   * The run's chunk buffers, handed back once a chunk is written, hashed or packed and taken again for the
   * next chunk: a chunk's texts take megabytes (for G1, "humongous" arrays that started marking cycles of
   * their own), and a run has about 150 such chunks but only a few in flight at once.
   */
  static final class Buffers {
    private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> free =
        new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** The smallest free buffer of at least {@code size} bytes, or a new one. */
    byte[] take(int size) {
      while (true) {
        byte[] best = null;
        for (byte[] b : free) {
          if (b.length >= size && (best == null || b.length < best.length)) {
            best = b;
          }
        }
        if (best == null) {
          return new byte[Math.max(16, size)];
        }
        if (free.remove(best)) {
          return best;
        }
      }
    }

    /** Gives a buffer back (its content is no longer read). */
    void give(byte[] buffer) {
      free.add(buffer);
    }
  }

  /**
   * COPY text-format rows encoded as UTF-8 into one growing byte buffer (no per-row strings): written to
   * the driver in chunks of about a megabyte, or (without a driver's copy) kept for the caller.
   */
  static final class CopyBuffer {
    private static final int CHUNK = 1 << 20;
    private final org.postgresql.copy.CopyIn copy;
    private byte[] bytes;
    private int size;
    private char[] chars = new char[256];

    /** @param copy where full chunks go, or null to keep everything in this buffer */
    CopyBuffer(org.postgresql.copy.CopyIn copy) {
      this.copy = copy;
      this.bytes = new byte[copy == null ? 1 << 16 : CHUNK + (CHUNK >> 1)];
    }

    /** A buffer that keeps everything, starting in {@code initial} (its content is overwritten). */
    CopyBuffer(byte[] initial) {
      this.copy = null;
      this.bytes = initial;
    }

    CopyBuffer tab() {
      ensure(1);
      bytes[size++] = '\t';
      return this;
    }

    CopyBuffer newline() throws SQLException {
      endRow();
      if (copy != null && size >= CHUNK) {
        flush();
      }
      return this;
    }

    /** Ends a row without handing anything to the driver. */
    CopyBuffer endRow() {
      ensure(1);
      bytes[size++] = '\n';
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
      return encode(value);
    }

    /** The text as UTF-8, nothing escaped (no intermediate array: the text is often a reused builder). */
    CopyBuffer utf8(CharSequence value) {
      return encode(value, false);
    }

    private CopyBuffer encode(CharSequence value) {
      return encode(value, true);
    }

    private CopyBuffer encode(CharSequence value, boolean escape) {
      int n = value.length();
      ensure(n * 3 + 8);
      // the characters are copied out in bulk: charAt through CharSequence checked bounds and coder per character
      if (chars.length < n) {
        chars = new char[Math.max(n, chars.length * 2)];
      }
      char[] in = chars;
      if (value instanceof String s) {
        s.getChars(0, n, in, 0);
      } else if (value instanceof StringBuilder b) {
        b.getChars(0, n, in, 0);
      } else {
        for (int i = 0; i < n; i++) {
          in[i] = value.charAt(i);
        }
      }
      byte[] out = bytes;
      int o = size;
      for (int i = 0; i < n; i++) {
        char ch = in[i];
        if (ch < 0x80) {
          if (escape && (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r')) {
            out[o++] = '\\';
            out[o++] = (byte) (ch == '\\' ? '\\' : ch == '\t' ? 't' : ch == '\n' ? 'n' : 'r');
          } else {
            out[o++] = (byte) ch;
          }
        } else if (ch < 0x800) {
          out[o++] = (byte) (0xC0 | (ch >> 6));
          out[o++] = (byte) (0x80 | (ch & 0x3F));
        } else if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(in[i + 1])) {
          int cp = Character.toCodePoint(ch, in[++i]);
          out[o++] = (byte) (0xF0 | (cp >> 18));
          out[o++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          out[o++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          out[o++] = (byte) (0x80 | (cp & 0x3F));
        } else if (Character.isSurrogate(ch)) {
          out[o++] = '?'; // a lone surrogate, as String.getBytes(UTF_8) writes it
        } else {
          out[o++] = (byte) (0xE0 | (ch >> 12));
          out[o++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
          out[o++] = (byte) (0x80 | (ch & 0x3F));
        }
      }
      size = o;
      return this;
    }

    /** How many bytes are held. */
    int size() {
      return size;
    }

    /** The buffer itself (its first {@link #size()} bytes are the content). */
    byte[] bytes() {
      return bytes;
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
          JsonObjectBuilder b = Jsons.createObjectBuilder();
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
    JsonObjectBuilder b = Jsons.createObjectBuilder().add("rank", s.rank());
    if (s.category() != null) {
      b.add("category", s.category());
    }
    JsonObjectBuilder values = Jsons.createObjectBuilder();
    s.values().forEach((k, v) -> values.add(k, v.text()));
    b.add("values", values);
    if (s.lotteryKey() != null) {
      b.add("lotteryKey", s.lotteryKey());
    }
    return b.build();
  }
}
