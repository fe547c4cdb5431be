package org.civicplatform.core.audit.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.civicplatform.core.audit.entity.AuditEvent;

/**
 * The hash of one link of the audit chain: SHA-256 over the previous link's hash and the event's fields, in
 * a fixed order. The same formula since the chain began, so rows hashed before the sealer still verify.
 */
public final class AuditChain {

  /** The "previous hash" of the first row. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /** What of an audit event the chain covers (everything but its id and the inserting transaction). */
  public record Content(
      String tenantId, String actor, String actorRole, String action, String targetType, String targetId,
      String requestId, Instant occurredAt, String digest) {

    public static Content of(AuditEvent e) {
      return new Content(e.tenantId(), e.actor(), e.actorRole(), e.action(), e.targetType(), e.targetId(),
          e.requestId(), e.occurredAt(), e.digest());
    }
  }

  public static String hash(String previous, AuditEvent e) {
    return hash(previous, Content.of(e));
  }

  public static String hash(String previous, Content e) {
    String text = String.join("\u001f", previous, nz(e.tenantId()), nz(e.actor()), nz(e.actorRole()), nz(e.action()),
        nz(e.targetType()), nz(e.targetId()), nz(e.requestId()),
        Long.toString(e.occurredAt().getEpochSecond()), Integer.toString(e.occurredAt().getNano()), nz(e.digest()));
    return sha256(text);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e1) {
      throw new IllegalStateException(e1);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
