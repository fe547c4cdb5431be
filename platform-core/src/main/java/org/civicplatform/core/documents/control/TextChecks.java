package org.civicplatform.core.documents.control;

import org.civicplatform.spi.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicplatform.spi.form.DocumentSlot;
import org.civicplatform.spi.form.TextCheck;

/**
 * Runs a slot's {@link TextCheck}s on the text extracted from a document. {@code CONTAINS_ANSWER}:
 * the text without spaces must contain the parent's answer without spaces, else the document is
 * flagged for the reviewer (never refused: the reviewer decides); {@code EXTRACT}: the first group of
 * the pattern is kept for the reviewer (e.g. 在线验证码, the online verification code).
 */
public final class TextChecks {

  /** Outcome of one check. */
  public enum Outcome { FOUND, MISSING, NO_ANSWER, NO_TEXT, EXTRACTED, NOT_FOUND }

  /** One check's result as shown to the reviewer. */
  public record Result(String name, TextCheck.Kind kind, Outcome outcome, String value) {
    public boolean flagged() {
      return outcome == Outcome.MISSING;
    }
  }

  private TextChecks() {}

  /**
   * @param text the extracted text, null for images
   * @param answers the parent's answer at a dotted path (e.g. {@code subject.education.certificateNumber}), or null
   */
  public static List<Result> run(DocumentSlot slot, String text, Function<String, String> answers) {
    return slot.textChecks().stream()
        .sorted(Comparator.comparing(TextCheck::name))
        .map(check -> run(check, text, answers))
        .toList();
  }

  static Result run(TextCheck check, String text, Function<String, String> answers) {
    if (text == null) {
      return new Result(check.name(), check.kind(), Outcome.NO_TEXT, null);
    }
    return switch (check.kind()) {
      case CONTAINS_ANSWER -> {
        String answer = answers.apply(check.field());
        if (answer == null || squeeze(answer).isEmpty()) {
          yield new Result(check.name(), check.kind(), Outcome.NO_ANSWER, null);
        }
        boolean found = squeeze(text).toUpperCase().contains(squeeze(answer).toUpperCase());
        yield new Result(check.name(), check.kind(), found ? Outcome.FOUND : Outcome.MISSING, squeeze(answer));
      }
      case EXTRACT -> {
        Matcher m = Pattern.compile(check.pattern()).matcher(text);
        yield m.find() && m.groupCount() >= 1 && m.group(1) != null
            ? new Result(check.name(), check.kind(), Outcome.EXTRACTED, squeeze(m.group(1)))
            : new Result(check.name(), check.kind(), Outcome.NOT_FOUND, null);
      }
    };
  }

  /** Removes every kind of white space, including full-width and no-break spaces. */
  static String squeeze(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(b::appendCodePoint);
    return b.toString();
  }

  /** The results as JSON for the document's {@code checks} column. */
  public static JsonArray toJson(List<Result> results) {
    JsonArrayBuilder array = Jsons.createArrayBuilder();
    for (Result r : results) {
      JsonObjectBuilder o = Jsons.createObjectBuilder().add("name", r.name()).add("kind", r.kind().name())
          .add("outcome", r.outcome().name()).add("flagged", r.flagged());
      if (r.value() != null) {
        o.add("value", r.value());
      }
      array.add(o);
    }
    return array.build();
  }
}
