package org.civicplatform.core.audit.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform's checkpoint signing key (Ed25519, from the JDK), kept in {@code <dir>/keys}: {@code current}
 * names the key in use, {@code <id>.private} (PKCS#8, Base64, owner-readable only) and {@code <id>.public}
 * (X.509, Base64) hold it. Made on first start. The key id is the first 16 hex digits of the SHA-256 of the
 * public key, so checkpoints name their key and keys can rotate: remove {@code current} and the next start
 * makes a new key; older public keys stay in the folder (and in the database) so old checkpoints still verify.
 */
public final class CheckpointKey {

  private final String id;
  private final String publicKey;
  private final PrivateKey privateKey;

  private CheckpointKey(String id, String publicKey, PrivateKey privateKey) {
    this.id = id;
    this.publicKey = publicKey;
    this.privateKey = privateKey;
  }

  /** The current key of {@code dir}, made (atomically, so two nodes agree) when there is none. */
  public static synchronized CheckpointKey loadOrCreate(Path dir) throws IOException {
    Path keys = Files.createDirectories(dir.resolve("keys"));
    Path current = keys.resolve("current");
    if (!Files.exists(current)) {
      try {
        KeyPair pair = KeyPairGenerator.getInstance(SignedCheckpoint.ALGORITHM).generateKeyPair();
        String pub = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        String id = idOf(pub);
        Path priv = keys.resolve(id + ".private");
        Path tmp = Files.createTempFile(keys, id, ".tmp");
        try {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the folder's own permissions must protect it
        }
        Files.writeString(tmp, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        Files.move(tmp, priv, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(keys.resolve(id + ".public"), pub);
        try {
          Files.writeString(current, id, java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException raced) {
          // another node made its key first: use that one
        }
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    String id = Files.readString(current).strip();
    try {
      PrivateKey key = KeyFactory.getInstance(SignedCheckpoint.ALGORITHM).generatePrivate(
          new PKCS8EncodedKeySpec(Base64.getDecoder().decode(Files.readString(keys.resolve(id + ".private")).strip())));
      return new CheckpointKey(id, Files.readString(keys.resolve(id + ".public")).strip(), key);
    } catch (GeneralSecurityException e) {
      throw new IOException("the audit signing key " + id + " in " + keys + " cannot be read", e);
    }
  }

  /** Every public key in {@code dir}/keys by id (current and retired). */
  public static Map<String, String> publicKeys(Path dir) throws IOException {
    Map<String, String> all = new LinkedHashMap<>();
    Path keys = dir.resolve("keys");
    if (Files.isDirectory(keys)) {
      try (var files = Files.list(keys)) {
        for (Path f : files.sorted().toList()) {
          String name = f.getFileName().toString();
          if (name.endsWith(".public")) {
            all.put(name.substring(0, name.length() - ".public".length()), Files.readString(f).strip());
          }
        }
      }
    }
    return all;
  }

  public static String idOf(String publicKey) {
    return AuditChain.sha256(publicKey).substring(0, 16);
  }

  public String id() {
    return id;
  }

  public String publicKey() {
    return publicKey;
  }

  public SignedCheckpoint sign(SignedCheckpoint unsigned) {
    try {
      Signature signer = Signature.getInstance(SignedCheckpoint.ALGORITHM);
      signer.initSign(privateKey);
      signer.update(unsigned.canonical().getBytes(StandardCharsets.UTF_8));
      return unsigned.withSignature(Base64.getEncoder().encodeToString(signer.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
