package org.civicplatform.core.allocation.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous applicant keys: the first 32 hex characters of HMAC-SHA256(salt, application id). The
 * salt is one secret per tenant and school year, kept in the database only ({@code allocation_salt}).
 */
public final class Pseudonyms {

  private final byte[] salt;

  private Pseudonyms(byte[] salt) {
    this.salt = salt.clone();
    mac(); // fail early
  }

  private Mac mac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform provides HmacSHA256", e);
    }
  }

  /** The salt of the tenant's year, created on first use (concurrent creators agree on one). */
  public static Pseudonyms of(Connection c, String tenant, int year) throws SQLException {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    try (PreparedStatement insert = c.prepareStatement(
        "insert into allocation_salt (tenant_id, school_year, salt) values (?, ?, ?) on conflict do nothing")) {
      insert.setString(1, tenant);
      insert.setInt(2, year);
      insert.setBytes(3, fresh);
      insert.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "select salt from allocation_salt where tenant_id = ? and school_year = ?")) {
      ps.setString(1, tenant);
      ps.setInt(2, year);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Pseudonyms(rs.getBytes(1));
      }
    }
  }

  /**
   * Keys with a MAC of their own, for one thread: the allocation workers each take one per chunk of
   * rows (a MAC is not safe to share between threads).
   */
  public java.util.function.Function<UUID, String> keyer() {
    Mac mac = mac();
    return application -> HexFormat.of().formatHex(
        mac.doFinal(application.toString().getBytes(StandardCharsets.US_ASCII)), 0, 16);
  }
}
