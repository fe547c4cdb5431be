package org.civicplatform.siming.status;

import java.util.List;
import java.util.Optional;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.status.Batch;
import org.civicplatform.spi.status.BatchState;
import org.civicplatform.spi.status.BatchState.StageState;
import org.civicplatform.spi.status.StatusLabel;
import org.civicplatform.spi.status.StatusRule;

/**
 * Siming's one batch (户籍小学预登记) and its status on the family home, from seed 002's verification:
 * 已提交 → 核验中 → 核验通过, or 核验异常 (returned for the parent to fix), or 待审核 while a reviewer checks a
 * rental or untitled home; once results are published 拟录取 or 统筹安排.
 */
public final class SimingStatuses {

  public static final String PUBLIC = "PUBLIC";

  /** The review stages (see {@code SimingTenant.reviewStages()}). */
  public static final String AUTO = "auto-verification";

  public static final String MANUAL = "manual-review";

  private SimingStatuses() {}

  public static List<Batch> batches() {
    return List.of(new Batch(PUBLIC, LocalizedText.of("户籍小学预登记", "Primary-school pre-registration"),
        List.of(
            StatusLabel.of("SUBMITTED", "已提交", "Submitted", "登记信息已提交", "The registration was submitted"),
            StatusLabel.of("VERIFYING", "核验中", "Verifying", "系统正在核验学生、监护人及房产信息",
                "Student, guardians and property are being verified"),
            StatusLabel.of("VERIFIED", "核验通过", "Verified", "自动核验通过", "Automatic verification passed"),
            StatusLabel.of("ANOMALY", "核验异常", "Verification problem", "核验发现异常，请查看详情并修改后重新提交",
                "A check found a problem: see the details, fix and resubmit"),
            StatusLabel.of("PENDING_REVIEW", "待审核", "Awaiting manual review",
                "公租房、廉租房或历史原因无法办理产权的房产需人工审核", "Rentals and untitled homes are reviewed by hand"),
            StatusLabel.of("REVIEWED", "审核通过", "Review passed", "人工审核通过", "The manual review passed"),
            StatusLabel.of("RETURNED", "退回修改", "Returned for changes", "审核人员退回，请按退回原因修改后重新提交",
                "A reviewer returned it: change it as the reason says and resubmit"),
            StatusLabel.of("REJECTED", "审核不通过", "Not approved", "审核未通过，原因见详情", "Not approved: see the reason"),
            StatusLabel.of("PROVISIONALLY_ADMITTED", "拟录取", "Provisionally admitted", "已被学校录取", "Admitted"),
            StatusLabel.of("DISTRICT_PLACEMENT", "统筹安排", "District placement", "由区教育局统筹安排学校",
                "The district assigns a school")),
        null, SimingStatuses::status));
  }

  /** The status code of the registration in a state (empty before submission). */
  static Optional<String> status(BatchState s) {
    if (s.placement().isPresent()) {
      return Optional.of("PROVISIONALLY_ADMITTED");
    }
    if (!s.outcomes().isEmpty()) {
      return Optional.of("DISTRICT_PLACEMENT"); // results published without a place: 统筹 or the district's list
    }
    Optional<StageState> auto = s.stage(AUTO);
    Optional<StageState> manual = s.stage(MANUAL);
    return switch (s.application()) {
      case NONE, DRAFT -> Optional.empty();
      case RETURNED -> Optional.of(auto.filter(StageState.RETURNED::equals).isPresent() ? "ANOMALY" : "RETURNED");
      case REJECTED -> Optional.of("REJECTED");
      case REVIEWED -> Optional.of(manual.filter(StageState.APPROVED::equals).isPresent() ? "REVIEWED" : "VERIFIED");
      case SUBMITTED, IN_REVIEW -> Optional.of(
          auto.filter(StageState.APPROVED::equals).isPresent() && manual.isPresent() ? "PENDING_REVIEW"
              : auto.isPresent() ? "VERIFYING" : "SUBMITTED");
    };
  }
}
