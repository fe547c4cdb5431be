package org.civicplatform.core.documents.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.civicplatform.spi.form.DocumentSlot;

/**
 * Opens a PDF once (PDFBox, the engine of Tika's PDF module) to refuse what a reviewer's viewer could
 * be hurt by, and to extract its text: encrypted files, JavaScript, launch / import / remote or
 * embedded go-to / submit actions, embedded files and file attachments, XFA forms, and streams that
 * inflate to absurd sizes. Plain links (URI actions) are allowed: the 学信网 records carry one.
 */
final class PdfInspector {

  /** What a PDF that passed holds. */
  record Result(int pages, String text) {}

  static final int MAX_OBJECTS = 200_000;
  static final long MAX_INFLATED_TOTAL = 256L * 1024 * 1024;
  static final long MAX_RATIO = 200;
  static final int MAX_TEXT_PAGES = 50;

  private static final Set<String> ACTIVE_ACTIONS =
      Set.of("JavaScript", "Launch", "ImportData", "GoToE", "GoToR", "SubmitForm", "RichMediaExecute",
          "Rendition", "Movie", "Sound", "Hide", "SetOCGState", "GoTo3DView");
  private static final Set<COSName> ACTIVE_KEYS =
      Set.of(COSName.JS, COSName.JAVA_SCRIPT, COSName.getPDFName("EmbeddedFiles"), COSName.EF,
          COSName.getPDFName("XFA"), COSName.getPDFName("RichMediaContent"));
  private static final Set<String> ACTIVE_TYPES = Set.of("EmbeddedFile", "RichMedia");
  private static final Set<String> ACTIVE_SUBTYPES = Set.of("FileAttachment", "RichMedia", "Movie", "Sound", "Screen", "3D");
  private static final Set<COSName> DECODED_FILTERS =
      Set.of(COSName.FLATE_DECODE, COSName.LZW_DECODE, COSName.RUN_LENGTH_DECODE, COSName.ASCII85_DECODE,
          COSName.ASCII_HEX_DECODE);

  private PdfInspector() {}

  static Result inspect(Path file, DocumentSlot slot) throws IOException {
    PDDocument document;
    try {
      document = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()), "", null, null,
          IOUtils.createTempFileOnlyStreamCache());
    } catch (InvalidPasswordException e) {
      throw Rejection.ENCRYPTED.refused(slot);
    } catch (IOException | RuntimeException e) {
      throw Rejection.UNREADABLE.refused(slot);
    }
    try (document) {
      if (document.isEncrypted()) {
        throw Rejection.ENCRYPTED.refused(slot);
      }
      walk(document.getDocument().getTrailer(), slot);
      int pages = document.getNumberOfPages();
      if (pages < 1) {
        throw Rejection.UNREADABLE.refused(slot);
      }
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setEndPage(Math.min(pages, MAX_TEXT_PAGES));
      return new Result(pages, stripper.getText(document));
    } catch (Rejection.Refused e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw Rejection.UNREADABLE.refused(slot);
    }
  }

  /** Visits every object reachable from the trailer once; refuses on the first active part found. */
  private static void walk(COSDictionary trailer, DocumentSlot slot) throws IOException {
    Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<COSBase> todo = new ArrayDeque<>();
    todo.push(trailer);
    long inflated = 0;
    while (!todo.isEmpty()) {
      COSBase next = todo.pop();
      if (next instanceof COSObject reference) {
        next = reference.getObject();
      }
      if (next == null || !seen.add(next)) {
        continue;
      }
      if (seen.size() > MAX_OBJECTS) {
        throw Rejection.BOMB.refused(slot);
      }
      if (next instanceof COSArray array) {
        for (int i = 0; i < array.size(); i++) {
          todo.push(array.get(i));
        }
      } else if (next instanceof COSDictionary dictionary) {
        if (isActive(dictionary)) {
          throw Rejection.ACTIVE_CONTENT.refused(slot);
        }
        if (dictionary instanceof COSStream stream) {
          inflated += inflatedSize(stream, MAX_INFLATED_TOTAL - inflated, slot);
        }
        for (COSBase value : dictionary.getValues()) {
          todo.push(value);
        }
      }
    }
  }

  private static boolean isActive(COSDictionary dictionary) {
    for (COSName key : ACTIVE_KEYS) {
      if (dictionary.containsKey(key)) {
        return true;
      }
    }
    String action = dictionary.getNameAsString(COSName.S);
    String type = dictionary.getNameAsString(COSName.TYPE);
    String subtype = dictionary.getNameAsString(COSName.SUBTYPE);
    return (action != null && ACTIVE_ACTIONS.contains(action))
        || (type != null && ACTIVE_TYPES.contains(type))
        || (subtype != null && ACTIVE_SUBTYPES.contains(subtype) && !dictionary.containsKey(COSName.WIDTH));
  }

  /**
   * Counts what a stream inflates to (only general-purpose filters; image codecs are left to the
   * viewer) and refuses absurd ratios or totals before the text extraction would meet them.
   */
  private static long inflatedSize(COSStream stream, long budget, DocumentSlot slot) throws IOException {
    COSBase filter = stream.getFilters();
    if (filter == null) {
      return 0;
    }
    if (filter instanceof COSName name ? !DECODED_FILTERS.contains(name)
        : filter instanceof COSArray array && !allDecoded(array)) {
      return 0;
    }
    long encoded = Math.max(stream.getLength(), 1);
    long limit = Math.min(budget, encoded * MAX_RATIO + 1024 * 1024);
    long total = 0;
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = stream.createInputStream()) {
      int read;
      while ((read = in.read(buffer)) > 0) {
        total += read;
        if (total > limit) {
          throw Rejection.BOMB.refused(slot);
        }
      }
    } catch (Rejection.Refused e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      return 0; // a broken stream is the viewer's problem, not a bomb
    }
    return total;
  }

  private static boolean allDecoded(COSArray filters) {
    for (int i = 0; i < filters.size(); i++) {
      if (!(filters.getObject(i) instanceof COSName name) || !DECODED_FILTERS.contains(name)) {
        return false;
      }
    }
    return true;
  }
}
