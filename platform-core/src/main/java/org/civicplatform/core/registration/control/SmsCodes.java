package org.civicplatform.core.registration.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.civicplatform.core.notifications.NotificationGateway;
import org.civicplatform.core.notifications.SmsMessage;
import org.civicplatform.core.persistence.DatabaseMigration;
import org.civicplatform.core.problems.Problem;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.spi.LocalizedText;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * SMS verification codes kept in PostgreSQL, so every node sees the same codes and counters. Sending
 * counts against the number's and the client address's {@link RequestLimits} under their advisory
 * locks, so two nodes cannot both pass a limit at once. Each method runs in a transaction of its own: a
 * wrong try is counted even when the request then fails.
 */
@ApplicationScoped
public class SmsCodes {

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject NotificationGateway gateway;
  @Inject RequestLimits limits;

  @Inject
  @ConfigProperty(name = "platform.sms.code-pepper")
  String pepper;

  private final Clock clock = Clock.systemUTC();
  private final SmsCodePolicy policy = SmsCodePolicy.STANDARD;
  private CodeHasher hasher;

  @PostConstruct
  void init() {
    hasher = new CodeHasher(pepper);
  }

  /** The outcome of a check, with the wait before a new code can be sent when the code is dead. */
  public record Checked(CodeVerdict verdict, int remaining, long retryAfterSeconds) {

    /** Passes for an accepted code; otherwise the problem the client gets (400, or 429 when exhausted). */
    public void orThrow(String field) {
      switch (verdict) {
        case ACCEPTED -> { }
        case MISSING -> throw ProblemException.invalid(field, "code.missing",
            "验证码无效，请先获取短信验证码。", "No valid code: request an SMS code first.");
        case EXPIRED -> throw ProblemException.invalid(field, "code.expired",
            "验证码已过期，请重新获取。", "The code has expired: request a new one.");
        case WRONG -> throw ProblemException.invalid(field, "code.wrong",
            "验证码错误，还可尝试" + remaining + "次。", "Wrong code; " + remaining + " tries left.");
        case EXHAUSTED -> throw new ProblemException("sms-code-attempts", 429,
            LocalizedText.of("尝试次数过多", "Too many tries"),
            LocalizedText.of("验证码已连续输错" + SmsCodePolicy.STANDARD.maxAttempts() + "次，该验证码已失效。请在"
                    + Limit.describeWait(retryAfterSeconds).zh() + "后重新获取验证码。",
                "The code was wrong " + SmsCodePolicy.STANDARD.maxAttempts() + " times and is now locked. Request a new one in "
                    + Limit.describeWait(retryAfterSeconds).en() + "."),
            List.of(new Problem.InvalidField(field, "code.exhausted", "验证码错误次数过多，已失效。",
                "Too many wrong tries: the code is locked.")),
            retryAfterSeconds);
        case LOCKED -> throw new ProblemException("sms-code-locked", 429,
            LocalizedText.of("验证码已失效", "Code locked"),
            LocalizedText.of("该验证码因输错次数过多已失效，即使输入正确也无法使用。请重新获取验证码"
                    + (retryAfterSeconds > 1 ? "（" + Limit.describeWait(retryAfterSeconds).zh() + "后可获取）" : "") + "。",
                "This code was locked after too many wrong tries and no longer works, even when right. Request a new code"
                    + (retryAfterSeconds > 1 ? " (possible in " + Limit.describeWait(retryAfterSeconds).en() + ")" : "") + "."),
            List.of(new Problem.InvalidField(field, "code.locked", "验证码已失效，请重新获取。",
                "The code is locked: request a new one.")),
            retryAfterSeconds);
      }
    }
  }

