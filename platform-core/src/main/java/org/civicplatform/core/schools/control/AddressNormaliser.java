package org.civicplatform.core.schools.control;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings an address (房屋坐落) and a zone pattern to one comparable form: full-width characters to
 * half-width (NFKC), every kind of space removed, the province/city prefixes (江苏省 苏州市 昆山市, with or
 * without 省/市, in any order) dropped, traditional 號 and the building words 栋/棟/号楼 written 幢, a
 * trailing 室 dropped, dashes unified and Latin letters in lower case.
 */
public final class AddressNormaliser {

  private static final List<String> PREFIXES =
      List.of("中华人民共和国", "中国", "江苏省", "江苏", "苏州市", "苏州", "昆山市", "昆山");

  private static final Pattern SPACES = Pattern.compile("[\\s\\u3000\\u00a0\\u200b]+");
  private static final Pattern DASHES = Pattern.compile("[‐‑‒–—―－~～]");
  private static final Pattern ROOM = Pattern.compile("(\\d+)室+");

  private AddressNormaliser() {}

  public static String normalise(String address) {
    if (address == null) {
      return "";
    }
    String s = Normalizer.normalize(address, Normalizer.Form.NFKC);
    s = SPACES.matcher(s).replaceAll("");
    s = s.replace('號', '号').replace('樓', '楼').replace('棟', '栋');
    s = DASHES.matcher(s).replaceAll("-");
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (String prefix : PREFIXES) {
        if (s.startsWith(prefix) && s.length() > prefix.length()) {
          s = s.substring(prefix.length());
          stripped = true;
        }
      }
    }
    s = s.replace("号楼", "幢").replace("栋", "幢");
    s = ROOM.matcher(s).replaceAll("$1");
    return s.toLowerCase(Locale.ROOT);
  }
}
