package org.civicplatform.spi.registry;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the social-insurance registry answers for one person.
 *
 * @param status FOUND, or why nothing can be counted
 * @param fund which fund answered the problem ({@code SOCIAL} 社保 or {@code MEDICAL} 医保); null when FOUND
 * @param paidMonths per insurance type ({@code pension}, {@code medical}, {@code unemployment}, {@code
 *     injury}, {@code maternity}) the months paid in Kunshan; empty unless FOUND
 */
public record InsuranceRecord(Status status, String fund, Map<String, List<YearMonth>> paidMonths) {

  /** How the look-up ended. */
  public enum Status {
    /** One personal number, in normal status: months are given. */
    FOUND,
    /** 获取到多个社保个人编号 / 医保个人内码: the person must have the records merged first. */
    SEVERAL_NUMBERS,
    /** 未查询到对应社保个人编号 / 医保个人内码: never insured. */
    NOT_FOUND,
    /** 该人员医保账户非正常状态: contributions interrupted. */
    NOT_NORMAL
  }

  public InsuranceRecord {
    Objects.requireNonNull(status, "status");
    paidMonths = paidMonths == null ? Map.of() : Map.copyOf(paidMonths);
  }

  public static InsuranceRecord found(Map<String, List<YearMonth>> paidMonths) {
    return new InsuranceRecord(Status.FOUND, null, paidMonths);
  }

  public static InsuranceRecord problem(Status status, String fund) {
    return new InsuranceRecord(status, fund, Map.of());
  }

  /** Months of one type paid within {@code from}…{@code to}, both included. */
  public int months(String type, YearMonth from, YearMonth to) {
    return (int) paidMonths.getOrDefault(type, List.of()).stream()
        .filter(m -> !m.isBefore(from) && !m.isAfter(to)).distinct().count();
  }
}
