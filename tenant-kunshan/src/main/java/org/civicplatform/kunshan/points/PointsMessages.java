package org.civicplatform.kunshan.points;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.rules.FieldError;

/**
 * The bilingual texts of the points errors, from {@code messages_zh_CN} and {@code messages_en}
 * next to this class. The message key is the {@link FieldError#code() error code}. Arguments are
 * passed as text so that numbers are never grouped ("2,024").
 */
final class PointsMessages {

  static final String BUNDLE = "org.civicplatform.kunshan.points.messages";

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private PointsMessages() {}

  static FieldError error(String field, String code, Object... arguments) {
    return new FieldError(field, code, text(code, arguments));
  }

  static LocalizedText text(String key, Object... arguments) {
    return LocalizedText.of(
        format(Locale.SIMPLIFIED_CHINESE, key, arguments), format(Locale.ENGLISH, key, arguments));
  }

  static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        BUNDLE, locale, PointsMessages.class.getClassLoader(), NO_FALLBACK);
  }

  private static String format(Locale locale, String key, Object... arguments) {
    String pattern = bundle(locale).getString(key);
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
  }
}
