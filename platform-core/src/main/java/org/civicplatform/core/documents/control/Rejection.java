package org.civicplatform.core.documents.control;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.civicplatform.core.problems.Problem;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.form.DocumentSlot;

/**
 * Why an uploaded file is refused: each reason has a stable problem type ({@code
 * urn:civic:problem:document-<code>}), an HTTP status and a zh-CN/English text from the bundle
 * {@code messages} that starts with the slot's label (「学历证书（图片）」：…). The invalid field is
 * {@code file}, or {@code slot} when the slot itself does not exist.
 */
public enum Rejection {
  EMPTY("empty", 400),
  FILE_NAME("file-name", 400),
  TRUNCATED("truncated", 422),
  TOO_LARGE("too-large", 413),
  TYPE_NOT_ALLOWED("type-not-allowed", 415),
  EXECUTABLE("executable", 415),
  SCRIPT("script", 415),
  ARCHIVE("archive", 415),
  OFFICE("office", 415),
  SVG("svg", 415),
  HTML("html", 415),
  POLYGLOT("polyglot", 422),
  ENCRYPTED("encrypted", 422),
  PDF_JAVASCRIPT("pdf-javascript", 422),
  PDF_LAUNCH("pdf-launch", 422),
  PDF_EMBEDDED_FILE("pdf-embedded-file", 422),
  PDF_XFA("pdf-xfa", 422),
  ACTIVE_CONTENT("active-content", 422),
  IMAGE_TOO_LARGE("image-too-large", 422),
  BOMB("bomb", 422),
  MALWARE("malware", 422),
  UNREADABLE("unreadable", 422),
  SLOT_UNKNOWN("slot-unknown", 404),
  SLOT_FULL("slot-full", 409),
  SCANNER_UNAVAILABLE("scanner-unavailable", 503);

  public static final String FIELD = "file";
  public static final String SLOT_FIELD = "slot";
  private static final String BUNDLE = "org.civicplatform.core.documents.control.messages";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final String code;
  private final int status;

  Rejection(String code, int status) {
    this.code = code;
    this.status = status;
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  /** The problem type's last segment, e.g. {@code document-polyglot}. */
  public String kind() {
    return "document-" + code;
  }

  /** The field the problem names: {@code slot} for a slot that does not exist, else {@code file}. */
  public String field() {
    return this == SLOT_UNKNOWN ? SLOT_FIELD : FIELD;
  }

  /**
   * The text in both languages, led by the slot's label (「备案表」：… / "Record: …") and with the
   * slot's rules filled in where the text names them.
   */
  public LocalizedText text(DocumentSlot slot) {
    String zh = format(Locale.SIMPLIFIED_CHINESE, code, slot);
    String en = format(Locale.ENGLISH, code, slot);
    if (slot == null) {
      return LocalizedText.of(zh, en);
    }
    return LocalizedText.of("「" + slot.label().zh() + "」：" + zh, slot.label().en() + ": " + en);
  }

  /** The problem to throw: status, stable type, both languages, the field ({@link #field()}). */
  public ProblemException problem(DocumentSlot slot) {
    LocalizedText detail = text(slot);
    String titleKey = switch (this) {
      case SLOT_FULL -> "slot-full.title";
      case SLOT_UNKNOWN -> "slot-unknown.title";
      default -> "title";
    };
    LocalizedText title = LocalizedText.of(format(Locale.SIMPLIFIED_CHINESE, titleKey, slot),
        format(Locale.ENGLISH, titleKey, slot));
    return new ProblemException(kind(), status, title, detail,
        List.of(new Problem.InvalidField(field(), kind(), detail.zh(), detail.en())), null);
  }

  /** Thrown by the pipeline; carries the reason so callers and tests can tell them apart. */
  public Refused refused(DocumentSlot slot) {
    return new Refused(this, slot);
  }

  private static String format(Locale locale, String key, DocumentSlot slot) {
    String pattern = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK).getString(key);
    String types = slot == null ? "" : describe(slot, locale);
    String size = slot == null ? "" : (slot.maxBytes() / (1024 * 1024)) + " MB";
    String files = slot == null ? "" : String.valueOf(slot.maxFiles());
    return new MessageFormat(pattern, locale).format(new Object[] {types, size, files});
  }

  static String describe(DocumentSlot slot, Locale locale) {
    boolean zh = !"en".equals(locale.getLanguage());
    return String.join(zh ? "、" : ", ", slot.mediaTypes().stream().sorted().map(t -> switch (t) {
      case "image/jpeg" -> zh ? "JPG 图片" : "JPG images";
      case "image/png" -> zh ? "PNG 图片" : "PNG images";
      case "application/pdf" -> "PDF";
      default -> t;
    }).toList());
  }

  /** A refusal as an exception: becomes the problem document of its reason. */
  public static final class Refused extends ProblemException {
    private final Rejection reason;

    Refused(Rejection reason, DocumentSlot slot) {
      this(reason, reason.problem(slot));
    }

    private Refused(Rejection reason, ProblemException problem) {
      super(problem.kind(), problem.status(), problem.title(), problem.detail(), problem.errors(), null);
      this.reason = reason;
    }

    public Rejection reason() {
      return reason;
    }
  }
}
