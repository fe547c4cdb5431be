package org.civicplatform.spi.rules;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.civicplatform.spi.LocalizedText;

/**
 * Bilingual texts from a pair of resource bundles ({@code <name>_zh_CN.properties} and {@code
 * <name>_en.properties}), so user-visible text never lives in Java strings. A message key doubles as
 * the {@link FieldError#code() error code}. No fallback between languages: a missing key fails loudly
 * in tests instead of showing the wrong language.
 */
public final class BilingualMessages {

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final String bundle;
  private final ClassLoader loader;

  /**
   * @param bundle base name, e.g. {@code org.civicplatform.kunshan.points.messages}
   * @param loader the class loader that sees the bundle (the owning module's)
   */
  public BilingualMessages(String bundle, ClassLoader loader) {
    this.bundle = bundle;
    this.loader = loader;
  }

  /** The error for {@code field} whose code and message key is {@code code}. */
  public FieldError error(String field, String code, Object... arguments) {
    return new FieldError(field, code, text(code, arguments));
  }

  /** The zh-CN and English texts of one key, with {@link MessageFormat} arguments filled in. */
  public LocalizedText text(String key, Object... arguments) {
    return LocalizedText.of(
        format(Locale.SIMPLIFIED_CHINESE, key, arguments), format(Locale.ENGLISH, key, arguments));
  }

  public ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(bundle, locale, loader, NO_FALLBACK);
  }

  private String format(Locale locale, String key, Object... arguments) {
    String pattern = bundle(locale).getString(key);
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
  }
}
