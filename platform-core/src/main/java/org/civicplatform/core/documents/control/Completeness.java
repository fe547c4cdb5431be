package org.civicplatform.core.documents.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a file was cut off before its end (an interrupted download or transfer): a PDF without
 * {@code %%EOF} near its end, a JPEG without an end-of-image marker after its image data, a PNG
 * without its {@code IEND} chunk. Readers often show such files half-drawn, so they are refused with
 * their own reason instead of being stored as damaged pictures.
 */
final class Completeness {

  static final int PDF_TAIL = 4096;
  static final int PNG_TAIL = 64 * 1024;

  private Completeness() {}

  static boolean truncated(Path file, String type) throws IOException {
    return switch (type) {
      case "application/pdf" -> !tailHolds(file, PDF_TAIL, "%%EOF");
      case "image/png" -> !tailHolds(file, PNG_TAIL, "IEND");
      case "image/jpeg" -> jpegTruncated(file);
      default -> false;
    };
  }

  private static boolean tailHolds(Path file, int tail, String marker) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      int n = (int) Math.min(raf.length(), tail);
      byte[] end = new byte[n];
      raf.seek(raf.length() - n);
      raf.readFully(end);
      return ByteSearch.indexOf(end, n, ByteSearch.Needle.ascii(marker, marker, false)) >= 0;
    }
  }

  /**
   * Walks the JPEG's segments to the first start-of-scan; the image is complete when an EOI marker
   * (FF D9) follows it. Entropy-coded data never holds FF D9 (an FF there is followed by 00 or a
   * restart marker), so an EXIF thumbnail's EOI, which sits before the scan, does not count. A file
   * whose segments cannot be walked is left to the decoder (refused as unreadable there).
   */
  private static boolean jpegTruncated(Path file) throws IOException {
    long size = Files.size(file);
    long scan = -1;
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
      in.skipNBytes(2);
      long at = 2;
      while (scan < 0) {
        int b = in.read();
        at++;
        if (b < 0) {
          return true;
        }
        if (b != 0xFF) {
          return false;
        }
        int marker;
        do {
          marker = in.read();
          at++;
        } while (marker == 0xFF);
        if (marker < 0) {
          return true;
        }
        if (marker == 0xDA) {
          scan = at;
        } else if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
          continue;
        } else if (marker == 0xD9) {
          return false;
        } else {
          int hi = in.read();
          int lo = in.read();
          if (lo < 0) {
            return true;
          }
          int length = (hi << 8) | lo;
          if (length < 2) {
            return false;
          }
          in.skipNBytes(length - 2);
          at += length;
        }
      }
    } catch (java.io.EOFException e) {
      return true; // cut off inside the headers
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      byte[] buffer = new byte[64 * 1024];
      long end = size;
      while (end > scan) {
        long start = Math.max(scan, end - buffer.length);
        int n = (int) (end - start);
        raf.seek(start);
        raf.readFully(buffer, 0, n);
        for (int i = n - 1; i > 0; i--) {
          if (buffer[i] == (byte) 0xD9 && buffer[i - 1] == (byte) 0xFF) {
            return false;
          }
        }
        if (start == scan) {
          return true;
        }
        end = start + 1; // overlap one byte so a marker across two reads is found
      }
      return true;
    }
  }
}
