package org.civicplatform.core.allocation.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The canonical input and result texts of a run's applicants, stored in chunks of consecutive applicants
 * in key order ({@code allocation_text}): each chunk's texts one per line (canonical JSON has no line
 * breaks), deflated. An applicant's texts are found by its ordinal ({@code allocation_applicant.ordinal},
 * its position in key order).
 */
public final class RunTexts {

  private RunTexts() {}

  /** One applicant's texts. */
  public record Texts(String input, String result) {}

  /** Deflates {@code bytes[0, length)} (fastest level: the texts repeat a lot, so it still shrinks ≈ 10×). */
  static byte[] deflate(byte[] bytes, int length) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(bytes, 0, length);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, length / 6));
      byte[] buffer = new byte[1 << 16];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** The lines of a stored chunk. */
  static List<String> lines(String format, byte[] stored, int count) {
    byte[] utf8 = "deflate".equals(format) ? inflate(stored) : stored;
    String text = new String(utf8, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(count);
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(text.substring(from, i));
        from = i + 1;
      }
    }
    lines.add(text.substring(from));
    if (lines.size() != count) {
      throw new IllegalStateException("a stored chunk of allocation texts holds " + lines.size() + " texts, not "
          + count);
    }
    return lines;
  }

  private static byte[] inflate(byte[] stored) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(stored);
      ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 8);
      byte[] buffer = new byte[1 << 16];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalStateException("a stored chunk of allocation texts is cut short");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new IllegalStateException("a stored chunk of allocation texts is damaged", e);
    } finally {
      inflater.end();
    }
  }

  /** The texts of the applicants at {@code ordinals} of a run, reading each chunk once. */
  public static Map<Integer, Texts> of(Connection c, UUID run, Collection<Integer> ordinals) throws SQLException {
    Map<Integer, Texts> texts = new HashMap<>();
    if (ordinals.isEmpty()) {
      return texts;
    }
    // the chunks' first ordinals, once; each ordinal belongs to the last chunk starting at or before it
    List<Integer> firsts = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "select first_ordinal from allocation_text where run_id = ? order by first_ordinal")) {
      ps.setObject(1, run);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          firsts.add(rs.getInt(1));
        }
      }
    }
    TreeMap<Integer, List<Integer>> byChunk = new TreeMap<>();
    for (int ordinal : ordinals) {
      int found = java.util.Collections.binarySearch(firsts, ordinal);
      int chunk = found >= 0 ? found : -found - 2; // the insertion point's predecessor
      if (chunk < 0) {
        throw new IllegalStateException("run " + run + " has no texts for applicant " + ordinal);
      }
      byChunk.computeIfAbsent(firsts.get(chunk), k -> new ArrayList<>()).add(ordinal);
    }
    try (PreparedStatement ps = c.prepareStatement("select applicants, format, inputs, results from allocation_text"
        + " where run_id = ? and first_ordinal = ?")) {
      for (Map.Entry<Integer, List<Integer>> chunk : byChunk.entrySet()) {
        ps.setObject(1, run);
        ps.setInt(2, chunk.getKey());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          int count = rs.getInt(1);
          List<String> inputs = lines(rs.getString(2), rs.getBytes(3), count);
          List<String> results = lines(rs.getString(2), rs.getBytes(4), count);
          for (int ordinal : chunk.getValue()) {
            int at = ordinal - chunk.getKey();
            if (at >= count) {
              throw new IllegalStateException("run " + run + " has no texts for applicant " + ordinal);
            }
            texts.put(ordinal, new Texts(inputs.get(at), results.get(at)));
          }
        }
      }
    }
    return texts;
  }

  /** One applicant's texts. */
  public static Texts of(Connection c, UUID run, int ordinal) throws SQLException {
    return of(c, run, List.of(ordinal)).get(ordinal);
  }

  /** Every input ({@code results} false) or result text of a run, in key order. */
  public static List<String> all(Connection c, UUID run, boolean results) throws SQLException {
    List<String> all = new ArrayList<>();
    Cursor cursor = new Cursor(c, run, results);
    for (String text = cursor.next(); text != null; text = cursor.next()) {
      all.add(text);
    }
    return all;
  }

  /** Every result text of a run by application id. */
  public static Map<UUID, String> resultsByApplication(Connection c, UUID run) throws SQLException {
    List<String> results = all(c, run, true);
    Map<UUID, String> byApplication = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "select application_id, ordinal from allocation_applicant where run_id = ?")) {
      ps.setFetchSize(5000);
      ps.setObject(1, run);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byApplication.put(rs.getObject(1, UUID.class), results.get(rs.getInt(2)));
        }
      }
    }
    return byApplication;
  }

  /**
   * The input or result texts of a run one after the other in key order, holding one chunk at a time
   * (each chunk read with a query of its own, so two cursors can be walked side by side on one
   * connection).
   */
  public static final class Cursor {
    private final Connection c;
    private final UUID run;
    private final String column;
    private List<String> chunk = List.of();
    private int at;
    private int nextOrdinal;
    private boolean done;

    /** @param results the result texts, or else the input texts */
    public Cursor(Connection c, UUID run, boolean results) {
      this.c = c;
      this.run = run;
      this.column = results ? "results" : "inputs";
    }

    /** The next text, or null after the last. */
    public String next() throws SQLException {
      while (at >= chunk.size()) {
        if (done) {
          return null;
        }
        try (PreparedStatement ps = c.prepareStatement("select first_ordinal, applicants, format, " + column
            + " from allocation_text where run_id = ? and first_ordinal >= ? order by first_ordinal limit 1")) {
          ps.setObject(1, run);
          ps.setInt(2, nextOrdinal);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              done = true;
              chunk = List.of();
              at = 0;
              continue;
            }
            if (rs.getInt(1) != nextOrdinal) {
              throw new IllegalStateException("the texts of run " + run + " miss applicants from " + nextOrdinal);
            }
            chunk = lines(rs.getString(3), rs.getBytes(4), rs.getInt(2));
            at = 0;
            nextOrdinal += chunk.size();
          }
        }
      }
      return chunk.get(at++);
    }
  }
}