  /**
   * Sends a new code for {@code purpose} to {@code phone}, or answers 429 with {@code Retry-After} when
   * a limit of the number or of {@code clientAddress} (where the request came from) is reached. When
   * {@code deliver} is false the send is counted but nothing is stored or sent (recovery for a number
   * without an account: the answer must not tell).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void send(String tenant, LocalizedText tenantName, String phone, SmsPurpose purpose, boolean deliver,
      String clientAddress) {
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection()) {
      limits.lock(c, LimitScope.SMS_NUMBER, phone);
      OptionalLong wait = limits.retryAfter(c, LimitScope.SMS_NUMBER, phone, now);
      if (wait.isPresent()) {
        throw limits.tooOften(LimitScope.SMS_NUMBER, wait.getAsLong());
      }
      if (clientAddress != null) {
        limits.lock(c, LimitScope.SMS_ADDRESS, clientAddress);
        wait = limits.retryAfter(c, LimitScope.SMS_ADDRESS, clientAddress, now);
        if (wait.isPresent()) {
          throw limits.tooOften(LimitScope.SMS_ADDRESS, wait.getAsLong());
        }
        limits.record(c, LimitScope.SMS_ADDRESS, clientAddress, now);
      }
      limits.record(c, LimitScope.SMS_NUMBER, phone, now);
      if (!deliver) {
        return;
      }
      String code = CodeHasher.newCode(policy.digits());
      try (PreparedStatement ps = c.prepareStatement(
          "insert into sms_code (phone, purpose, code_hash, attempts, created_at, expires_at)"
              + " values (?, ?, ?, 0, ?, ?)")) {
        ps.setString(1, phone);
        ps.setString(2, purpose.name());
        ps.setString(3, hasher.hash(phone, purpose.name(), code));
        ps.setObject(4, utc(now));
        ps.setObject(5, utc(now.plus(policy.validity())));
        ps.executeUpdate();
      }
      gateway.send(new SmsMessage(tenant, phone, "code." + purpose.name(),
          SmsTexts.text("code." + purpose.name(), tenantName.zh(), code)));
    } catch (SQLException e) {
      throw new IllegalStateException("could not send an SMS code", e);
    }
  }

  /**
   * A refused code inside a caller's transaction (see {@link #checkInTransaction}): the caller lists it in
   * {@code dontRollbackOn}, so the counted wrong try is committed and nothing else was written yet.
   */
  public static final class CodeRefused extends ProblemException {
    private static final long serialVersionUID = 1L;

    CodeRefused(ProblemException refusal) {
      super(refusal.kind(), refusal.status(), refusal.title(), refusal.detail(), refusal.errors(),
          refusal.retryAfterSeconds());
    }
  }

  /** Checks a code against the newest one sent to the number for the purpose, counting wrong tries. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Checked check(String phone, SmsPurpose purpose, String code) {
    return checkOn(phone, purpose, code);
  }

  /**
   * {@link #check} in the caller's transaction, on its connection (a second pooled connection held while
   * the caller holds one deadlocks a full pool, as the outbox did). Anything but an accepted code throws
   * {@link CodeRefused}; the caller must not roll back on it, so call this before the caller writes.
   */
  @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = CodeRefused.class)
  public void checkInTransaction(String phone, SmsPurpose purpose, String code, String field) {
    try {
      checkOn(phone, purpose, code).orThrow(field);
    } catch (CodeRefused e) {
      throw e;
    } catch (ProblemException e) {
      throw new CodeRefused(e);
    }
  }

  private Checked checkOn(String phone, SmsPurpose purpose, String code) {
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection()) {
      long id = 0;
      CodeCheck.StoredCode stored = null;
      try (PreparedStatement ps = c.prepareStatement(
          "select id, code_hash, attempts, expires_at, used_at from sms_code where phone = ? and purpose = ?"
              + " order by created_at desc, id desc limit 1 for update")) {
        ps.setString(1, phone);
        ps.setString(2, purpose.name());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            id = rs.getLong(1);
            OffsetDateTime used = rs.getObject(5, OffsetDateTime.class);
            stored = new CodeCheck.StoredCode(rs.getString(2), rs.getInt(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), used == null ? null : used.toInstant());
          }
        }
      }
      String submitted = code == null ? null : hasher.hash(phone, purpose.name(), code);
      CodeCheck.Result result = CodeCheck.judge(stored, submitted, now, policy);
      if (stored != null && result.verdict() == CodeVerdict.ACCEPTED) {
        update(c, "update sms_code set used_at = ? where id = ?", utc(now), id);
      } else if (stored != null && result.attempts() != stored.attempts()) {
        update(c, "update sms_code set attempts = ? where id = ?", result.attempts(), id);
      }
      long retryAfter = 0;
      if (result.verdict() == CodeVerdict.EXHAUSTED || result.verdict() == CodeVerdict.LOCKED) {
        retryAfter = limits.retryAfter(c, LimitScope.SMS_NUMBER, phone, now).orElse(1);
      }
      return new Checked(result.verdict(), result.remaining(), retryAfter);
    } catch (SQLException e) {
      throw new IllegalStateException("could not check an SMS code", e);
    }
  }

  private static void update(Connection c, String sql, Object value, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, value);
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
