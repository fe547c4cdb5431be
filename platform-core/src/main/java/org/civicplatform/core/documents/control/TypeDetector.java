package org.civicplatform.core.documents.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

/**
 * The type of a file by its content (magic bytes), with Apache Tika. The file name and the browser's
 * Content-Type are never given to Tika, so renaming a file does not change its type. Creating the
 * detector reads Tika's type database (about a second): create one and share it; it is thread-safe.
 */
public final class TypeDetector {

  private final Detector detector;

  public TypeDetector() {
    this.detector = new DefaultDetector();
  }

  /** The detected media type without parameters, e.g. {@code application/pdf}. */
  public String detect(Path file) {
    try (TikaInputStream in = TikaInputStream.get(file)) {
      return detector.detect(in, new Metadata()).getBaseType().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
