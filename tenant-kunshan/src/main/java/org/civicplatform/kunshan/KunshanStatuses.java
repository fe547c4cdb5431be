package org.civicplatform.kunshan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.allocation.Outcome;
import org.civicplatform.spi.status.Batch;
import org.civicplatform.spi.status.BatchState;
import org.civicplatform.spi.status.BatchState.StageState;
import org.civicplatform.spi.status.ProgressStep;
import org.civicplatform.spi.status.StatusLabel;
import org.civicplatform.spi.status.StatusRule;

/**
 * The per-batch statuses (当前进展) exactly as seed 000 §5.2.2–§5.2.4 and §6 show them, and how each is
 * derived from the application, its review and the published placement outcomes.
 *
 * <p>[default] where the seed is silent: a refusal by a department (not the window) shows 未录取 in the public
 * batch (the child takes no part in the points ranking); a child placed by an earlier phase shows 未录取 in
 * the later batches once their phase is published (seed §5.1: "不会出现在以后阶段的学校录取名单中").
 */
public final class KunshanStatuses {

  /** Batch ids, equal to the placement phases of {@code KunshanAllocation}. */
  public static final String PRIVATE_1 = "PRIVATE_1";

  public static final String PUBLIC = "PUBLIC";
  public static final String PRIVATE_2 = "PRIVATE_2";
  public static final String SECOND_ROUND = "SECOND_ROUND";

  /** The district window's review stage (窗口初审), see {@code KunshanReview}. */
  static final String WINDOW = "window";

  /** The stage closing the review (市积分办确认). */
  static final String POINTS_OFFICE = "points-office";

  private KunshanStatuses() {}

  public static List<Batch> batches() {
    List<StatusLabel> privateStatuses =
        List.of(
            StatusLabel.of("PENDING_ADMISSION", "待录取", "Awaiting admission",
                "提交报名之后展示状态，录取时间之内，展示状态", "Shown after submission, during the admission period"),
            StatusLabel.of("PROVISIONALLY_ADMITTED", "拟录取", "Provisionally admitted",
                "学生已被学校录取，展示状态及被录取学校", "Admitted; the school is shown"),
            StatusLabel.of("NOT_ADMITTED", "未录取", "Not admitted",
                "录取时间已过，未被学校录取", "The admission period is over without a place"));
    List<StatusLabel> publicStatuses =
        List.of(
            StatusLabel.of("SUBMITTED", "已提交", "Submitted", "提交报名之后，显示状态，说明报名成功",
                "The application was submitted"),
            StatusLabel.of("WINDOW_APPROVED", "初审通过", "Passed window review", "提交报名，被窗口初审之后展示状态",
                "The district window approved the application"),
            StatusLabel.of("WINDOW_REJECTED", "初审不通过", "Failed window review", "提交报名，窗口审核员审核不通过",
                "The district window rejected the application"),
            StatusLabel.of("REVIEW_COMPLETE", "审核完成", "Review complete", "初审通过，九部门审核完成且通过",
                "Window and all departments have approved"),
            StatusLabel.of("SECOND_ROUND_OPEN", "可二次填报", "Second-round choices open",
                "积分排名，未被填报志愿学校录取，在区镇排名内，可进行二次填报志愿",
                "Inside the district line but the chosen school is full: choose again"),
            StatusLabel.of("PROVISIONALLY_ADMITTED", "拟录取", "Provisionally admitted",
                "参与积分排名被录取，展示拟录取状态及被录取学校", "Admitted by points; the school is shown"),
            StatusLabel.of("NOT_ADMITTED", "未录取", "Not admitted", "录取时间之内，未被学校录取",
                "Not admitted in this batch"));
    List<StatusLabel> secondRound =
        List.of(
            StatusLabel.of("SUBMITTED", "已提交", "Submitted", "提交志愿之后，二次志愿当前进展为“已提交”状态",
                "Second-round choices submitted"),
            StatusLabel.of("PROVISIONALLY_ADMITTED", "拟录取", "Provisionally admitted",
                "若被录取，则显示拟录取和录取学校", "Admitted; the school is shown"),
            StatusLabel.of("NOT_ADMITTED", "未录取", "Not admitted", "若未被录取，则显示“未录取”", "Not admitted"));
    return List.of(
        new Batch(PRIVATE_1, LocalizedText.of("第一阶段民办学校", "Private schools, phase one"), privateStatuses,
            "choices.choices.private1", KunshanStatuses::privateStatus),
        new Batch(PUBLIC, LocalizedText.of("公办学校", "Public schools"), publicStatuses,
            "choices.choices.public", new PublicRule()),
        new Batch(PRIVATE_2, LocalizedText.of("第二阶段民办学校", "Private schools, phase two"), privateStatuses,
            "choices.choices.private2", KunshanStatuses::privateStatus),
        new Batch(SECOND_ROUND, LocalizedText.of("二次志愿填报", "Second-round choices"), secondRound, null,
            KunshanStatuses::secondRoundStatus));
  }

