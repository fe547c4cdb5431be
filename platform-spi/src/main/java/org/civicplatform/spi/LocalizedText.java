package org.civicplatform.spi;

import java.util.Locale;
import java.util.Objects;

/**
 * A text a person reads, Chinese first (zh-CN), English second.
 *
 * @param zh the Simplified Chinese text, shown by default
 * @param en the English text
 */
public record LocalizedText(String zh, String en) {

  public LocalizedText {
    Objects.requireNonNull(zh, "zh");
    Objects.requireNonNull(en, "en");
  }

  public static LocalizedText of(String zh, String en) {
    return new LocalizedText(zh, en);
  }

  /** The text for a locale: English for any English locale, Chinese otherwise. */
  public String in(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
  }
}
