package org.civicplatform.core.problems;

import java.util.List;

/**
 * The body of an error response (RFC 9457), Chinese first with English beside it.
 *
 * @param type stable URI of the problem kind, e.g. {@code urn:civic:problem:validation}
 * @param status HTTP status
 * @param title short zh-CN summary
 * @param detail zh-CN explanation of this occurrence
 * @param titleEn English summary
 * @param detailEn English explanation
 * @param instance the request path
 * @param requestId id to quote to support (also in the logs)
 * @param errors the invalid fields, empty if none
 */
public record Problem(
    String type,
    int status,
    String title,
    String detail,
    String titleEn,
    String detailEn,
    String instance,
    String requestId,
    List<InvalidField> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** One invalid field: its path, a stable code and the message in both languages. */
  public record InvalidField(String field, String code, String message, String messageEn) {}
}
