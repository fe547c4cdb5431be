package org.civicplatform.kunshan.status;

import static org.civicplatform.spi.status.BatchState.ApplicationPhase.DRAFT;
import static org.civicplatform.spi.status.BatchState.ApplicationPhase.IN_REVIEW;
import static org.civicplatform.spi.status.BatchState.ApplicationPhase.REJECTED;
import static org.civicplatform.spi.status.BatchState.ApplicationPhase.REVIEWED;
import static org.civicplatform.spi.status.BatchState.ApplicationPhase.SUBMITTED;
import static org.civicplatform.spi.status.BatchState.StageState.APPROVED;
import static org.civicplatform.spi.status.BatchState.StageState.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicplatform.kunshan.KunshanStatuses;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.allocation.Explanation;
import org.civicplatform.spi.allocation.Outcome;
import org.civicplatform.spi.status.Batch;
import org.civicplatform.spi.status.BatchState;
import org.civicplatform.spi.status.ProgressStep;
import org.junit.jupiter.api.Test;

/** One test per row of seed 000 §5.2.2 (第一阶段民办), §5.2.3 (公办), §5.2.4 (第二阶段民办) and §6 (二次志愿). */
class KunshanStatusesTest {

  private static final Explanation WHY = Explanation.of("test", LocalizedText.of("测试", "test"));
  private static final Map<String, BatchState.StageState> NO_STAGES = Map.of();

  /** The label the family home shows for a batch in a state, or empty. */
  static Optional<String> label(String batchId, BatchState state) {
    Batch batch = KunshanStatuses.batches().stream().filter(b -> b.id().equals(batchId)).findFirst().orElseThrow();
    return batch.rule().status(state).map(code -> batch.status(code).orElseThrow().label().zh());
  }

  static BatchState state(String batch, BatchState.ApplicationPhase phase, Map<String, BatchState.StageState> stages,
      List<String> chosen, Set<String> published, Map<String, Outcome> outcomes) {
    return new BatchState(batch, phase, stages, chosen, published, outcomes);
  }

  static BatchState submitted(String batch, String school) {
    return state(batch, SUBMITTED, NO_STAGES, List.of(school), Set.of(), Map.of());
  }

  // ---- §5.2.2 / §5.2.4 第一阶段民办 and 第二阶段民办 ----------------------------------------------

  @Test
  void aChosenPrivateSchoolIsAwaitingAdmissionAfterSubmission() {
    assertEquals(Optional.of("待录取"), label("PRIVATE_1", submitted("PRIVATE_1", "ks-kangqiao")));
    assertEquals(Optional.of("待录取"), label("PRIVATE_2", submitted("PRIVATE_2", "ks-yangcheng")));
  }

  @Test
  void aPrivateSchoolThatAdmittedTheChildShowsProvisionallyAdmitted() {
    var placed = Map.<String, Outcome>of("PRIVATE_1", new Outcome.Placed("PRIVATE_1", "ks-kangqiao", WHY));
    assertEquals(Optional.of("拟录取"), label("PRIVATE_1",
        state("PRIVATE_1", REVIEWED, NO_STAGES, List.of("ks-kangqiao"), Set.of("PRIVATE_1"), placed)));
  }

  @Test
  void aPrivateSchoolPhaseOverWithoutAPlaceShowsNotAdmitted() {
    var notPlaced = Map.<String, Outcome>of("PRIVATE_2", new Outcome.NotPlaced("PRIVATE_2", "ks-yangcheng", WHY));
    assertEquals(Optional.of("未录取"), label("PRIVATE_2",
        state("PRIVATE_2", REVIEWED, NO_STAGES, List.of("ks-yangcheng"), Set.of("PRIVATE_2"), notPlaced)));
  }