  /** §5.2.2 / §5.2.4: 待录取 after submission, then 拟录取 or 未录取 once the phase is published. */
  static Optional<String> privateStatus(BatchState s) {
    if (!s.submitted() || s.chosen().isEmpty()) {
      return Optional.empty();
    }
    Optional<Outcome> outcome = s.outcome(s.batchId());
    if (outcome.isPresent()) {
      return Optional.of(outcome.get() instanceof Outcome.Placed ? "PROVISIONALLY_ADMITTED" : "NOT_ADMITTED");
    }
    if (s.published().contains(s.batchId()) || placedElsewhere(s)) {
      return Optional.of("NOT_ADMITTED");
    }
    return Optional.of("PENDING_ADMISSION");
  }

  /** §6: shown once second-round choices were filed or a second-round outcome exists. */
  static Optional<String> secondRoundStatus(BatchState s) {
    if (!s.submitted()) {
      return Optional.empty();
    }
    Optional<Outcome> outcome = s.outcome(SECOND_ROUND);
    if (outcome.isPresent()) {
      return Optional.of(outcome.get() instanceof Outcome.Placed ? "PROVISIONALLY_ADMITTED" : "NOT_ADMITTED");
    }
    if (s.chosen().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(s.published().contains(SECOND_ROUND) ? "NOT_ADMITTED" : "SUBMITTED");
  }

  private static boolean placedElsewhere(BatchState s) {
    return s.placement().filter(p -> !p.phase().equals(s.batchId())).isPresent();
  }

  /** §5.2.3 and the progress chain of §5.2.1. */
  static final class PublicRule implements StatusRule {

    @Override
    public Optional<String> status(BatchState s) {
      if (!s.submitted()) {
        return Optional.empty();
      }
      Optional<Outcome> outcome = s.outcome(PUBLIC);
      if (outcome.isPresent()) {
        Outcome o = outcome.get();
        return Optional.of(o instanceof Outcome.Placed ? "PROVISIONALLY_ADMITTED"
            : o instanceof Outcome.SecondRoundEligible ? "SECOND_ROUND_OPEN" : "NOT_ADMITTED");
      }
      if (s.published().contains(PUBLIC) || placedElsewhere(s)) {
        return Optional.of("NOT_ADMITTED");
      }
      return Optional.of(switch (s.application()) {
        case REVIEWED -> "REVIEW_COMPLETE";
        case REJECTED -> s.stage(WINDOW).filter(st -> st == StageState.REJECTED).isPresent()
            ? "WINDOW_REJECTED" : "NOT_ADMITTED";
        default -> s.stage(WINDOW).filter(st -> st == StageState.APPROVED).isPresent() ? "WINDOW_APPROVED"
            : "SUBMITTED";
      });
    }

    /**
     * 提交报名 → 窗口审核通过 → 部门审核中 / 部门审核通过 → 待积分排名中 (seed §5.2.1), then the published
     * outcome. [default] before the window decides its link reads 窗口审核中; a refusal ends the chain.
     */
    @Override
    public List<ProgressStep> progress(BatchState s) {
      List<ProgressStep> chain = new ArrayList<>();
      if (!s.submitted()) {
        chain.add(ProgressStep.pending("SUBMITTED", "提交报名", "Application submitted"));
        return chain;
      }
      chain.add(ProgressStep.done("SUBMITTED", "提交报名", "Application submitted"));
      StageState window = s.stage(WINDOW).orElse(StageState.OPEN);
      if (window == StageState.REJECTED) {
        chain.add(ProgressStep.current("WINDOW_REJECTED", "初审不通过", "Failed window review"));
        return chain;
      }
      if (window != StageState.APPROVED) {
        chain.add(ProgressStep.current("WINDOW_REVIEW", "窗口审核中", "Window review under way"));
        chain.add(ProgressStep.pending("DEPARTMENT_REVIEW", "部门审核中", "Department review under way"));
        chain.add(ProgressStep.pending("RANKING", "待积分排名中", "Waiting for the points ranking"));
        return chain;
      }
      chain.add(ProgressStep.done("WINDOW_APPROVED", "窗口审核通过", "Passed window review"));
      if (s.application() == BatchState.ApplicationPhase.REJECTED) {
        chain.add(ProgressStep.current("DEPARTMENT_REJECTED", "部门审核不通过", "Refused by a department"));
        return chain;
      }
      if (s.application() != BatchState.ApplicationPhase.REVIEWED) {
        chain.add(ProgressStep.current("DEPARTMENT_REVIEW", "部门审核中", "Department review under way"));
        chain.add(ProgressStep.pending("RANKING", "待积分排名中", "Waiting for the points ranking"));
        return chain;
      }
      chain.add(ProgressStep.done("DEPARTMENT_APPROVED", "部门审核通过", "Departments approved"));
      Optional<String> published = status(s).filter(code -> !code.equals("REVIEW_COMPLETE"));
      if (published.isEmpty()) {
        chain.add(ProgressStep.current("RANKING", "待积分排名中", "Waiting for the points ranking"));
        return chain;
      }
      chain.add(ProgressStep.done("RANKING", "积分排名", "Points ranking"));
      Batch self = batches().get(1);
      StatusLabel label = self.status(published.get()).orElseThrow();
      chain.add(new ProgressStep(published.get(), label.label(), ProgressStep.State.CURRENT));
      return chain;
    }
  }
}
