package org.civicplatform.core.operations;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in text bound for logs: 18-digit ID numbers keep their first and last four
 * characters ({@code 3205**********0139}), mobile numbers their first three and last two, bearer tokens
 * and JWTs disappear entirely.
 */
public final class PersonalDataMasking {

  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
  private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{4})\\d{10}(\\d{3}[\\dXx])(?![0-9A-Za-z])");
  private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{6}(\\d{2})(?!\\d)");

  private PersonalDataMasking() {}

  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String masked = JWT.matcher(text).replaceAll("[token]");
    masked = BEARER.matcher(masked).replaceAll("$1[token]");
    masked = ID_NUMBER.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "**********" + m.group(2)));
    masked = MOBILE.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "******" + m.group(2)));
    return masked;
  }
}
