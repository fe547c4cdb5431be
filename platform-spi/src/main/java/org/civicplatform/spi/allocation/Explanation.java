package org.civicplatform.spi.allocation;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import org.civicplatform.spi.LocalizedText;

/**
 * Why an applicant got an outcome in a phase (录取说明): the rule that decided, in words with the numbers
 * filled in, and the positions it compared. Everything needed to check the decision by hand from the
 * published bundle.
 *
 * @param rule stable rule code, e.g. {@code KUNSHAN_PUBLIC_INSIDE_LINE_SCHOOL_FULL}
 * @param text the decision in words (zh-CN and en), numbers filled in
 * @param candidates how many took part in the ranking or draw that decided; 0 when none was needed
 * @param standing the applicant's position in that ranking, or null when none was needed
 * @param lastAdmitted the school's last admitted position in that ranking, or null
 * @param districtLine the district line (区镇准入线) when one decided, or null
 */
public record Explanation(
    String rule,
    LocalizedText text,
    int candidates,
    Standing standing,
    Standing lastAdmitted,
    Standing districtLine) {

  public Explanation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(text, "text");
    if (candidates < 0) {
      throw new IllegalArgumentException("candidates must be >= 0");
    }
  }

  /** A decision that needed no ranking. */
  public static Explanation of(String rule, LocalizedText text) {
    return new Explanation(rule, text, 0, null, null, null);
  }

  /** A decision taken at a position of a ranking of {@code candidates} applicants. */
  public static Explanation ranked(String rule, LocalizedText text, int candidates, Standing standing) {
    return new Explanation(rule, text, candidates, standing, null, null);
  }

  public Explanation withLastAdmitted(Standing last) {
    return new Explanation(rule, text, candidates, standing, last, districtLine);
  }

  public Explanation withDistrictLine(Standing line) {
    return new Explanation(rule, text, candidates, standing, lastAdmitted, line);
  }

  /**
   * The words of a decision in both languages: {@link String#format} patterns filled with the same
   * arguments (locale-independent), where a {@link LocalizedText} argument gives its Chinese text to
   * the Chinese pattern and its English text to the English one.
   */
  public static LocalizedText say(String zh, String en, Object... args) {
    Object[] zhArgs = new Object[args.length];
    Object[] enArgs = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      boolean localized = args[i] instanceof LocalizedText;
      zhArgs[i] = localized ? ((LocalizedText) args[i]).zh() : args[i];
      enArgs[i] = localized ? ((LocalizedText) args[i]).en() : args[i];
    }
    return LocalizedText.of(fill(zh, zhArgs), fill(en, enArgs));
  }

  /**
   * {@code String.format(Locale.ROOT, pattern, args)} for patterns using only {@code %s}, {@code %d}
   * and {@code %%} — a fast path, since a run writes a few hundred thousand explanations. Such a pattern
   * must use every argument: an unused one is a caller's mistake (a word meant for the other language).
   */
  static String fill(String pattern, Object... args) {
    StringBuilder out = new StringBuilder(pattern.length() + 16 * args.length);
    int next = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      char kind = i + 1 < pattern.length() ? pattern.charAt(i + 1) : 0;
      if (kind == '%') {
        out.append('%');
      } else if ((kind == 's' || kind == 'd') && next < args.length
          && (kind == 's' || args[next] instanceof Integer || args[next] instanceof Long)) {
        out.append(args[next++]);
      } else {
        return String.format(Locale.ROOT, pattern, args);
      }
      i++;
    }
    if (next != args.length) {
      throw new IllegalArgumentException("the pattern uses " + next + " of its " + args.length + " arguments: "
          + pattern);
    }
    return out.toString();
  }

  /** The applicant's lottery key when the lottery decided their position. */
  public Optional<String> lotteryKey() {
    return standing == null ? Optional.empty() : Optional.ofNullable(standing.lotteryKey());
  }

  SortedMap<String, Object> canonicalForm() {
    SortedMap<String, Object> object = CanonicalJson.object();
    object.put("rule", rule);
    SortedMap<String, Object> words = CanonicalJson.object();
    words.put("zh", text.zh());
    words.put("en", text.en());
    object.put("text", words);
    if (candidates > 0) {
      object.put("candidates", candidates);
    }
    object.put("standing", standing == null ? null : standing.canonicalForm());
    object.put("lastAdmitted", lastAdmitted == null ? null : lastAdmitted.canonicalForm());
    object.put("districtLine", districtLine == null ? null : districtLine.canonicalForm());
    return object;
  }
}
