package org.civicplatform.spi.review;

import java.util.List;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.form.Condition;

/**
 * One review stage (e.g. 窗口初审, 不动产登记部门审核).
 *
 * @param id stable id
 * @param name label for reviewers and the parent's progress chain
 * @param scope who works it
 * @param scopeValue the department code for DEPARTMENT; for SCHOOL the answer path holding the school
 *     code (e.g. {@code choices.choices.private1}); null for DISTRICT (the application's district)
 * @param after ids of stages that must be approved before this one opens (empty = opens on submission)
 * @param items the point items or facts this stage confirms (e.g. {@code property}, {@code insurance})
 * @param appliesWhen when the stage exists for an application (e.g. manual review only for rentals)
 * @param advisory for an AUTOMATIC stage: its results are for information only (Kunshan's 对接结果
 *     "仅供参考"): they are stored and shown, but never return the application and are not a review
 *     record (the parent may still withdraw)
 */
public record ReviewStage(
    String id,
    LocalizedText name,
    ScopeKind scope,
    String scopeValue,
    List<String> after,
    List<String> items,
    Condition appliesWhen,
    boolean advisory) {

  public ReviewStage {
    after = List.copyOf(after);
    items = List.copyOf(items);
    if (appliesWhen == null) {
      appliesWhen = Condition.always();
    }
  }

  public ReviewStage(
      String id, LocalizedText name, ScopeKind scope, String scopeValue, List<String> after, List<String> items,
      Condition appliesWhen) {
    this(id, name, scope, scopeValue, after, items, appliesWhen, false);
  }

  public static ReviewStage of(
      String id, String zh, String en, ScopeKind scope, String scopeValue, List<String> after,
      List<String> items) {
    return new ReviewStage(id, LocalizedText.of(zh, en), scope, scopeValue, after, items, null);
  }

  public ReviewStage when(Condition c) {
    return new ReviewStage(id, name, scope, scopeValue, after, items, c, advisory);
  }

  /** This stage with results for information only (see {@link #advisory}). */
  public ReviewStage informational() {
    return new ReviewStage(id, name, scope, scopeValue, after, items, appliesWhen, true);
  }
}
