package org.civicplatform.spi.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The result of one placement run (录取结果), stored by the engine as a dry run and published later.
 * Deterministic: the same input and seed give an equal result and the same {@link #canonical()} bytes.
 *
 * @param seedCommitment SHA-256 of the seed, published before the run
 * @param inputDigest {@link AllocationInput#digest()} of the input, tying the result to it
 * @param phases the ids of the phases that ran, in order
 * @param applicants one entry per applicant of the input, sorted by key
 * @param schools one tally per school and offered stage, sorted by school then stage
 * @param districtLines the district lines of points rankings, sorted by district then stage (empty for
 *     procedures without one)
 */
public record AllocationResult(
    String seedCommitment,
    String inputDigest,
    List<String> phases,
    List<ApplicantResult> applicants,
    List<SchoolTally> schools,
    List<DistrictLine> districtLines) {

  public AllocationResult {
    Objects.requireNonNull(seedCommitment, "seedCommitment");
    Objects.requireNonNull(inputDigest, "inputDigest");
    phases = List.copyOf(phases);
    List<ApplicantResult> a = new ArrayList<>(applicants);
    a.sort(Comparator.comparing(ApplicantResult::applicantKey));
    applicants = List.copyOf(a);
    List<SchoolTally> s = new ArrayList<>(schools);
    s.sort(Comparator.comparing(SchoolTally::school).thenComparing(SchoolTally::stage));
    schools = List.copyOf(s);
    List<DistrictLine> d = new ArrayList<>(districtLines);
    d.sort(Comparator.comparing(DistrictLine::district).thenComparing(DistrictLine::stage));
    districtLines = List.copyOf(d);
  }

  /** One applicant's result. */
  public Optional<ApplicantResult> applicant(String applicantKey) {
    int lo = 0;
    int hi = applicants.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = applicants.get(mid).applicantKey().compareTo(applicantKey);
      if (c == 0) {
        return Optional.of(applicants.get(mid));
      }
      if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return Optional.empty();
  }

  /** The tally of one school for one stage. */
  public Optional<SchoolTally> school(String school, String stage) {
    return schools.stream().filter(t -> t.school().equals(school) && t.stage().equals(stage)).findFirst();
  }

  /** The top-up list (补录): unplaced applicants and the schools with seats left. */
  public TopUpList topUp() {
    List<String> unplaced = new ArrayList<>();
    for (ApplicantResult result : applicants) {
      if (result.last().filter(Outcome.TopUp.class::isInstance).isPresent()) {
        unplaced.add(result.applicantKey());
      }
    }
    return new TopUpList(unplaced, schools.stream().filter(t -> t.seatsLeft() > 0).toList());
  }

  /**
   * The canonical JSON text: members sorted by name, lists in the documented order, no whitespace,
   * decimals in plain notation. Byte-identical (as UTF-8) for equal results, across runs and JVMs.
   */
  public String canonical() {
    return CanonicalJson.write(canonicalForm());
  }

  private SortedMap<String, Object> canonicalForm() {
    SortedMap<String, Object> object = CanonicalJson.object();
    object.put("seedCommitment", seedCommitment);
    object.put("inputDigest", inputDigest);
    object.put("phases", phases);
    object.put("applicants", CanonicalJson.lazy(applicants, a -> new CanonicalJson.Raw(a.canonical())));
    object.put("schools", CanonicalJson.lazy(schools, SchoolTally::canonicalForm));
    object.put("districtLines", CanonicalJson.lazy(districtLines, DistrictLine::canonicalForm));
    return object;
  }

  /**
   * The canonical text of a result from its stored pieces: each applicant's, school tally's and district
   * line's own {@code canonical()} text, in the result's order. Equal, byte for byte, to {@link
   * #canonical()} of the result they were taken from.
   */
  public static String assemble(String seedCommitment, String inputDigest, List<String> phases,
      List<String> applicants, List<String> schools, List<String> districtLines) {
    return CanonicalJson.write(assembled(seedCommitment, inputDigest, phases, applicants, schools, districtLines));
  }

  /**
   * {@link #digest()} of a result from its pieces (as {@link #assemble}), hashed while written, without
   * the whole text in memory.
   */
  public static String digestOf(String seedCommitment, String inputDigest, List<String> phases,
      List<String> applicants, List<String> schools, List<String> districtLines) {
    return CanonicalJson.sha256Hex(assembled(seedCommitment, inputDigest, phases, applicants, schools, districtLines));
  }

  /**
   * {@link #digestOf} computed while the applicants' pieces come in, one after the other in key order,
   * as UTF-8 bytes: so a run's result texts never need to be held all at once. The tallies and district
   * lines are known from the start.
   */
  public static final class Digest {
    private static final String HEAD = "{\"applicants\":[";
    private final java.security.MessageDigest sha;
    private final byte[] tail;
    private boolean first = true;

    public Digest(String seedCommitment, String inputDigest, List<String> phases, List<String> schools,
        List<String> districtLines) {
      String empty = assemble(seedCommitment, inputDigest, phases, List.of(), schools, districtLines);
      if (!empty.startsWith(HEAD + "]")) {
        throw new IllegalStateException("the applicants are no longer the first member of a result's canonical text");
      }
      tail = empty.substring(HEAD.length()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      try {
        sha = java.security.MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform provides SHA-256", e);
      }
      sha.update(HEAD.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** The next applicant's canonical result text, as UTF-8 bytes ({@code bytes[from, to)}). */
    public void add(byte[] bytes, int from, int to) {
      if (!first) {
        sha.update((byte) ',');
      }
      first = false;
      sha.update(bytes, from, to - from);
    }

    /** The digest of everything added (this object is done afterwards). */
    public String hex() {
      sha.update(tail);
      return java.util.HexFormat.of().formatHex(sha.digest());
    }
  }

  private static SortedMap<String, Object> assembled(String seedCommitment, String inputDigest, List<String> phases,
      List<String> applicants, List<String> schools, List<String> districtLines) {
    SortedMap<String, Object> object = CanonicalJson.object();
    object.put("seedCommitment", seedCommitment);
    object.put("inputDigest", inputDigest);
    object.put("phases", List.copyOf(phases));
    object.put("applicants", CanonicalJson.lazy(applicants, CanonicalJson.Raw::new));
    object.put("schools", CanonicalJson.lazy(schools, CanonicalJson.Raw::new));
    object.put("districtLines", CanonicalJson.lazy(districtLines, CanonicalJson.Raw::new));
    return object;
  }

  /** Lower-case hex SHA-256 of the UTF-8 {@link #canonical()} text, to publish next to the result. */
  public String digest() {
    return CanonicalJson.sha256Hex(canonicalForm());
  }
}