  @Test
  void aLaterPrivateBatchShowsNotAdmittedOnceAnEarlierPhasePlacedTheChild() {
    var placed = Map.<String, Outcome>of("PUBLIC", new Outcome.Placed("PUBLIC", "ks-bailu", WHY));
    assertEquals(Optional.of("未录取"), label("PRIVATE_2",
        state("PRIVATE_2", REVIEWED, NO_STAGES, List.of("ks-yangcheng"), Set.of("PRIVATE_1", "PUBLIC"), placed)));
  }

  @Test
  void aPrivateBatchWithoutAChoiceOrBeforeSubmissionShowsNothing() {
    assertEquals(Optional.empty(), label("PRIVATE_1", state("PRIVATE_1", SUBMITTED, NO_STAGES, List.of(), Set.of(), Map.of())));
    assertEquals(Optional.empty(), label("PRIVATE_1", state("PRIVATE_1", DRAFT, NO_STAGES, List.of("ks-kangqiao"), Set.of(), Map.of())));
  }

  // ---- §5.2.3 公办 -------------------------------------------------------------------------------

  @Test
  void aSubmittedApplicationShowsSubmitted() {
    assertEquals(Optional.of("已提交"), label("PUBLIC", submitted("PUBLIC", "ks-peiben")));
  }

  @Test
  void anApplicationTheWindowApprovedShowsWindowApproved() {
    assertEquals(Optional.of("初审通过"), label("PUBLIC", state("PUBLIC", IN_REVIEW,
        Map.of("window", APPROVED, "dept-real-estate", OPEN), List.of("ks-peiben"), Set.of(), Map.of())));
  }

  @Test
  void aClaimBeforeTheWindowDecidesStillShowsSubmitted() {
    assertEquals(Optional.of("已提交"), label("PUBLIC", state("PUBLIC", IN_REVIEW,
        Map.of("window", OPEN), List.of("ks-peiben"), Set.of(), Map.of())));
  }

  @Test
  void anApplicationTheWindowRejectedShowsWindowRejected() {
    assertEquals(Optional.of("初审不通过"), label("PUBLIC", state("PUBLIC", REJECTED,
        Map.of("window", BatchState.StageState.REJECTED), List.of("ks-peiben"), Set.of(), Map.of())));
  }

  @Test
  void anApplicationEveryDepartmentApprovedShowsReviewComplete() {
    assertEquals(Optional.of("审核完成"), label("PUBLIC", state("PUBLIC", REVIEWED,
        Map.of("window", APPROVED, "points-office", APPROVED), List.of("ks-peiben"), Set.of(), Map.of())));
  }

  @Test
  void aChildInsideTheDistrictLineWhoseSchoolIsFullMayChooseAgain() {
    var outcome = Map.<String, Outcome>of("PUBLIC", new Outcome.SecondRoundEligible("PUBLIC", "ks-peiben", WHY));
    assertEquals(Optional.of("可二次填报"), label("PUBLIC",
        state("PUBLIC", REVIEWED, NO_STAGES, List.of("ks-peiben"), Set.of("PRIVATE_1", "PUBLIC"), outcome)));
  }

  @Test
  void aChildAdmittedByPointsShowsProvisionallyAdmitted() {
    var outcome = Map.<String, Outcome>of("PUBLIC", new Outcome.Placed("PUBLIC", "ks-bailu", WHY));
    assertEquals(Optional.of("拟录取"), label("PUBLIC",
        state("PUBLIC", REVIEWED, NO_STAGES, List.of("ks-bailu"), Set.of("PRIVATE_1", "PUBLIC"), outcome)));
  }

  @Test
  void aChildOutsideTheDistrictLineShowsNotAdmitted() {
    var outcome = Map.<String, Outcome>of("PUBLIC", new Outcome.NotPlaced("PUBLIC", "ks-bailu", WHY));
    assertEquals(Optional.of("未录取"), label("PUBLIC",
        state("PUBLIC", REVIEWED, NO_STAGES, List.of("ks-bailu"), Set.of("PRIVATE_1", "PUBLIC"), outcome)));
  }

  // ---- §6 二次志愿 ---------------------------------------------------------------------------------

