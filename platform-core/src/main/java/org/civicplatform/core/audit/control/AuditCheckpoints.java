package org.civicplatform.core.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signed checkpoints of the audit chain, kept outside {@code audit_event}: one JSON file per checkpoint in
 * {@code <platform.audit.checkpoint-dir>/checkpoints} (the run command: {@code data/audit}) and a row in
 * {@code audit_signed_checkpoint} so every node serves the same list. Signed at a fixed interval
 * ({@code platform.audit.checkpoint-interval-seconds}, when the chain moved), at every allocation publication,
 * after every retention run and on demand ({@code POST /api/audit/checkpoints}).
 */
@ApplicationScoped
public class AuditCheckpoints {

  static final Logger LOG = Logger.getLogger(AuditCheckpoints.class.getName());
  public static final String FORMAT = "civic-audit-checkpoints/1";
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject
  @ConfigProperty(name = "platform.audit.checkpoint-dir", defaultValue = "audit")
  String directory;

  @Inject CheckpointStore store;

  private volatile CheckpointKey key;

  public Path dir() {
    return Path.of(directory).toAbsolutePath();
  }

  CheckpointKey key() throws IOException {
    if (key == null) {
      key = CheckpointKey.loadOrCreate(dir());
    }
    return key;
  }

  /** Seals and signs the head now; null when nothing changed ({@code onlyIfChanged}) or the chain is broken. */
  public SignedCheckpoint sign(String reason, boolean onlyIfChanged) {
    try {
      SignedCheckpoint checkpoint = store.sign(key(), reason, onlyIfChanged);
      if (checkpoint != null) {
        write(checkpoint);
      }
      return checkpoint;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Signs after an event that must be fixed in time (publication, retention); a failure is logged, not thrown. */
  public SignedCheckpoint signAfter(String reason) {
    try {
      return sign(reason, false);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "audit checkpoint after " + reason + " failed; the next interval signs the head", e);
      return null;
    }
  }

  private void write(SignedCheckpoint cp) throws IOException {
    Path folder = Files.createDirectories(dir().resolve("checkpoints"));
    String name = String.format("%012d-%d-%s.json", cp.position(), cp.signedAt().toEpochMilli(), cp.keyId());
    Path tmp = Files.createTempFile(folder, "checkpoint", ".tmp");
    Files.writeString(tmp, cp.toJson().toString() + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Every checkpoint: the files of this node's folder and the database's rows, once each, by position. */
  public List<SignedCheckpoint> all() {
    Map<String, SignedCheckpoint> bySignature = new LinkedHashMap<>();
    Path folder = dir().resolve("checkpoints");
    if (Files.isDirectory(folder)) {
      try (var files = Files.list(folder)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          try {
            SignedCheckpoint cp = SignedCheckpoint.parse(Files.readString(f, StandardCharsets.UTF_8));
            bySignature.putIfAbsent(cp.signature(), cp);
          } catch (RuntimeException e) {
            LOG.warning("audit checkpoint file " + f + " cannot be read: " + e.getMessage());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (SignedCheckpoint cp : store.all()) {
      bySignature.putIfAbsent(cp.signature(), cp);
    }
    List<SignedCheckpoint> all = new ArrayList<>(bySignature.values());
    all.sort(Comparator.comparingLong(SignedCheckpoint::position).thenComparing(SignedCheckpoint::signedAt));
    return all;
  }

  /** The public keys checkpoints are signed with: this node's key folder and the database's, by id. */
  public Map<String, String> publicKeys() {
    Map<String, String> keys = new LinkedHashMap<>();
    try {
      key(); // made on first use, so a fresh node lists its key
      keys.putAll(CheckpointKey.publicKeys(dir()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    store.keys().forEach(keys::putIfAbsent);
    return keys;
  }

  /** The download: the public keys and every checkpoint (what the offline verifier reads). */
  public JsonObject download() {
    JsonArrayBuilder keys = JSON.createArrayBuilder();
    Set<String> seen = new LinkedHashSet<>();
    publicKeys().forEach((id, pub) -> {
      if (seen.add(id)) {
        keys.add(JSON.createObjectBuilder().add("keyId", id).add("algorithm", SignedCheckpoint.ALGORITHM)
            .add("publicKey", pub));
      }
    });
    JsonArrayBuilder checkpoints = JSON.createArrayBuilder();
    all().forEach(cp -> checkpoints.add(cp.toJson()));
    String current;
    try {
      current = key().id();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return JSON.createObjectBuilder().add("format", FORMAT).add("currentKeyId", current).add("keys", keys)
        .add("checkpoints", checkpoints).build();
  }
}
