package org.civicplatform.core.registration.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicplatform.spi.LocalizedText;

/**
 * One abuse limit: at most {@code count} events within a rolling {@code window} (e.g. one SMS code per
 * 60 s, twenty per hour). Written in configuration as {@code <count>/<window>} with the window in
 * seconds, minutes or hours ({@code 1/60s}, {@code 20/1h}); several limits are comma-separated and all hold.
 *
 * @param count events allowed within the window (at least 1)
 * @param window the rolling window (at least 1 s)
 */
public record Limit(int count, Duration window) {

  private static final Pattern ONE = Pattern.compile("(\\d{1,9})\\s*/\\s*(\\d{1,7})\\s*([smh])");

  public Limit {
    if (count < 1 || window == null || window.toSeconds() < 1) {
      throw new IllegalArgumentException("a limit needs a count >= 1 and a window >= 1 s");
    }
  }

  /**
   * Parses {@code spec} (e.g. {@code "1/60s,10/24h"}); a malformed value fails with a message naming
   * {@code key}, so a wrong setting stops the deployment instead of switching a limit off.
   */
  public static List<Limit> parse(String key, String spec) {
    List<Limit> limits = new ArrayList<>();
    for (String part : (spec == null ? "" : spec).split(",", -1)) {
      Matcher m = ONE.matcher(part.strip().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new IllegalArgumentException(
            key + " = \"" + spec + "\": expected <count>/<window> such as 1/60s, 20/1h or 100/24h (comma-separated)");
      }
      long amount = Long.parseLong(m.group(2));
      Duration window = switch (m.group(3)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
      try {
        limits.add(new Limit(Integer.parseInt(m.group(1)), window));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(key + " = \"" + spec + "\": " + e.getMessage(), e);
      }
    }
    return List.copyOf(limits);
  }

  /** The longest window of {@code limits}: events older than this count for none of them. */
  public static Duration longest(List<Limit> limits) {
    return limits.stream().map(Limit::window).max(Duration::compareTo).orElse(Duration.ZERO);
  }

  /** The limits as a person reads them: 每60秒最多1次、每24小时最多10次 / at most 1 per 60 s, 10 per 24 h. */
  public static LocalizedText describe(List<Limit> limits) {
    List<String> zh = new ArrayList<>();
    List<String> en = new ArrayList<>();
    for (Limit limit : limits) {
      zh.add("每" + zhWindow(limit.window()) + "最多" + limit.count() + "次");
      en.add(limit.count() + " per " + enWindow(limit.window()));
    }
    return LocalizedText.of(String.join("、", zh), "at most " + String.join(", ", en));
  }

  /** A wait in whole seconds as a person reads it: 45秒, 约15分钟, 约14小时 / 45 s, about 15 min, about 14 h. */
  public static LocalizedText describeWait(long seconds) {
    if (seconds <= 120) {
      return LocalizedText.of(seconds + "秒", seconds + " s");
    }
    if (seconds <= 2 * 3600) {
      long minutes = (seconds + 59) / 60;
      return LocalizedText.of("约" + minutes + "分钟", "about " + minutes + " min");
    }
    long hours = (seconds + 3599) / 3600;
    return LocalizedText.of("约" + hours + "小时", "about " + hours + " h");
  }

  private static String zhWindow(Duration window) {
    long s = window.toSeconds();
    if (s % 3600 == 0) {
      return s / 3600 + "小时";
    }
    return s % 60 == 0 && s >= 600 ? s / 60 + "分钟" : s + "秒";
  }

  private static String enWindow(Duration window) {
    long s = window.toSeconds();
    if (s % 3600 == 0) {
      return s / 3600 + " h";
    }
    return s % 60 == 0 && s >= 600 ? s / 60 + " min" : s + " s";
  }
}
