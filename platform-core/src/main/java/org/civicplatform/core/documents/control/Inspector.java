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
 * (Tika), refusal of executables, scripts, archives (bombs among them), office files, SVG, web pages
 * and polyglots, of files cut off before their end, then per type: PDF safety checks and text, or
 * image re-encoding and thumbnail. Either returns what to store or throws a {@link
 * Rejection.Refused}; it never stores anything itself. Thread-safe; create one and share it.
 */
public final class Inspector {

  private static final Logger LOG = Logger.getLogger(Inspector.class.getName());

  /** What passed: the form to store (the normalised image or the PDF as uploaded) and what it holds. */
  public record Inspection(
      String mediaType, Path stored, int pages, Integer width, Integer height, String text,
      byte[] thumbnail) {}

  private static final Set<String> EXECUTABLE_HINTS =
      Set.of("executable", "dosexec", "msdownload", "sharedlib", "mach-o", "x-elf", "java-vm", "x-msi",
          "x-ms-shortcut", "vnd.microsoft.portable-executable");
  private static final Set<String> SCRIPT_HINTS =
      Set.of("x-sh", "x-bat", "x-python", "x-perl", "x-csh", "javascript", "x-ruby", "x-php", "vbscript",
          "x-powershell", "x-msdos-batch");
  /** Lines a script starts with or holds near its top (lower case), for text Tika calls plain. */
  private static final List<String> SCRIPT_MARKERS =
      List.of("@echo off", "@echo on", "powershell", "wscript.", "createobject(", "cmd.exe", "cmd /c",
          "invoke-expression", "iex(", "<script", "eval(", "<?php", "import os", "require(");
  private static final Set<String> ARCHIVES =
      Set.of("application/zip", "application/gzip", "application/x-gzip", "application/x-tar",
          "application/x-7z-compressed", "application/x-rar-compressed", "application/vnd.rar",
          "application/x-bzip2", "application/x-bzip", "application/x-xz", "application/x-lzma",
          "application/zstd", "application/x-compress", "application/java-archive", "application/x-lzip",
          "application/x-archive", "application/x-cpio", "application/x-iso9660-image", "application/x-apple-diskimage");
  private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");

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

  private static final ByteSearch.Needle PDF_HEADER = ByteSearch.Needle.ascii("pdf", "%PDF-", false);

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
    byte[] head = head(file, 4096);
    String type = detector.detect(file);
    Rejection kind = kindRefused(type, head);
    if (kind == null) {
      kind = containerRefused(file, type);
    }
    if (kind != null) {
      throw kind.refused(slot);
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
    if (Completeness.truncated(file, type)) {
      throw Rejection.TRUNCATED.refused(slot);
    }
    if (pdf) {
      PdfInspector.Result result = PdfInspector.inspect(file, slot);
      return new Inspection(type, file, result.pages(), null, null, result.text(), null);
    }
    ImageNormaliser.Result image = ImageNormaliser.normalise(file, type, normalised, slot);
    return new Inspection(type, image.file(), 1, image.width(), image.height(), null, image.thumbnail());
  }

  /**
   * The refusal a file's detected type or first bytes call for whatever the slot accepts: programs,
   * scripts, office files, SVG, web pages, and two formats in one (a GIF that is also JavaScript, a
   * file a PDF reader opens although it starts as something else). Null when the type alone is no reason.
   */
  static Rejection kindRefused(String type, byte[] head) {
    if (isExecutable(type, head)) {
      return Rejection.EXECUTABLE;
    }
    if (isScript(type, head)) {
      return Rejection.SCRIPT;
    }
    if (isOffice(type)) {
      return Rejection.OFFICE;
    }
    if (type.equals("image/svg+xml")) {
      return Rejection.SVG;
    }
    if (startsWith(head, "GIF87a/*") || startsWith(head, "GIF89a/*")
        || (!startsWith(head, "%PDF-") && ByteSearch.indexOf(head, Math.min(head.length, 1024), PDF_HEADER) >= 0)) {
      return Rejection.POLYGLOT; // a GIF whose size field opens a JS comment; a PDF behind another header
    }
    if (HTML.contains(type)) {
      return Rejection.HTML;
    }
    return null;
  }

  /** Archives (a bomb when its directory declares absurd sizes) and office files in ZIP form. */
  static Rejection containerRefused(Path file, String type) throws IOException {
    boolean zip = type.equals("application/zip") || type.equals("application/java-archive");
    if (zip || ARCHIVES.contains(type)) {
      return switch (Archives.look(file, type)) {
        case BOMB -> Rejection.BOMB;
        case OFFICE -> Rejection.OFFICE;
        case PLAIN -> Rejection.ARCHIVE;
      };
    }
    return null;
  }

  static boolean isOffice(String type) {
    return type.startsWith("application/x-tika-ooxml") || type.startsWith("application/x-tika-msoffice")
        || type.startsWith("application/vnd.ms-") || type.equals("application/msword")
        || type.startsWith("application/vnd.openxmlformats-officedocument")
        || type.startsWith("application/vnd.oasis.opendocument") || type.equals("application/rtf")
        || type.equals("text/rtf") || type.startsWith("application/x-tika-ooxml-protected");
  }

  static boolean isScript(String type, byte[] head) {
    for (String hint : SCRIPT_HINTS) {
      if (type.contains(hint)) {
        return true;
      }
    }
    if (startsWith(head, "#!")) {
      return true;
    }
    if (!type.equals("text/plain")) {
      return false; // web pages have their own reason
    }
    String text = new String(head, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
    return SCRIPT_MARKERS.stream().anyMatch(text::contains);
  }

  static boolean isExecutable(String type, byte[] head) {
    for (String hint : EXECUTABLE_HINTS) {
      if (type.contains(hint)) {
        return true;
      }
    }
    return startsWith(head, "MZ") || startsWith(head, "\u007fELF")
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
