package org.civicplatform.spi.review;

import java.util.List;
import java.util.Objects;
import org.civicplatform.spi.LocalizedText;

/**
 * A reason a reviewer picks from the tenant's list when rejecting (不通过) or returning (退回) an
 * application; the parent reads its text with the reviewer's free text.
 *
 * @param code stable code stored with the decision
 * @param text what reviewers and parents read
 * @param decisions the decisions it may be given with: {@code REJECT}, {@code RETURN} or both
 * @param needsText whether the reviewer must add free text (e.g. 其他)
 */
public record DecisionReason(String code, LocalizedText text, List<String> decisions, boolean needsText) {

  public DecisionReason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(text, "text");
    decisions = List.copyOf(decisions);
  }

  public static DecisionReason reject(String code, String zh, String en) {
    return new DecisionReason(code, LocalizedText.of(zh, en), List.of("REJECT"), false);
  }

  public static DecisionReason either(String code, String zh, String en) {
    return new DecisionReason(code, LocalizedText.of(zh, en), List.of("REJECT", "RETURN"), false);
  }

  /** 其他: for either decision, with the reviewer's own words required. */
  public static DecisionReason other() {
    return new DecisionReason("OTHER", LocalizedText.of("其他（请填写具体原因）", "Other (explain)"),
        List.of("REJECT", "RETURN"), true);
  }

  public boolean appliesTo(String decision) {
    return decisions.contains(decision);
  }

  /** The reasons every tenant has unless it declares its own. */
  public static List<DecisionReason> defaults() {
    return List.of(
        either("MATERIALS", "材料不全或不清晰", "Documents missing or unreadable"),
        either("MISMATCH", "填报信息与证明材料不符", "The answers do not match the documents"),
        reject("NOT_ELIGIBLE", "不符合入学条件", "Not eligible"),
        reject("DUPLICATE", "重复报名", "Registered twice"),
        other());
  }

  /**
   * What the parent reads for a decision: the chosen reason's text, then the reviewer's own words
   * ("材料不全或不清晰：请上传清晰的房产证"); either alone when the other is missing; null when both are.
   */
  public static LocalizedText explain(List<DecisionReason> reasons, String code, String freeText) {
    String text = freeText == null || freeText.isBlank() ? null : freeText.strip();
    LocalizedText chosen = code == null ? null : reasons.stream().filter(r -> r.code().equals(code)).findFirst()
        .map(DecisionReason::text).orElse(null);
    if (chosen == null) {
      return text == null ? null : LocalizedText.of(text, text);
    }
    return text == null ? chosen : LocalizedText.of(chosen.zh() + "：" + text, chosen.en() + ": " + text);
  }
}
