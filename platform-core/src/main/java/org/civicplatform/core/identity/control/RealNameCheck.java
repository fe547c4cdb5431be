package org.civicplatform.core.identity.control;

import java.util.Optional;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.identity.RealNameLevel;

/**
 * A tenant may require its parents to be verified to a minimum real-name level (实名认证等级, the
 * {@code real_name_level} claim a city portal vouches for). Staff are not parents and are never asked.
 */
public final class RealNameCheck {

  private RealNameCheck() {}

  /** The problem, if the caller acts as a parent of the tenant without the level it requires. */
  public static Optional<ProblemException> refusal(Caller caller, TenantModule tenant) {
    RealNameLevel required = tenant.parentIdentity().minimumRealNameLevel();
    if (required == null || !actsAsParent(caller)) {
      return Optional.empty();
    }
    Optional<RealNameLevel> held = RealNameLevel.ofClaim(caller.realNameLevel());
    if (held.isPresent() && held.get().satisfies(required)) {
      return Optional.empty();
    }
    String heldZh = held.map(RealNameLevel::label).orElse("未实名认证");
    String heldEn = held.map(l -> l.name().toLowerCase()).orElse("not verified");
    return Optional.of(new ProblemException("real-name-level-required", 403,
        LocalizedText.of("需要实名认证", "Real-name verification required"),
        LocalizedText.of(
            "办理「" + tenant.name().zh() + "」需要实名认证等级达到" + required.label() + "及以上（当前：" + heldZh
                + "）。请通过城市统一身份认证平台完成实名认证后重新登录。",
            "\"" + tenant.name().en() + "\" needs real-name verification at level " + required.label() + " ("
                + required.name().toLowerCase() + ") or higher (yours: " + heldEn
                + "). Verify your identity with the city portal, then sign in again.")));
  }

  /** Throws the refusal, if any. */
  public static void require(Caller caller, TenantModule tenant) {
    Optional<ProblemException> refusal = refusal(caller, tenant);
    if (refusal.isPresent()) {
      throw refusal.get();
    }
  }

  static boolean actsAsParent(Caller caller) {
    return caller.hasRole("parent")
        && !caller.hasRole("reviewer") && !caller.hasRole("tenant-admin") && !caller.hasRole("platform-admin");
  }
}
