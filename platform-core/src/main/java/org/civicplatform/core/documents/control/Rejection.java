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
 * {@code messages}. The invalid field is always {@code file}.
 */
public enum Rejection {
  EMPTY("empty", 400),
  TOO_LARGE("too-large", 413),
  TYPE_NOT_ALLOWED("type-not-allowed", 415),
  EXECUTABLE("executable", 415),
  ARCHIVE("archive", 415),
  SVG("svg", 415),
  POLYGLOT("polyglot", 422),
  ENCRYPTED("encrypted", 422),
  ACTIVE_CONTENT("active-content", 422),
  IMAGE_TOO_LARGE("image-too-large", 422),
  BOMB("bomb", 422),
  MALWARE("malware", 422),
  UNREADABLE("unreadable", 422),
  SLOT_FULL("slot-full", 409),
  SCANNER_UNAVAILABLE("scanner-unavailable", 503);

  public static final String FIELD = "file";
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

  /** The text in both languages, with the slot's rules filled in where the text names them. */
  public LocalizedText text(DocumentSlot slot) {
    return LocalizedText.of(format(Locale.SIMPLIFIED_CHINESE, code, slot),
        format(Locale.ENGLISH, code, slot));
  }

  /** The problem to throw: status, stable type, both languages, field {@code file}. */
  public ProblemException problem(DocumentSlot slot) {
    LocalizedText detail = text(slot);
    String titleKey = this == SLOT_FULL ? "slot-full.title" : "title";
    LocalizedText title = LocalizedText.of(format(Locale.SIMPLIFIED_CHINESE, titleKey, slot),
        format(Locale.ENGLISH, titleKey, slot));
    return new ProblemException(kind(), status, title, detail,
        List.of(new Problem.InvalidField(FIELD, kind(), detail.zh(), detail.en())), null);
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
      super(reason.kind(), reason.status, reason.problem(slot).title(), reason.text(slot),
          reason.problem(slot).errors(), null);
      this.reason = reason;
    }

    public Rejection reason() {
      return reason;
    }
  }
}
