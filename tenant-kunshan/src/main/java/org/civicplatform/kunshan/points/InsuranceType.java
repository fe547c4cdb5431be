package org.civicplatform.kunshan.points;

/**
 * The five social-insurance types (五险) whose months in Kunshan count for 参保年限. Pension,
 * unemployment and injury are confirmed by 人社, medical and maternity by 医保.
 */
public enum InsuranceType {
  /** 养老保险. */
  PENSION("pension"),
  /** 医疗保险. */
  MEDICAL("medical"),
  /** 失业保险. */
  UNEMPLOYMENT("unemployment"),
  /** 工伤保险. */
  INJURY("injury"),
  /** 生育保险. */
  MATERNITY("maternity");

  private final String jsonName;

  InsuranceType(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The key in the estimate request ({@code insuranceMonths.recent.pension}). */
  public String jsonName() {
    return jsonName;
  }
}
