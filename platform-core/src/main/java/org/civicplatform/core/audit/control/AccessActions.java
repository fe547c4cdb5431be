package org.civicplatform.core.audit.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.civicplatform.spi.LocalizedText;

/**
 * How an audited action and its actor are shown to the person the data is about (PIPL: the right to know
 * who processed one's personal information): the action in zh-CN and English, and the actor as their role
 * with a stable pseudonym, so a parent can tell readers apart without learning staff names.
 */
public final class AccessActions {

  private static final Map<String, LocalizedText> ACTIONS = Map.ofEntries(
      Map.entry("application.read", LocalizedText.of("查阅报名信息", "Read the application")),
      Map.entry("application.reveal", LocalizedText.of("查看完整证件号码", "Revealed the full ID number")),
      Map.entry("document.download", LocalizedText.of("查阅上传材料", "Opened an uploaded document")),
      Map.entry("document.preview", LocalizedText.of("预览上传材料", "Previewed an uploaded document")),
      Map.entry("review.override.propose", LocalizedText.of("提出更正核查结果", "Proposed to correct a registry result")),
      Map.entry("review.override.confirm", LocalizedText.of("复核确认更正", "Confirmed a correction (second reviewer)")),
      Map.entry("review.override.discard", LocalizedText.of("撤回更正", "Withdrew a proposed correction")),
      Map.entry("review.claim", LocalizedText.of("领取审核任务", "Took up the review")),
      Map.entry("review.release", LocalizedText.of("放回审核任务", "Put the review back")),
      Map.entry("review.approve", LocalizedText.of("审核通过", "Approved")),
      Map.entry("review.reject", LocalizedText.of("审核不通过", "Rejected")),
      Map.entry("review.return", LocalizedText.of("退回修改", "Returned for changes")));

  private static final Map<String, LocalizedText> ROLES = Map.of(
      "system", LocalizedText.of("系统自动核验", "Automatic verification"),
      "reviewer", LocalizedText.of("审核人员", "Reviewer"),
      "tenant-admin", LocalizedText.of("业务管理员", "Administrator"),
      "platform-admin", LocalizedText.of("平台管理员", "Platform administrator"));

  private AccessActions() {}

  /** The action's label; the code itself for an action without one (never hidden). */
  public static LocalizedText action(String code) {
    return ACTIONS.getOrDefault(code, LocalizedText.of(code, code));
  }

  /** The role's label ("其他人员" for a role without one). */
  public static LocalizedText role(String role) {
    return ROLES.getOrDefault(role == null ? "" : role, LocalizedText.of("其他人员", "Other staff"));
  }

  /** A stable 6-character pseudonym of an actor id (the same reader always shows the same code). */
  public static String pseudonym(String actor) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(("access-log:" + actor).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(hash, 0, 3);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
