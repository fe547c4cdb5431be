package org.civicplatform.kunshan.points;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The worked example of seed 000 §5.2.1 (郑军), before and after the departments' review. */
final class SeedProfiles {

  private SeedProfiles() {}

  /** After every department answered: 文化程度 无, 职业资格 四级, 专业技术职称 初级, 遵规守法, no honour. */
  static PointsProfile reviewed() {
    return PointsProfile.empty()
        .withPropertyRegisteredOn(LocalDate.of(2003, 8, 15))
        .withInsuranceMonths(InsuranceMonths.uniform(36, 8))
        .withEducation(Education.NONE)
        .withVocationalLevel(VocationalLevel.LEVEL4)
        .withTitleLevel(TitleLevel.JUNIOR)
        .withLawAbiding(true);
  }

  /** After the window review: only 房产, 参保 and 文化程度 are known. */
  static PointsProfile beforeDepartmentReview() {
    return reviewed()
        .withLawAbiding(null)
        .withPending(
            PointsItem.VOCATIONAL,
            PointsItem.TITLE,
            PointsItem.BRAVERY,
            PointsItem.MODEL_WORKER,
            PointsItem.MORAL_MODEL);
  }

  static PointsBreakdown calculate(PointsProfile profile) {
    return new PointsCalculator(RuleSet.default2024()).calculate(profile);
  }

  static BigDecimal points(String value) {
    return new BigDecimal(value);
  }
}
