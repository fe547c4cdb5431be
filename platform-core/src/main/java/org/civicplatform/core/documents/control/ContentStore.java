package org.civicplatform.core.documents.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The encrypted bytes in {@code document_content}, written and read over JDBC on the persistence
 * context's own connection (same transaction as the links): the ciphertext is streamed from its
 * temporary file, never held whole in memory on the way in.
 */
public final class ContentStore {

  /** Encrypted bytes and the key id they were sealed under. */
  public record Sealed(String keyId, byte[] bytes) {}

  private ContentStore() {}

  public static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      int read;
      while ((read = in.read(buffer)) > 0) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean exists(Connection c, String tenant, String sha256) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "select 1 from document_content where tenant_id = ? and sha256 = ?")) {
      ps.setString(1, tenant);
      ps.setString(2, sha256);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Inserts the content unless a concurrent upload of the same content got there first. */
  public static void insert(
      Connection c, String tenant, String sha256, Inspector.Inspection inspection, long plainSize,
      String keyId, Path ciphertext, byte[] thumbnail, byte[] text, Instant now) throws SQLException, IOException {
    try (PreparedStatement ps = c.prepareStatement(
        "insert into document_content (tenant_id, sha256, media_type, size_bytes, pages, width, height,"
            + " key_id, ciphertext, thumbnail, text_cipher, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?)"
            + " on conflict (tenant_id, sha256) do nothing");
        InputStream in = Files.newInputStream(ciphertext)) {
      ps.setString(1, tenant);
      ps.setString(2, sha256);
      ps.setString(3, inspection.mediaType());
      ps.setLong(4, plainSize);
      ps.setInt(5, inspection.pages());
      setInteger(ps, 6, inspection.width());
      setInteger(ps, 7, inspection.height());
      ps.setString(8, keyId);
      ps.setBinaryStream(9, in, Files.size(ciphertext));
      ps.setBytes(10, thumbnail);
      ps.setBytes(11, text);
      ps.setTimestamp(12, Timestamp.from(now));
      ps.executeUpdate();
    }
  }

  /** The encrypted content, or its encrypted thumbnail / text (empty when there is none). */
  public static Optional<Sealed> read(Connection c, String tenant, String sha256, String column)
      throws SQLException {
    if (!column.equals("ciphertext") && !column.equals("thumbnail") && !column.equals("text_cipher")) {
      throw new IllegalArgumentException(column);
    }
    try (PreparedStatement ps = c.prepareStatement(
        "select key_id, " + column + " from document_content where tenant_id = ? and sha256 = ?")) {
      ps.setString(1, tenant);
      ps.setString(2, sha256);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getBytes(2) == null) {
          return Optional.empty();
        }
        return Optional.of(new Sealed(rs.getString(1), rs.getBytes(2)));
      }
    }
  }

  private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setInt(index, value);
    }
  }
}