  @Test
  void filedSecondRoundChoicesShowSubmitted() {
    assertEquals(Optional.of("已提交"), label("SECOND_ROUND", state("SECOND_ROUND", REVIEWED, NO_STAGES,
        List.of("ks-lujia-shage", "ks-lujia-west"), Set.of("PUBLIC"), Map.of())));
  }

  @Test
  void aSecondRoundPlacementShowsProvisionallyAdmitted() {
    var outcome = Map.<String, Outcome>of("SECOND_ROUND", new Outcome.Placed("SECOND_ROUND", "ks-lujia-shage", WHY));
    assertEquals(Optional.of("拟录取"), label("SECOND_ROUND", state("SECOND_ROUND", REVIEWED, NO_STAGES,
        List.of("ks-lujia-shage"), Set.of("PUBLIC", "SECOND_ROUND"), outcome)));
  }

  @Test
  void anUnplacedSecondRoundShowsNotAdmitted() {
    var outcome = Map.<String, Outcome>of("SECOND_ROUND", new Outcome.NotPlaced("SECOND_ROUND", null, WHY));
    assertEquals(Optional.of("未录取"), label("SECOND_ROUND", state("SECOND_ROUND", REVIEWED, NO_STAGES,
        List.of("ks-lujia-shage"), Set.of("PUBLIC", "SECOND_ROUND"), outcome)));
  }

  @Test
  void noSecondRoundRowWithoutSecondRoundChoices() {
    assertEquals(Optional.empty(), label("SECOND_ROUND",
        state("SECOND_ROUND", REVIEWED, NO_STAGES, List.of(), Set.of("PUBLIC"), Map.of())));
  }

  // ---- §5.2.1 进展 ---------------------------------------------------------------------------------

  static List<String> chain(BatchState state) {
    Batch publicBatch = KunshanStatuses.batches().get(1);
    return publicBatch.rule().progress(state).stream()
        .map(s -> s.label().zh() + (s.state() == ProgressStep.State.CURRENT ? "*" : s.state() == ProgressStep.State.PENDING ? "?" : ""))
        .toList();
  }

  @Test
  void theChainDuringDepartmentReviewIsTheSeeds() {
    assertEquals(List.of("提交报名", "窗口审核通过", "部门审核中*", "待积分排名中?"), chain(state("PUBLIC", IN_REVIEW,
        Map.of("window", APPROVED, "dept-real-estate", OPEN), List.of("ks-huaqiao-middle"), Set.of(), Map.of())));
  }

  @Test
  void theChainAfterDepartmentReviewIsTheSeeds() {
    assertEquals(List.of("提交报名", "窗口审核通过", "部门审核通过", "待积分排名中*"), chain(state("PUBLIC", REVIEWED,
        Map.of("window", APPROVED, "points-office", APPROVED), List.of("ks-huaqiao-middle"), Set.of(), Map.of())));
  }

  @Test
  void thePublishedOutcomeEndsTheChain() {
    var outcome = Map.<String, Outcome>of("PUBLIC", new Outcome.Placed("PUBLIC", "ks-bailu", WHY));
    List<String> chain = chain(state("PUBLIC", REVIEWED, Map.of("window", APPROVED), List.of("ks-bailu"),
        Set.of("PUBLIC"), outcome));
    assertEquals("拟录取*", chain.get(chain.size() - 1));
  }

  @Test
  void theWindowsRefusalEndsTheChain() {
    assertEquals(List.of("提交报名", "初审不通过*"), chain(state("PUBLIC", REJECTED,
        Map.of("window", BatchState.StageState.REJECTED), List.of("ks-peiben"), Set.of(), Map.of())));
  }

  @Test
  void everyStatusLabelIsTheSeedsWording() {
    assertTrue(KunshanStatuses.batches().stream().flatMap(b -> b.statuses().stream()).map(s -> s.label().zh())
        .allMatch(Set.of("待录取", "拟录取", "未录取", "已提交", "初审通过", "初审不通过", "审核完成", "可二次填报")::contains));
  }
}
