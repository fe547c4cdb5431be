package org.civicplatform.core.documents.control;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Scans a file for malware before anything else looks at it. The platform ships a built-in signature
 * check ({@link SignatureScanner}); a real antivirus is plugged in by configuration ({@code
 * platform.documents.scanner=clamd}, see {@link ClamdScanner}).
 */
public interface VirusScanner {

  /**
   * @return the name of what was found, or empty when the file is clean
   * @throws IOException when the scanner cannot be reached: the upload is then refused, not accepted
   *     unscanned
   */
  Optional<String> scan(Path file) throws IOException;
}
