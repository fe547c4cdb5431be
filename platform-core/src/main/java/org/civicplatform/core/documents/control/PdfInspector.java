package org.civicplatform.core.documents.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
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
 * be hurt by, and to extract its text: encrypted files (any {@code /Encrypt} key, whether or not PDFBox
 * can use it), JavaScript, launch actions, embedded files and file attachments, XFA forms (each with its
 * own reason), other actions (import / remote or embedded go-to / submit / multimedia), and streams
 * that inflate to absurd sizes. Plain links (URI actions) are allowed: the 学信网 records carry one.
 */
final class PdfInspector {

  /** What a PDF that passed holds. */
  record Result(int pages, String text) {}

  static final int MAX_OBJECTS = 200_000;
  static final long MAX_INFLATED_TOTAL = 256L * 1024 * 1024;
  static final long MAX_RATIO = 200;
  static final int MAX_TEXT_PAGES = 50;

  /** Actions other than JavaScript and Launch (which have their own reasons) that act on their own. */
  private static final Set<String> ACTIVE_ACTIONS =
      Set.of("ImportData", "GoToE", "GoToR", "SubmitForm", "RichMediaExecute", "Rendition", "Movie", "Sound",
          "Hide", "SetOCGState", "GoTo3DView");
  private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
  private static final COSName XFA = COSName.getPDFName("XFA");
  private static final COSName RICH_MEDIA_CONTENT = COSName.getPDFName("RichMediaContent");
  private static final Set<String> ACTIVE_TYPES = Set.of("RichMedia");
  private static final Set<String> ACTIVE_SUBTYPES = Set.of("RichMedia", "Movie", "Sound", "Screen", "3D");
  /**
   * The trailer key {@code /Encrypt} as a whole PDF name (followed by a delimiter, so not
   * {@code /EncryptMetadata}); the encryption dictionary is never inside an object stream, so the key
   * is always in the file's own bytes.
   */
  private static final List<ByteSearch.Needle> ENCRYPT_KEY =
      " \n\r\t\f\0<[(/%".chars().mapToObj(c -> ByteSearch.Needle.ascii("encrypt", "/Encrypt" + (char) c, false))
          .toList();
  private static final Set<COSName> DECODED_FILTERS =
      Set.of(COSName.FLATE_DECODE, COSName.LZW_DECODE, COSName.RUN_LENGTH_DECODE, COSName.ASCII85_DECODE,
          COSName.ASCII_HEX_DECODE);

  private PdfInspector() {}

  static Result inspect(Path file, DocumentSlot slot) throws IOException {
    boolean encryptKey = !ByteSearch.find(file, ENCRYPT_KEY).isEmpty();
    PDDocument document;
    try {
      document = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()), "", null, null,
          IOUtils.createTempFileOnlyStreamCache());
    } catch (InvalidPasswordException e) {
      throw Rejection.ENCRYPTED.refused(slot);
    } catch (IOException | RuntimeException e) {
      // a security handler PDFBox does not know (certificates, a vendor's) fails the load: still encrypted
      throw (encryptKey ? Rejection.ENCRYPTED : Rejection.UNREADABLE).refused(slot);
    }
    try (document) {
      if (document.isEncrypted() || encryptKey || namesEncryption(document.getDocument().getTrailer())) {
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

  /**
   * Whether the PDF names an encryption dictionary anywhere PDFBox may have set aside: PDFBox calls a
   * document encrypted only when {@code /Encrypt} resolves to a dictionary, yet a viewer refuses or
   * misreads one whose trailer names it with a reference to a missing object, {@code null} or a name
   * (reviewers then cannot open it).
   */
  private static boolean namesEncryption(COSDictionary trailer) {
    return trailer != null && trailer.containsKey(COSName.ENCRYPT);
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
        Rejection active = active(dictionary);
        if (active != null) {
          throw active.refused(slot);
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

  /** The refusal an active part calls for (scripts, launch, attachments, XFA, other actions), or null. */
  static Rejection active(COSDictionary dictionary) {
    String action = dictionary.getNameAsString(COSName.S);
    String type = dictionary.getNameAsString(COSName.TYPE);
    String subtype = dictionary.getNameAsString(COSName.SUBTYPE);
    if (dictionary.containsKey(COSName.JS) || dictionary.containsKey(COSName.JAVA_SCRIPT)
        || "JavaScript".equals(action)) {
      return Rejection.PDF_JAVASCRIPT;
    }
    if ("Launch".equals(action)) {
      return Rejection.PDF_LAUNCH;
    }
    if (dictionary.containsKey(EMBEDDED_FILES) || dictionary.containsKey(COSName.EF)
        || "EmbeddedFile".equals(type) || "FileAttachment".equals(subtype)) {
      return Rejection.PDF_EMBEDDED_FILE;
    }
    if (dictionary.containsKey(XFA)) {
      return Rejection.PDF_XFA;
    }
    boolean other = dictionary.containsKey(RICH_MEDIA_CONTENT)
        || (action != null && ACTIVE_ACTIONS.contains(action))
        || (type != null && ACTIVE_TYPES.contains(type))
        || (subtype != null && ACTIVE_SUBTYPES.contains(subtype) && !dictionary.containsKey(COSName.WIDTH));
    return other ? Rejection.ACTIVE_CONTENT : null;
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
