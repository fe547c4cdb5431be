package org.civicplatform.kunshan.points;

import java.util.Locale;
import java.util.ResourceBundle;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.rules.BilingualMessages;
import org.civicplatform.spi.rules.FieldError;

/**
 * The bilingual texts of the points errors, from {@code messages_zh_CN} and {@code messages_en} next to
 * this class (see {@link BilingualMessages}). Arguments are passed as text so that numbers are never grouped ("2,024").
 */
final class PointsMessages {

  static final String BUNDLE = "org.civicplatform.kunshan.points.messages";

  private static final BilingualMessages MESSAGES =
      new BilingualMessages(BUNDLE, PointsMessages.class.getClassLoader());

  private PointsMessages() {}

  static FieldError error(String field, String code, Object... arguments) {
    return MESSAGES.error(field, code, arguments);
  }

  static LocalizedText text(String key, Object... arguments) {
    return MESSAGES.text(key, arguments);
  }

  static ResourceBundle bundle(Locale locale) {
    return MESSAGES.bundle(locale);
  }
}
