package org.civicplatform.spi.status;

import java.util.Objects;
import org.civicplatform.spi.LocalizedText;

/**
 * One link of the progress chain (进展, e.g. 提交报名 → 窗口审核通过 → 部门审核中 →).
 *
 * @param code stable code
 * @param label as the tenant's documents write it
 * @param state done, the current one, or still to come
 */
public record ProgressStep(String code, LocalizedText label, State state) {

  public ProgressStep {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(state, "state");
  }

  public static ProgressStep done(String code, String zh, String en) {
    return new ProgressStep(code, LocalizedText.of(zh, en), State.DONE);
  }

  public static ProgressStep current(String code, String zh, String en) {
    return new ProgressStep(code, LocalizedText.of(zh, en), State.CURRENT);
  }

  public static ProgressStep pending(String code, String zh, String en) {
    return new ProgressStep(code, LocalizedText.of(zh, en), State.PENDING);
  }

  /** Where a link of the chain stands. */
  public enum State {
    DONE,
    CURRENT,
    PENDING
  }
}
