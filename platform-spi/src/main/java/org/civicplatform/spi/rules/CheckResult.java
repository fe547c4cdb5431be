package org.civicplatform.spi.rules;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Objects;
import org.civicplatform.spi.LocalizedText;

/**
 * The result of one automatic check of a submitted application (e.g. {@code identity}, {@code guardians},
 * {@code property}).
 *
 * @param item the checked item, one of the automatic stage's items
 * @param outcome 通过 / 异常 / 待审核
 * @param detail what was found (for an anomaly: what differs), or null
 * @param fields the answer paths concerned (what the parent should fix), possibly empty
 * @param data what the registry answered, as the tenant shows it to parents and reviewers and feeds it
 *     to its points (e.g. Kunshan's 社保对接结果 months per type, 房产对接结果 registration date and
 *     address); empty when there is nothing structured
 */
public record CheckResult(
    String item, Outcome outcome, LocalizedText detail, java.util.List<String> fields, JsonObject data) {

  public CheckResult {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(outcome, "outcome");
    fields = fields == null ? java.util.List.of() : java.util.List.copyOf(fields);
    data = data == null ? JsonValue.EMPTY_JSON_OBJECT : data;
  }

  public CheckResult(String item, Outcome outcome, LocalizedText detail, java.util.List<String> fields) {
    this(item, outcome, detail, fields, null);
  }

  /** This result with the registry's answer attached. */
  public CheckResult withData(JsonObject answer) {
    return new CheckResult(item, outcome, detail, fields, answer);
  }

  /** How a check ended. */
  public enum Outcome {
    /** 通过 */
    PASSED("通过", "Passed"),
    /** 异常: the registry disagrees with the answers. */
    ANOMALY("异常", "Anomaly"),
    /** 待审核: a person decides (rentals, untitled homes). */
    PENDING_REVIEW("待审核", "Awaiting manual review");

    private final LocalizedText label;

    Outcome(String zh, String en) {
      this.label = LocalizedText.of(zh, en);
    }

    public LocalizedText label() {
      return label;
    }
  }

  public static CheckResult passed(String item, String zh, String en) {
    return new CheckResult(item, Outcome.PASSED, LocalizedText.of(zh, en), null);
  }

  public static CheckResult anomaly(String item, String zh, String en, String... fields) {
    return new CheckResult(item, Outcome.ANOMALY, LocalizedText.of(zh, en), java.util.List.of(fields));
  }

  public static CheckResult pending(String item, String zh, String en) {
    return new CheckResult(item, Outcome.PENDING_REVIEW, LocalizedText.of(zh, en), null);
  }
}
