package org.civicplatform.spi.rules.checks;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.rules.FieldError;

/**
 * The bilingual texts of the shared checks, read from {@code messages_zh_CN} and {@code
 * messages_en} next to this class. The message key is also the {@link FieldError#code() error
 * code}.
 */
final class CheckMessages {

  static final String BUNDLE = "org.civicplatform.spi.rules.checks.messages";

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private CheckMessages() {}

  /** The error for {@code field} whose code and message key is {@code code}. */
  static FieldError error(String field, String code, Object... arguments) {
    return new FieldError(field, code, text(code, arguments));
  }

  /** The zh-CN and English texts of one key, with {@link MessageFormat} arguments filled in. */
  static LocalizedText text(String key, Object... arguments) {
    return LocalizedText.of(
        format(Locale.SIMPLIFIED_CHINESE, key, arguments), format(Locale.ENGLISH, key, arguments));
  }

  static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        BUNDLE, locale, CheckMessages.class.getClassLoader(), NO_FALLBACK);
  }

  private static String format(Locale locale, String key, Object... arguments) {
    String pattern = bundle(locale).getString(key);
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
  }
}
