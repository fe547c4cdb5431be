package org.civicplatform.spi.allocation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The seeded lottery (公开摇号) exactly as kunshan-rules.md "The seeded lottery" documents it, so that
 * anyone holding the published bundle can re-run a draw.
 *
 * <ul>
 *   <li>Before the draw the platform publishes the commitment: the lower-case hex SHA-256 of the seed
 *       text ({@link #commitment(String)}); after the draw it reveals the seed (64 hex characters, {@link
 *       #newSeed()}), and anyone checks it with {@link #matches(String, String)}.
 *   <li>In one lottery (one school, one phase) every candidate gets the key {@code SHA-256(seed + ":" +
 *       schoolId + ":" + applicantKey)} over the UTF-8 text, in lower-case hex ({@link #key(String,
 *       String)}); candidates are taken in ascending key order ({@link #draw(String, Collection)}).
 * </ul>
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} never shows the seed, which stays
 * secret until the draw is published.
 */
public final class SeededLottery {

  private static final HexFormat HEX = HexFormat.of();

  private final String seed;
  private final String commitment;

  /**
   * @param seed the seed text (the platform generates 64 lower-case hex characters; any non-empty text
   *     works the same way)
   */
  public SeededLottery(String seed) {
    Objects.requireNonNull(seed, "seed");
    if (seed.isEmpty()) {
      throw new IllegalArgumentException("the lottery seed must not be empty");
    }
    this.seed = seed;
    this.commitment = commitment(seed);
  }

  /** A fresh seed: 32 bytes from a {@link SecureRandom}, as 64 lower-case hex characters. */
  public static String newSeed() {
    return newSeed(new SecureRandom());
  }

  /** A fresh seed from the given source: 32 bytes as 64 lower-case hex characters. */
  public static String newSeed(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return HEX.formatHex(bytes);
  }

  /** The commitment published before a draw: lower-case hex SHA-256 of the seed's UTF-8 text. */
  public static String commitment(String seed) {
    return sha256Hex(Objects.requireNonNull(seed, "seed"));
  }

  /**
   * Whether a revealed seed matches a published commitment (hex, either case). Compares in constant
   * time; false for null or malformed input.
   */
  public static boolean matches(String seed, String commitment) {
    if (seed == null || commitment == null || commitment.length() != 64) {
      return false;
    }
    byte[] published;
    try {
      published = HEX.parseHex(commitment.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException malformed) {
      return false;
    }
    return MessageDigest.isEqual(published, digest(seed));
  }

  /** The seed; reveal it only after the draw is published. */
  public String seed() {
    return seed;
  }

  /** {@link #commitment(String)} of this lottery's seed. */
  public String commitment() {
    return commitment;
  }

  /**
   * The key of one candidate in one lottery: lower-case hex {@code SHA-256(seed + ":" + schoolId + ":"
   * + applicantKey)}.
   *
   * @param schoolId the lottery's scope: the school code, or the district code for a district ranking
   * @param applicantKey the applicant's pseudonymous key in the published bundle
   */
  public String key(String schoolId, String applicantKey) {
    Objects.requireNonNull(schoolId, "schoolId");
    Objects.requireNonNull(applicantKey, "applicantKey");
    return sha256Hex(seed + ":" + schoolId + ":" + applicantKey);
  }

  /**
   * One draw: the applicant keys in the order the lottery takes them (ascending key). Equal keys (a
   * SHA-256 collision) would fall back to the applicant key, so the order is always total.
   */
  public List<String> draw(String schoolId, Collection<String> applicantKeys) {
    List<String[]> tickets = new ArrayList<>(applicantKeys.size());
    for (String applicant : applicantKeys) {
      tickets.add(new String[] {key(schoolId, applicant), applicant});
    }
    tickets.sort(Comparator.<String[], String>comparing(t -> t[0]).thenComparing(t -> t[1]));
    List<String> order = new ArrayList<>(tickets.size());
    for (String[] ticket : tickets) {
      order.add(ticket[1]);
    }
    return order;
  }

  @Override
  public String toString() {
    return "SeededLottery[commitment=" + commitment + "]";
  }

  static String sha256Hex(String text) {
    return HEX.formatHex(digest(text));
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
