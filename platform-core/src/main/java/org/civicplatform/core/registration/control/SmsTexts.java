package org.civicplatform.core.registration.control;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The texts of the registration messages, from {@code sms.properties}. */
public final class SmsTexts {

  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle("org.civicplatform.core.registration.control.sms", Locale.ROOT);

  private SmsTexts() {}

  public static String text(String key, Object... arguments) {
    return new MessageFormat(BUNDLE.getString(key), Locale.SIMPLIFIED_CHINESE).format(arguments);
  }
}
