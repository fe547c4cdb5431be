package org.civicplatform.kunshan.points;

import java.util.List;

/**
 * A line of the points breakdown as the progress page (报名进展, seed 000 §5.2.1) shows it. Some lines
 * are the five counted indicators (指标); the others are shown but count only through the indicator
 * that takes their highest value.
 */
public enum PointsItem {
  /** Indicator 1, 房产年限 (property years), confirmed by 不动产登记. */
  PROPERTY(true, "property"),
  /** Line 2a, 文化程度, confirmed by 教育. */
  EDUCATION(false, "education"),
  /** Line 2b, 职业资格 / 职业技能等级, confirmed by 人社. */
  VOCATIONAL(false, "vocational"),
  /** Line 2c, 专业技术职称, confirmed by 人社. */
  TITLE(false, "title"),
  /** Indicator 2, 专业技术职称(职业资格)或文化程度: the highest of lines 2a–2c. */
  TITLE_OR_EDUCATION(true, "titleOrEducation"),
  /** Indicator 3, 参保年限 (social-insurance years), confirmed by 人社 and 医保. */
  INSURANCE(true, "insurance"),
  /** Line 4a, 见义勇为, confirmed by 公安. */
  BRAVERY(false, "bravery"),
  /** Line 4b, 劳动模范, confirmed by 总工会. */
  MODEL_WORKER(false, "modelWorker"),
  /** Line 4c, 道德模范或好人系列, confirmed by 文明办. */
  MORAL_MODEL(false, "moralModel"),
  /** Indicator 4, 先进典型 (honours): the highest of lines 4a–4c. */
  HONOURS(true, "honours"),
  /** Indicator 5, 遵规守法 (law-abiding), confirmed by 公安. */
  LAW_ABIDING(true, "lawAbiding");

  private final boolean counted;
  private final String jsonName;

  PointsItem(boolean counted, String jsonName) {
    this.counted = counted;
    this.jsonName = jsonName;
  }

  /** Whether the item is one of the five indicators summed into the total. */
  public boolean counted() {
    return counted;
  }

  /** The key of the item in JSON documents. */
  public String jsonName() {
    return jsonName;
  }

  /** The lines an indicator takes the highest of; empty for every other item. */
  public List<PointsItem> lines() {
    return switch (this) {
      case TITLE_OR_EDUCATION -> List.of(EDUCATION, VOCATIONAL, TITLE);
      case HONOURS -> List.of(BRAVERY, MODEL_WORKER, MORAL_MODEL);
      default -> List.of();
    };
  }

  /**
   * Whether a department confirms the item directly (so it can be 核算中). The two "highest of"
   * indicators are not: they are pending only while all their lines are.
   */
  public boolean reviewed() {
    return lines().isEmpty();
  }
}
