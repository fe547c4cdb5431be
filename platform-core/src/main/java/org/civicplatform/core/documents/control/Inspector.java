package org.civicplatform.core.documents.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.civicplatform.spi.form.DocumentSlot;

/**
 * The intake pipeline for one uploaded file already on disk: size, malware scan, type by content
 * (Tika), refusal of executables, archives, SVG and polyglots, then per type: PDF safety checks and
 * text, or image re-encoding and thumbnail. Either returns what to store or throws a {@link
 * Rejection.Refused}; it never stores anything itself. Thread-safe; create one and share it.
 */
public final class Inspector {

  private static final Logger LOG = Logger.getLogger(Inspector.class.getName());

  /** What passed: the form to store (the normalised image or the PDF as uploaded) and what it holds. */
  public record Inspection(
      String mediaType, Path stored, int pages, Integer width, Integer height, String text,
      byte[] thumbnail) {}

  private static final Set<String> EXECUTABLE_HINTS =
      Set.of("executable", "dosexec", "msdownload", "sharedlib", "mach-o", "x-elf", "java-vm", "x-sh",
          "x-bat", "x-msi", "x-python", "x-perl", "x-csh", "x-ms-shortcut", "vnd.microsoft.portable-executable");
  private static final Set<String> ARCHIVES =
      Set.of("application/zip", "application/gzip", "application/x-gzip", "application/x-tar",
          "application/x-7z-compressed", "application/x-rar-compressed", "application/vnd.rar",
          "application/x-bzip2", "application/x-bzip", "application/x-xz", "application/x-lzma",
          "application/zstd", "application/x-compress", "application/java-archive", "application/x-lzip",
          "application/x-archive", "application/x-cpio", "application/x-iso9660-image", "application/x-apple-diskimage");

  /**
   * Markers of another format hidden inside a file; found anywhere, they make it a polyglot. Only
   * markers long enough not to occur by chance in compressed image data (short ones such as a ZIP
   * local header would refuse about one photo in a few hundred); appended ZIPs are found by their
   * central directory instead ({@link #hasZipDirectory}).
   */
  private static final List<ByteSearch.Needle> FOREIGN_IN_IMAGES = List.of(
      ByteSearch.Needle.ascii("pdf", "%PDF-", false),
      ByteSearch.Needle.ascii("script", "<script", true),
      ByteSearch.Needle.ascii("php", "<?php", true),
      ByteSearch.Needle.ascii("pe", "This program cannot be run in DOS mode", false));
  private static final List<ByteSearch.Needle> FOREIGN_IN_PDF = List.of(
      ByteSearch.Needle.ascii("pe", "This program cannot be run in DOS mode", false),
      ByteSearch.Needle.ascii("script", "<script", true),
      ByteSearch.Needle.ascii("php", "<?php", true));

  private final TypeDetector detector;
  private final VirusScanner scanner;

  public Inspector(TypeDetector detector, VirusScanner scanner) {
    this.detector = detector;
    this.scanner = scanner;
  }

  /**
   * Inspects {@code file} for {@code slot}; a normalised image is written to {@code normalised}.
   *
   * @throws Rejection.Refused when the file must not be stored
   */
  public Inspection inspect(Path file, DocumentSlot slot, Path normalised) throws IOException {
    long size = Files.size(file);
    if (size == 0) {
      throw Rejection.EMPTY.refused(slot);
    }
    if (size > slot.maxBytes()) {
      throw Rejection.TOO_LARGE.refused(slot);
    }
    Optional<String> malware;
    try {
      malware = scanner.scan(file);
    } catch (IOException e) {
      LOG.warning(() -> "Virus scanner unavailable: " + e.getMessage());
      throw Rejection.SCANNER_UNAVAILABLE.refused(slot);
    }
    if (malware.isPresent()) {
      LOG.warning(() -> "Refused an upload: malware " + malware.get());
      throw Rejection.MALWARE.refused(slot);
    }
    byte[] head = head(file, 64);
    String type = detector.detect(file);
    if (isExecutable(type, head)) {
      throw Rejection.EXECUTABLE.refused(slot);
    }
    if (ARCHIVES.contains(type) || type.startsWith("application/x-tika-ooxml")) {
      throw Rejection.ARCHIVE.refused(slot);
    }
    if (type.equals("image/svg+xml")) {
      throw Rejection.SVG.refused(slot);
    }
    if (!slot.mediaTypes().contains(type)) {
      throw Rejection.TYPE_NOT_ALLOWED.refused(slot);
    }
    boolean pdf = type.equals("application/pdf");
    if (pdf && !startsWith(head, "%PDF-")) {
      throw Rejection.POLYGLOT.refused(slot); // a PDF reader also accepts junk before the header
    }
    if (!ByteSearch.find(file, pdf ? FOREIGN_IN_PDF : FOREIGN_IN_IMAGES).isEmpty() || hasZipDirectory(file)) {
      throw Rejection.POLYGLOT.refused(slot);
    }
    if (pdf) {
      PdfInspector.Result result = PdfInspector.inspect(file, slot);
      return new Inspection(type, file, result.pages(), null, null, result.text(), null);
    }
    ImageNormaliser.Result image = ImageNormaliser.normalise(file, type, normalised, slot);
    return new Inspection(type, image.file(), 1, image.width(), image.height(), null, image.thumbnail());
  }

  static boolean isExecutable(String type, byte[] head) {
    for (String hint : EXECUTABLE_HINTS) {
      if (type.contains(hint)) {
        return true;
      }
    }
    return startsWith(head, "MZ") || startsWith(head, "\u007fELF") || startsWith(head, "#!")
        || startsWith(head, "\u00ca\u00fe\u00ba\u00be") || startsWith(head, "\u00cf\u00fa\u00ed\u00fe")
        || startsWith(head, "\u00ce\u00fa\u00ed\u00fe");
  }

  /**
   * Whether a ZIP end-of-central-directory record sits where a ZIP reader looks for it (the last
   * 64 KiB + 22 bytes) with a comment length that reaches exactly the end of the file: then any ZIP
   * tool opens the file as an archive, whatever it starts with.
   */
  static boolean hasZipDirectory(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      int tail = (int) Math.min(length, 65_535 + 22);
      byte[] end = new byte[tail];
      raf.seek(length - tail);
      raf.readFully(end);
      for (int i = tail - 22; i >= 0; i--) {
        if (end[i] == 'P' && end[i + 1] == 'K' && end[i + 2] == 5 && end[i + 3] == 6) {
          int comment = (end[i + 20] & 0xFF) | ((end[i + 21] & 0xFF) << 8);
          if (i + 22 + comment == tail) {
            return true;
          }
        }
      }
      return false;
    }
  }

  private static byte[] head(Path file, int n) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(n);
    }
  }

  private static boolean startsWith(byte[] data, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
    if (data.length < p.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (data[i] != p[i]) {
        return false;
      }
    }
    return true;
  }
}
