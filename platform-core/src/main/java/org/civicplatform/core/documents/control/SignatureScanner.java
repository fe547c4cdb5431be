package org.civicplatform.core.documents.control;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.List;
import java.util.Optional;

/**
 * The built-in scanner: recognises the EICAR antivirus test file anywhere in a file, and inside a ZIP
 * (nested ZIPs too, {@value #MAX_DEPTH} deep), as antivirus scanners do, reading at most {@value
 * #MAX_INFLATED} bytes of inflated content so a bomb cannot make it work for long. It is no antivirus;
 * it proves the refusal path end to end and is the default when no clamd is configured.
 */
public final class SignatureScanner implements VirusScanner {

  /** The EICAR test string (68 bytes); split so this class file is not itself flagged. */
  static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

  private static final List<ByteSearch.Needle> SIGNATURES =
      List.of(ByteSearch.Needle.ascii("Eicar-Test-Signature", "EICAR-STANDARD-ANTIVIRUS-TEST-FILE", false));

  static final int MAX_DEPTH = 3;
  static final long MAX_INFLATED = 32L << 20;

  @Override
  public Optional<String> scan(Path file) throws IOException {
    Optional<String> found = ByteSearch.find(file, SIGNATURES).stream().findFirst();
    if (found.isPresent() || !isZip(file)) {
      return found;
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return inZip(in, 1, new long[] {MAX_INFLATED});
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not a ZIP its reader can walk: the raw scan above is all there is
    }
  }

  /**
   * Searches each entry; every inflated byte, also of entries skipped over, is read through the shared
   * budget, and the walk stops once it is spent (a ZIP reader would otherwise inflate the rest of an
   * entry unbounded when moving to the next one).
   */
  private static Optional<String> inZip(InputStream in, int depth, long[] budget) throws IOException {
    ZipInputStream zip = new ZipInputStream(in);
    while (budget[0] > 0) {
      ZipEntry entry = zip.getNextEntry();
      if (entry == null) {
        break;
      }
      InputStream bounded = new BufferedInputStream(new Budget(zip, budget));
      bounded.mark(4);
      byte[] head = bounded.readNBytes(4);
      bounded.reset();
      Optional<String> found = head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3
          && head[3] == 4 && depth < MAX_DEPTH
          ? inZip(bounded, depth + 1, budget)
          : ByteSearch.find(bounded, SIGNATURES).stream().findFirst();
      if (found.isPresent()) {
        return found;
      }
      bounded.transferTo(OutputStream.nullOutputStream()); // the rest of the entry, within the budget
    }
    return Optional.empty();
  }

  private static boolean isZip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4);
      return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }
  }

  /** Ends the stream once the shared budget of inflated bytes is spent (without closing the ZIP). */
  private static final class Budget extends FilterInputStream {
    private final long[] budget;

    Budget(InputStream in, long[] budget) {
      super(in);
      this.budget = budget;
    }

    @Override
    public int read() throws IOException {
      if (budget[0] <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        budget[0]--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (budget[0] <= 0) {
        return -1;
      }
      int n = super.read(buffer, offset, (int) Math.min(length, budget[0]));
      if (n > 0) {
        budget[0] -= n;
      }
      return n;
    }

    @Override
    public void close() {
      // the ZIP stream stays open for its next entry
    }
  }
}
