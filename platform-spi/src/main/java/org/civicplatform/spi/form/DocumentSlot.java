package org.civicplatform.spi.form;

import java.util.Set;
import org.civicplatform.spi.LocalizedText;

/**
 * A named place for uploads (e.g. 电子注册备案表). The core detects the real type of every file by its
 * content and refuses what the slot does not allow.
 *
 * @param id stable slot id
 * @param label what the parent is asked to upload
 * @param mediaTypes allowed detected media types (e.g. {@code image/jpeg}, {@code application/pdf})
 * @param maxBytes largest accepted file
 * @param maxFiles how many files the slot holds
 * @param required whether a submission needs at least one file here when the slot applies: the server
 *     refuses a submission without one (a 400 problem naming {@code step.slot}), the browser marks it *
 * @param visibleWhen when the slot applies
 * @param textChecks checks on the text extracted from the file (PDF), may be empty
 */
public record DocumentSlot(
    String id,
    LocalizedText label,
    Set<String> mediaTypes,
    long maxBytes,
    int maxFiles,
    boolean required,
    Condition visibleWhen,
    Set<TextCheck> textChecks) {

  public static final Set<String> IMAGES = Set.of("image/jpeg", "image/png");
  public static final Set<String> PDF = Set.of("application/pdf");
  public static final Set<String> IMAGES_OR_PDF = Set.of("image/jpeg", "image/png", "application/pdf");

  public DocumentSlot {
    mediaTypes = Set.copyOf(mediaTypes);
    textChecks = Set.copyOf(textChecks);
    if (visibleWhen == null) {
      visibleWhen = Condition.always();
    }
  }

  public static DocumentSlot of(
      String id, String zh, String en, Set<String> types, long maxBytes, int maxFiles,
      boolean required) {
    return new DocumentSlot(
        id, LocalizedText.of(zh, en), types, maxBytes, maxFiles, required, null, Set.of());
  }

  public DocumentSlot when(Condition c) {
    return new DocumentSlot(id, label, mediaTypes, maxBytes, maxFiles, required, c, textChecks);
  }

  public DocumentSlot check(TextCheck check) {
    var checks = new java.util.HashSet<>(textChecks);
    checks.add(check);
    return new DocumentSlot(id, label, mediaTypes, maxBytes, maxFiles, required, visibleWhen, checks);
  }
}
