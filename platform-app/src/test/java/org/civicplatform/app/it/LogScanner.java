package org.civicplatform.app.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in log text: 18-character mainland ID numbers (a birth date in the middle), 11-digit
 * mobile numbers, bearer tokens and JWTs, and SMS codes (a 4–8 digit number next to 验证码 or a
 * {@code code} key). The masked forms the platform writes ({@code 3205**********0139},
 * {@code 138******01}, {@code [token]}) are not hits. A hit reports the kind and the line with the
 * finding masked, never the finding itself.
 */
final class LogScanner {

  enum Kind { ID_NUMBER, MOBILE, BEARER_TOKEN, SMS_CODE }

  record Hit(Path file, int line, Kind kind, String excerpt) {
    @Override
    public String toString() {
      return file + ":" + line + " " + kind + " :: " + excerpt;
    }
  }

  private record Rule(Kind kind, Pattern pattern) {}

  private static final String NOT_ALNUM_BEFORE = "(?<![0-9A-Za-z])";
  private static final String NOT_ALNUM_AFTER = "(?![0-9A-Za-z])";

  private static final List<Rule> RULES = List.of(
      new Rule(Kind.ID_NUMBER, Pattern.compile(NOT_ALNUM_BEFORE
          + "[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]" + NOT_ALNUM_AFTER)),
      new Rule(Kind.MOBILE, Pattern.compile(NOT_ALNUM_BEFORE + "1[3-9]\\d{9}" + NOT_ALNUM_AFTER)),
      new Rule(Kind.BEARER_TOKEN, Pattern.compile("(?i)bearer\\s+(?!\\[token\\])[A-Za-z0-9._~+/=-]{8,}")),
      new Rule(Kind.BEARER_TOKEN, Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*")),
      new Rule(Kind.SMS_CODE, Pattern.compile("验证码\\D{0,6}?\\d{4,8}(?!\\d)")),
      new Rule(Kind.SMS_CODE, Pattern.compile(
          "(?i)(?<![A-Za-z])(?:sms[_-]?code|confirmation[_-]?code|code)[\"']?\\s*[:=]\\s*[\"']?\\d{4,8}(?!\\d)")));

  private LogScanner() {}

  /** The kinds of personal data in one line (empty when clean). */
  static List<Kind> find(String line) {
    List<Kind> kinds = new ArrayList<>();
    for (Rule rule : RULES) {
      if (rule.pattern().matcher(line).find() && !kinds.contains(rule.kind())) {
        kinds.add(rule.kind());
      }
    }
    return kinds;
  }

  /** The line with every finding replaced by its kind, for a report that itself leaks nothing. */
  static String masked(String line) {
    String out = line;
    for (Rule rule : RULES) {
      out = rule.pattern().matcher(out).replaceAll(Matcher.quoteReplacement("<" + rule.kind() + ">"));
    }
    return out.length() > 300 ? out.substring(0, 300) + "…" : out;
  }

  /** Every hit in these files (read as UTF-8, undecodable bytes replaced). */
  static List<Hit> scan(Collection<Path> files) throws IOException {
    List<Hit> hits = new ArrayList<>();
    for (Path file : files) {
      var decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
      try (BufferedReader reader = new BufferedReader(
          new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
          number++;
          for (Kind kind : find(line)) {
            hits.add(new Hit(file, number, kind, masked(line)));
          }
        }
      }
    }
    return hits;
  }
}
