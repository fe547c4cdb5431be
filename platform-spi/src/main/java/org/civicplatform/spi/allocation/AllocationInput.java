package org.civicplatform.spi.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

/**
 * Everything one placement run reads: the lottery seed, the schools with their seats and the applicants.
 * The lists are a set in effect: the constructor sorts schools by code and applicants by key, so two
 * inputs that differ only in order are equal and run the same way.
 *
 * @param seed the lottery seed (see {@link SeededLottery}); secret until the run is published, never
 *     shown by {@link #toString()} or {@link #canonical()}
 * @param schools the schools, unique by code
 * @param applicants the applicants, unique by key; every chosen school must be among {@code schools}
 * @param untilPhase the last phase to run (e.g. stop after {@code PUBLIC} until second-round choices are
 *     filed), or null to run every phase
 * @param digest {@link #digest()} when the caller already has it (computed from the same canonical
 *     texts, e.g. written on several cores while the applicants were read), or null to compute it when
 *     asked; not part of {@link #equals}
 */
public record AllocationInput(
    String seed, List<SchoolSeats> schools, List<Applicant> applicants, String untilPhase, String digest) {

  public AllocationInput(String seed, List<SchoolSeats> schools, List<Applicant> applicants, String untilPhase) {
    this(seed, schools, applicants, untilPhase, null);
  }

  public AllocationInput {
    if (digest != null && !digest.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256 digest: " + digest);
    }
    Objects.requireNonNull(seed, "seed");
    if (seed.isEmpty()) {
      throw new IllegalArgumentException("the lottery seed must not be empty");
    }
    List<SchoolSeats> sortedSchools = new ArrayList<>(schools);
    sortedSchools.sort(Comparator.comparing(SchoolSeats::code));
    List<Applicant> sortedApplicants = new ArrayList<>(applicants);
    sortedApplicants.sort(Comparator.comparing(Applicant::applicantKey));
    schools = List.copyOf(sortedSchools);
    applicants = List.copyOf(sortedApplicants);
    Set<String> codes = new HashSet<>();
    for (SchoolSeats school : schools) {
      if (!codes.add(school.code())) {
        throw new IllegalArgumentException("school " + school.code() + " is listed twice");
      }
    }
    for (int i = 1; i < applicants.size(); i++) {
      if (applicants.get(i).applicantKey().equals(applicants.get(i - 1).applicantKey())) {
        throw new IllegalArgumentException(
            "applicant " + applicants.get(i).applicantKey() + " is listed twice");
      }
    }
    for (Applicant applicant : applicants) {
      applicant.choices().forEach((batch, chosen) -> {
        for (String school : chosen) {
          if (!codes.contains(school)) {
            throw new IllegalArgumentException("applicant " + applicant.applicantKey() + " chose unknown school "
                + school + " in batch " + batch);
          }
        }
      });
    }
  }

  /** Runs every phase. */
  public static AllocationInput of(String seed, List<SchoolSeats> schools, List<Applicant> applicants) {
    return new AllocationInput(seed, schools, applicants, null);
  }

  /** The same input, stopping after the given phase. */
  public AllocationInput until(String phase) {
    return new AllocationInput(seed, schools, applicants, phase);
  }

  /** The same input with other applicants (e.g. after second-round choices were filed). */
  public AllocationInput withApplicants(List<Applicant> others) {
    return new AllocationInput(seed, schools, others, untilPhase);
  }

  /** The schools by code, in code order. */
  public Map<String, SchoolSeats> schoolsByCode() {
    Map<String, SchoolSeats> byCode = new LinkedHashMap<>();
    schools.forEach(s -> byCode.put(s.code(), s));
    return byCode;
  }

  /** The commitment to publish before the run: SHA-256 of the seed. */
  public String seedCommitment() {
    return SeededLottery.commitment(seed);
  }

  /**
   * The phases of {@code phases} this input runs, in order: all of them, or those up to {@link
   * #untilPhase()}.
   *
   * @throws IllegalArgumentException if {@link #untilPhase()} names no phase of the list
   */
  public List<AllocationProcedure.Phase> phasesToRun(List<AllocationProcedure.Phase> phases) {
    if (untilPhase == null) {
      return List.copyOf(phases);
    }
    for (int i = 0; i < phases.size(); i++) {
      if (phases.get(i).id().equals(untilPhase)) {
        return List.copyOf(phases.subList(0, i + 1));
      }
    }
    throw new IllegalArgumentException("unknown phase " + untilPhase);
  }

  /**
   * The canonical JSON text of this input, without the seed (its commitment instead): what a published
   * bundle holds so anyone can re-run the procedure once the seed is revealed.
   */
  public String canonical() {
    return CanonicalJson.write(canonicalForm());
  }

  /** Lower-case hex SHA-256 of the UTF-8 {@link #canonical()} text. */
  @Override
  public String digest() {
    return digest != null ? digest : CanonicalJson.sha256Hex(canonicalForm());
  }

  /** The same input, with its digest computed from its pieces' canonical texts (see {@link #assemble}). */
  public AllocationInput withDigestOf(List<String> schoolTexts, List<String> applicantTexts) {
    return new AllocationInput(seed, schools, applicants, untilPhase,
        CanonicalJson.sha256Hex(assembled(seedCommitment(), untilPhase, schoolTexts, applicantTexts)));
  }

  /** Equal when seed, schools, applicants and last phase are (a known digest is not compared). */
  @Override
  public boolean equals(Object o) {
    return o instanceof AllocationInput other && seed.equals(other.seed) && schools.equals(other.schools)
        && applicants.equals(other.applicants) && Objects.equals(untilPhase, other.untilPhase);
  }

  @Override
  public int hashCode() {
    return Objects.hash(seed, schools, applicants, untilPhase);
  }

  private SortedMap<String, Object> canonicalForm() {
    SortedMap<String, Object> object = CanonicalJson.object();
    object.put("seedCommitment", seedCommitment());
    object.put("untilPhase", untilPhase);
    object.put("schools", CanonicalJson.lazy(schools, AllocationInput::schoolForm));
    object.put("applicants", CanonicalJson.lazy(applicants, AllocationInput::applicantForm));
    return object;
  }

  static SortedMap<String, Object> schoolForm(SchoolSeats school) {
    SortedMap<String, Object> s = CanonicalJson.object();
    s.put("code", school.code());
    s.put("district", school.districtCode());
    s.put("public", school.publicSchool());
    SortedMap<String, Object> seats = CanonicalJson.object();
    seats.putAll(school.seats());
    s.put("seats", seats);
    s.put("tags", List.copyOf(school.tags()));
    return s;
  }

  static SortedMap<String, Object> applicantForm(Applicant applicant) {
    SortedMap<String, Object> a = CanonicalJson.object();
    a.put("key", applicant.applicantKey());
    a.put("district", applicant.districtCode());
    a.put("stage", applicant.stage());
    a.put("category", applicant.category());
    a.put("reviewComplete", applicant.reviewComplete());
    a.put("values", CanonicalJson.values(applicant.values()));
    SortedMap<String, Object> choices = CanonicalJson.object();
    choices.putAll(applicant.choices());
    a.put("choices", choices);
    return a;
  }

  /**
   * The canonical text of an input from its stored pieces (each school's and applicant's own canonical
   * text, in key order); equal, byte for byte, to {@link #canonical()} of the input they came from.
   */
  public static String assemble(String seedCommitment, String untilPhase, List<String> schools,
      List<String> applicants) {
    return CanonicalJson.write(assembled(seedCommitment, untilPhase, schools, applicants));
  }

  private static SortedMap<String, Object> assembled(String seedCommitment, String untilPhase, List<String> schools,
      List<String> applicants) {
    SortedMap<String, Object> object = CanonicalJson.object();
    object.put("seedCommitment", seedCommitment);
    object.put("untilPhase", untilPhase);
    object.put("schools", CanonicalJson.lazy(schools, CanonicalJson.Raw::new));
    object.put("applicants", CanonicalJson.lazy(applicants, CanonicalJson.Raw::new));
    return object;
  }

  /** The canonical text of one school as it appears in {@link #canonical()}. */
  public static String canonical(SchoolSeats school) {
    return CanonicalJson.write(schoolForm(school));
  }

  /** The canonical text of one applicant as it appears in {@link #canonical()}. */
  public static String canonical(Applicant applicant) {
    StringBuilder out = new StringBuilder(320);
    canonical(applicant, out);
    return out.toString();
  }

  /**
   * Appends {@link #canonical(Applicant)} to {@code out}, written directly with members in name order as
   * {@link #applicantForm} lists them (a run writes one per application while reading them). Tested to
   * give the same text as {@link CanonicalJson#write} of {@link #applicantForm}.
   */
  public static void canonical(Applicant applicant, StringBuilder out) {
    out.append("{\"category\":");
    CanonicalJson.string(applicant.category(), out);
    out.append(",\"choices\":{");
    boolean first = true;
    for (Map.Entry<String, List<String>> batch : applicant.choices().entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      CanonicalJson.string(batch.getKey(), out);
      out.append(":[");
      List<String> schools = batch.getValue();
      for (int i = 0; i < schools.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        CanonicalJson.string(schools.get(i), out);
      }
      out.append(']');
    }
    out.append("},\"district\":");
    CanonicalJson.string(applicant.districtCode(), out);
    out.append(",\"key\":");
    CanonicalJson.string(applicant.applicantKey(), out);
    out.append(",\"reviewComplete\":").append(applicant.reviewComplete());
    out.append(",\"stage\":");
    CanonicalJson.string(applicant.stage(), out);
    out.append(",\"values\":");
    CanonicalJson.values(applicant.values(), out);
    out.append('}');
  }

  /**
   * The input described by a canonical text (as {@link #canonical()} writes it) and the revealed seed:
   * what a re-run of a published bundle starts from. Values that look like ISO days ({@code
   * 2020-01-31}) are read as days, every other value as an amount.
   *
   * @throws IllegalArgumentException when the text is not a canonical input or the seed does not match
   *     its commitment
   */
  public static AllocationInput fromCanonical(String seed, jakarta.json.JsonObject canonical) {
    String commitment = canonical.getString("seedCommitment", null);
    if (!SeededLottery.matches(seed, commitment)) {
      throw new IllegalArgumentException("the seed does not match the commitment " + commitment);
    }
    List<SchoolSeats> schools = new ArrayList<>();
    for (jakarta.json.JsonObject s : canonical.getJsonArray("schools").getValuesAs(jakarta.json.JsonObject.class)) {
      Map<String, Integer> seats = new java.util.TreeMap<>();
      s.getJsonObject("seats").forEach((stage, n) -> seats.put(stage, ((jakarta.json.JsonNumber) n).intValueExact()));
      Set<String> tags = new java.util.TreeSet<>();
      s.getJsonArray("tags").getValuesAs(jakarta.json.JsonString.class).forEach(t -> tags.add(t.getString()));
      schools.add(new SchoolSeats(s.getString("code"), s.getString("district"), s.getBoolean("public"), seats, tags));
    }
    List<Applicant> applicants = new ArrayList<>();
    for (jakarta.json.JsonObject a : canonical.getJsonArray("applicants").getValuesAs(jakarta.json.JsonObject.class)) {
      Map<String, RankingValue> values = new java.util.TreeMap<>();
      a.getJsonObject("values").forEach((code, v) -> {
        String text = ((jakarta.json.JsonString) v).getString();
        values.put(code, DAY.matcher(text).matches()
            ? RankingValue.day(java.time.LocalDate.parse(text)) : RankingValue.amount(text));
      });
      Map<String, List<String>> choices = new java.util.TreeMap<>();
      a.getJsonObject("choices").forEach((batch, list) -> choices.put(batch,
          list.asJsonArray().getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList()));
      applicants.add(new Applicant(a.getString("key"), a.getString("district"), a.getString("stage"),
          a.getString("category"), a.getBoolean("reviewComplete"), values, choices));
    }
    String until = canonical.containsKey("untilPhase") && !canonical.isNull("untilPhase")
        ? canonical.getString("untilPhase") : null;
    return new AllocationInput(seed, schools, applicants, until);
  }

  private static final java.util.regex.Pattern DAY = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** Never shows the seed. */
  @Override
  public String toString() {
    return "AllocationInput[seedCommitment=" + seedCommitment() + ", schools=" + schools.size()
        + ", applicants=" + applicants.size() + ", untilPhase=" + untilPhase + "]";
  }
}
