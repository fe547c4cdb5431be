package org.civicplatform.core.audit.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.civicplatform.core.audit.entity.AuditEvent;

/** The hash of one audit row: SHA-256 over the previous hash and the row's fields, in a fixed order. */
public final class AuditChain {

  /** The "previous hash" of the first row. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  public static String hash(String previous, AuditEvent e) {
    String text = String.join("\u001f", previous, nz(e.tenantId()), nz(e.actor()), nz(e.actorRole()), nz(e.action()),
        nz(e.targetType()), nz(e.targetId()), nz(e.requestId()),
        Long.toString(e.occurredAt().getEpochSecond()), Integer.toString(e.occurredAt().getNano()), nz(e.digest()));
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
