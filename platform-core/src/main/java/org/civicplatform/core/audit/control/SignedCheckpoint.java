package org.civicplatform.core.audit.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * A signed statement of the audit chain's head: at {@code signedAt} the chain ended at {@code position} with
 * {@code hash}, holding {@code rows} rows after the retention prefix through {@code purgedThrough} (whose last
 * hash is {@code purgedHash}). Signed (Ed25519) over {@link #canonical()} with the key {@code keyId}; kept
 * outside {@code audit_event} (files in the data folder, GET /api/audit/checkpoints). Anyone holding the
 * public key can check it, and check an export of the chain against it.
 */
public record SignedCheckpoint(
    String keyId, long position, String hash, long rows, long purgedThrough, String purgedHash, Instant signedAt,
    String reason, String signature) {

  public static final String FORMAT = "civic-audit-checkpoint/1";
  public static final String ALGORITHM = "Ed25519";
  private static final JsonProvider JSON = JsonProvider.provider();

  /** The exact text the signature covers. */
  public String canonical() {
    return FORMAT + "\nkey=" + keyId + "\nposition=" + position + "\nhash=" + hash + "\nrows=" + rows
        + "\npurged-through=" + purgedThrough + "\npurged-hash=" + purgedHash + "\nsigned-at=" + signedAt
        + "\nreason=" + reason + "\n";
  }

  public SignedCheckpoint withSignature(String signature) {
    return new SignedCheckpoint(keyId, position, hash, rows, purgedThrough, purgedHash, signedAt, reason, signature);
  }

  /** True when the signature verifies with this Base64 X.509 Ed25519 public key. */
  public boolean verifiesWith(String publicKey) {
    if (publicKey == null || signature == null) {
      return false;
    }
    try {
      PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(canonical().getBytes(StandardCharsets.UTF_8));
      return verifier.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  public JsonObject toJson() {
    return JSON.createObjectBuilder().add("format", FORMAT).add("keyId", keyId).add("position", position)
        .add("hash", hash).add("rows", rows).add("purgedThrough", purgedThrough).add("purgedHash", purgedHash)
        .add("signedAt", signedAt.toString()).add("reason", reason).add("signature", signature).build();
  }

  public static SignedCheckpoint fromJson(JsonObject o) {
    if (!FORMAT.equals(o.getString("format", FORMAT))) {
      throw new IllegalArgumentException("not a " + FORMAT + ": " + o.getString("format"));
    }
    return new SignedCheckpoint(o.getString("keyId"), o.getJsonNumber("position").longValueExact(), o.getString("hash"),
        o.getJsonNumber("rows").longValueExact(), o.getJsonNumber("purgedThrough").longValueExact(),
        o.getString("purgedHash"), Instant.parse(o.getString("signedAt")), o.getString("reason"),
        o.getString("signature"));
  }

  public static SignedCheckpoint parse(String text) {
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      return fromJson(reader.readObject());
    }
  }
}
