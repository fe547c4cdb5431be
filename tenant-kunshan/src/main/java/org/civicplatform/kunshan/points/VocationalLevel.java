package org.civicplatform.kunshan.points;

/** Vocational qualification or skill level (职业资格 / 职业技能等级), line 2b of the rules. */
public enum VocationalLevel {
  /** 无. */
  NONE,
  /** 五级 (初级工). */
  LEVEL5,
  /** 四级 (中级工). */
  LEVEL4,
  /** 三级 (高级工). */
  LEVEL3,
  /** 二级 (技师). */
  LEVEL2,
  /** 一级 (高级技师). */
  LEVEL1
}
