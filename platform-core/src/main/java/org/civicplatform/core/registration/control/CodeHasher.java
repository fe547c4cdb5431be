package org.civicplatform.core.registration.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes codes and their stored form: HMAC-SHA256 keyed with a pepper from the configuration over
 * {@code phone:purpose:code}, so a copy of the database alone cannot test the million codes.
 */
public final class CodeHasher {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  public CodeHasher(String pepper) {
    if (pepper == null || pepper.length() < 16) {
      throw new IllegalArgumentException("the SMS code pepper must have at least 16 characters");
    }
    this.key = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** A new random code of {@code digits} decimal digits (leading zeros kept). */
  public static String newCode(int digits) {
    StringBuilder code = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      code.append((char) ('0' + RANDOM.nextInt(10)));
    }
    return code.toString();
  }

  /** The stored form of a code: 64 hex characters. */
  public String hash(String phone, String purpose, String code) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal((phone + ":" + purpose + ":" + code).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
