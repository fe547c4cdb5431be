package org.civicplatform.spi.rules.checks;

import java.util.Locale;
import java.util.ResourceBundle;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.rules.BilingualMessages;
import org.civicplatform.spi.rules.FieldError;

/**
 * The bilingual texts of the shared checks, from {@code messages_zh_CN} and {@code messages_en} next to
 * this class (see {@link BilingualMessages}).
 */
final class CheckMessages {

  static final String BUNDLE = "org.civicplatform.spi.rules.checks.messages";

  private static final BilingualMessages MESSAGES =
      new BilingualMessages(BUNDLE, CheckMessages.class.getClassLoader());

  private CheckMessages() {}

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
