package org.civicplatform.core.documents.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The documents component's long-lived parts, built once at start: the Tika detector inside the
 * {@link Inspector}, the virus scanner chosen by configuration, the encryption keys and the folder for
 * temporary files ({@code platform.documents.temp-dir}, default the JVM's).
 */
@ApplicationScoped
public class Intake {

  private static final Logger LOG = Logger.getLogger(Intake.class.getName());

  @Inject Config config;

  private Inspector inspector;
  private DocumentKeys keys;
  private Path tempDir;

  @PostConstruct
  void start() {
    inspector = new Inspector(new TypeDetector(), VirusScanners.from(config));
    keys = new DocumentKeys(
        config.getOptionalValue("platform.documents.key-id", String.class).orElse(DocumentKeys.DEV_KEY_ID),
        id -> config.getOptionalValue("platform.documents.key." + id, String.class));
    if (keys.usesDevKey()) {
      LOG.warning("Documents are encrypted with the shipped development key: set platform.documents.key-id"
          + " and platform.documents.key.<id> for any real data.");
    }
    try {
      tempDir = Files.createDirectories(Path.of(config.getOptionalValue("platform.documents.temp-dir", String.class)
          .orElse(System.getProperty("java.io.tmpdir"))));
    } catch (IOException e) {
      throw new IllegalStateException("platform.documents.temp-dir cannot be created", e);
    }
  }

  public Inspector inspector() {
    return inspector;
  }

  public DocumentKeys keys() {
    return keys;
  }

  /** A new empty temp file (owner-only permissions), to be deleted by the caller. */
  public Path tempFile(String suffix) throws IOException {
    return Files.createTempFile(tempDir, "upload-", suffix);
  }

  /**
   * Copies an upload to {@code target}, stopping once it is longer than {@code limit}.
   *
   * @return the number of bytes, or -1 when the stream is longer than {@code limit}
   */
  public static long copyAtMost(InputStream in, Path target, long limit) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      int read;
      while ((read = in.read(buffer)) > 0) {
        total += read;
        if (total > limit) {
          return -1;
        }
        out.write(buffer, 0, read);
      }
    }
    return total;
  }
}
