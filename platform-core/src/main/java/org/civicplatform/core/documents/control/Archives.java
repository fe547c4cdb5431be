package org.civicplatform.core.documents.control;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A look at an archive without unpacking it, to say why it is refused: what a ZIP's central directory
 * declares (entry names and sizes) and what a gzip trailer declares. Nothing is inflated.
 */
final class Archives {

  /** What an archive is, for the refusal's reason. */
  enum Kind {
    /** Declares absurd sizes or counts: a zip or gzip bomb. */
    BOMB,
    /** A Word / Excel / PowerPoint (OOXML, with or without macros) or OpenDocument file. */
    OFFICE,
    /** Any other archive. */
    PLAIN
  }

  static final long MAX_DECLARED = 1L << 30;
  static final long MAX_RATIO = 100;
  static final long RATIO_FLOOR = 32L << 20;
  static final int MAX_ENTRIES = 10_000;

  private Archives() {}

  static Kind look(Path file, String type) throws IOException {
    long size = java.nio.file.Files.size(file);
    if (type.equals("application/gzip") || type.equals("application/x-gzip")) {
      return bomb(gzipDeclared(file), size) ? Kind.BOMB : Kind.PLAIN;
    }
    if (!type.equals("application/zip") && !type.equals("application/java-archive")) {
      return Kind.PLAIN;
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      long declared = 0;
      int entries = 0;
      boolean office = false;
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        entries++;
        declared += Math.max(entry.getSize(), 0);
        String name = entry.getName();
        office |= name.equals("[Content_Types].xml") || name.endsWith("vbaProject.bin")
            || name.equals("mimetype") && zip.getEntry("content.xml") != null;
        if (entries > MAX_ENTRIES || declared > MAX_DECLARED) {
          return Kind.BOMB;
        }
      }
      if (bomb(declared, size)) {
        return Kind.BOMB;
      }
      return office ? Kind.OFFICE : Kind.PLAIN;
    } catch (IOException | RuntimeException e) {
      return Kind.PLAIN; // a ZIP its reader cannot open is refused as an archive all the same
    }
  }

  private static boolean bomb(long declared, long size) {
    return declared > MAX_DECLARED || (declared > RATIO_FLOOR && declared / Math.max(size, 1) > MAX_RATIO);
  }

  /** The uncompressed size a gzip member declares in its last four bytes (modulo 4 GiB). */
  private static long gzipDeclared(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      if (raf.length() < 18) {
        return 0;
      }
      raf.seek(raf.length() - 4);
      byte[] b = new byte[4];
      raf.readFully(b);
      return (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
    }
  }
}
