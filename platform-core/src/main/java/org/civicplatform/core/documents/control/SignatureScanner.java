package org.civicplatform.core.documents.control;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The built-in scanner: recognises the EICAR antivirus test file anywhere in a file. It is no
 * antivirus; it proves the refusal path end to end and is the default when no clamd is configured.
 */
public final class SignatureScanner implements VirusScanner {

  /** The EICAR test string (68 bytes); split so this class file is not itself flagged. */
  static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

  private static final List<ByteSearch.Needle> SIGNATURES =
      List.of(ByteSearch.Needle.ascii("Eicar-Test-Signature", "EICAR-STANDARD-ANTIVIRUS-TEST-FILE", false));

  @Override
  public Optional<String> scan(Path file) throws IOException {
    return ByteSearch.find(file, SIGNATURES).stream().findFirst();
  }
}
