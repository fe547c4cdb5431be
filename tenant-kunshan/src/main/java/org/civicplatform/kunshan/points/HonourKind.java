package org.civicplatform.kunshan.points;

/** The kinds of honour (先进典型) that count, each confirmed by its own department. */
public enum HonourKind {
  /** 见义勇为, confirmed by 公安. */
  BRAVERY(PointsItem.BRAVERY),
  /** 劳动模范, confirmed by 总工会. */
  MODEL_WORKER(PointsItem.MODEL_WORKER),
  /** 道德模范或好人系列, confirmed by 文明办. */
  MORAL_MODEL(PointsItem.MORAL_MODEL);

  private final PointsItem item;

  HonourKind(PointsItem item) {
    this.item = item;
  }

  /** The line of the breakdown that shows this kind. */
  public PointsItem item() {
    return item;
  }
}
