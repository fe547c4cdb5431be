package org.civicplatform.kunshan;

import java.util.List;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.status.Batch;
import org.civicplatform.spi.status.StatusLabel;

/** The per-batch statuses exactly as seed 000 §5.2.2–§5.2.4 and §6 show them. */
final class KunshanStatuses {

  private KunshanStatuses() {}

  static List<Batch> batches() {
    List<StatusLabel> privateStatuses =
        List.of(
            StatusLabel.of("PENDING_ADMISSION", "待录取", "Awaiting admission",
                "提交报名之后展示状态，录取时间之内", "Shown after submission, during the admission period"),
            StatusLabel.of("PROVISIONALLY_ADMITTED", "拟录取", "Provisionally admitted",
                "学生已被学校录取，展示状态及被录取学校", "Admitted; the school is shown"),
            StatusLabel.of("NOT_ADMITTED", "未录取", "Not admitted",
                "录取时间已过，未被学校录取", "The admission period is over without a place"));
    List<StatusLabel> publicStatuses =
        List.of(
            StatusLabel.of("SUBMITTED", "已提交", "Submitted", "提交报名之后，说明报名成功", "The application was submitted"),
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
            StatusLabel.of("SUBMITTED", "已提交", "Submitted", "提交志愿之后", "Second-round choices submitted"),
            StatusLabel.of("PROVISIONALLY_ADMITTED", "拟录取", "Provisionally admitted",
                "被录取，显示拟录取和录取学校", "Admitted; the school is shown"),
            StatusLabel.of("NOT_ADMITTED", "未录取", "Not admitted", "未被录取", "Not admitted"));
    return List.of(
        new Batch("PRIVATE_1", LocalizedText.of("第一阶段民办学校", "Private schools, phase one"), privateStatuses),
        new Batch("PUBLIC", LocalizedText.of("公办学校", "Public schools"), publicStatuses),
        new Batch("PRIVATE_2", LocalizedText.of("第二阶段民办学校", "Private schools, phase two"), privateStatuses),
        new Batch("SECOND_ROUND", LocalizedText.of("二次志愿填报", "Second-round choices"), secondRound));
  }
}
