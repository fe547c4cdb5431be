package org.civicplatform.core.problems;

import jakarta.ejb.ApplicationException;
import java.util.List;
import org.civicplatform.spi.LocalizedText;

/**
 * A domain error that becomes a problem document. Thrown by facades and aggregates; an EJB passes it
 * through unwrapped (and rolls back).
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

  private final String kind;
  private final int status;
  private final LocalizedText title;
  private final LocalizedText detail;
  private final transient List<Problem.InvalidField> errors;
  private final Long retryAfterSeconds;

  public ProblemException(
      String kind, int status, LocalizedText title, LocalizedText detail,
      List<Problem.InvalidField> errors, Long retryAfterSeconds) {
    super(kind + ": " + detail.en());
    this.kind = kind;
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public ProblemException(String kind, int status, LocalizedText title, LocalizedText detail) {
    this(kind, status, title, detail, List.of(), null);
  }

  /** 404 that does not reveal whether the thing exists for someone else. */
  public static ProblemException notFound(String what, String id) {
    return new ProblemException(
        "not-found", 404, LocalizedText.of("未找到", "Not found"),
        LocalizedText.of("请求的" + label(what) + "不存在或您无权访问。",
            "The requested " + what + " does not exist or is not yours to see."));
  }

  /**
   * 428: a change of something others may change too (rules, a school) must say which version it was made
   * from ({@code If-Match} the version read), so that two administrators cannot overwrite each other unseen.
   */
  public static ProblemException versionRequired() {
    return new ProblemException("precondition-required", 428,
        org.civicplatform.spi.LocalizedText.of("请先读取再保存", "Read before you save"),
        org.civicplatform.spi.LocalizedText.of("保存时须带上所读取的版本（If-Match），以免覆盖其他管理员的修改：请刷新页面后再保存。",
            "Send the version you read (If-Match) so that no other administrator's change is overwritten: reload, then save."));
  }

  public static ProblemException conflict(String kind, String zh, String en) {
    return new ProblemException(kind, 409, LocalizedText.of("操作冲突", "Conflict"), LocalizedText.of(zh, en));
  }

  public static ProblemException invalid(List<Problem.InvalidField> errors) {
    return new ProblemException(
        "validation", 400, LocalizedText.of("输入有误", "Invalid input"),
        LocalizedText.of("请按提示修改标出的字段。", "Correct the fields listed."), errors, null);
  }

  public static ProblemException invalid(String field, String code, String zh, String en) {
    return invalid(List.of(new Problem.InvalidField(field, code, zh, en)));
  }

  private static String label(String what) {
    return switch (what) {
      case "tenant" -> "业务（租户）";
      case "child" -> "子女";
      case "application" -> "报名";
      case "document" -> "材料";
      default -> "记录";
    };
  }

  public String kind() {
    return kind;
  }

  public int status() {
    return status;
  }

  public LocalizedText title() {
    return title;
  }

  public LocalizedText detail() {
    return detail;
  }

  public List<Problem.InvalidField> errors() {
    return errors;
  }

  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
