package org.civicplatform.core.registration.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicplatform.core.audit.control.AuditTrail;
import org.civicplatform.core.identity.control.Caller;
import org.civicplatform.core.identity.control.ClientAddress;
import org.civicplatform.core.identity.control.IdentityUnavailable;
import org.civicplatform.core.identity.control.KeycloakUsers;
import org.civicplatform.core.identity.control.NewUser;
import org.civicplatform.core.notifications.NotificationGateway;
import org.civicplatform.core.notifications.SmsMessage;
import org.civicplatform.core.problems.Problem;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.core.registration.control.ParentAccounts;
import org.civicplatform.core.registration.control.ParentAccounts.Account;
import org.civicplatform.core.registration.control.PasswordRules;
import org.civicplatform.core.registration.control.LimitScope;
import org.civicplatform.core.registration.control.RegistrationNumbers;
import org.civicplatform.core.registration.control.RequestLimits;
import org.civicplatform.core.registration.control.SmsCodePolicy;
import org.civicplatform.core.registration.control.SmsCodes;
import org.civicplatform.core.registration.control.SmsPurpose;
import org.civicplatform.core.registration.control.SmsTexts;
import org.civicplatform.core.tenancy.control.Tenants;
import org.civicplatform.spi.TenantModule;
import org.civicplatform.spi.rules.checks.MobileNumbers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Parents' self-registration with a mobile number (seed 000 §2, 注册 / 找回报名号和密码), for tenants
 * whose {@code parentIdentity()} allows it: SMS code → Keycloak user (username = the number, group
 * {@code /tenants/<tenant>}, role {@code parent}, attributes) → registration number by SMS. One number,
 * one account. Codes are limited per number and per client address, sign-up and recovery attempts per
 * client address ({@link RequestLimits}; 429 with {@code Retry-After}). Each step commits on its own (codes count their tries even when a request fails); a
 * Keycloak user whose account row cannot be stored is removed again.
 */
@RequestScoped
public class Registrations {

  @Inject Tenants tenants;
  @Inject SmsCodes codes;
  @Inject ParentAccounts accounts;
  @Inject KeycloakUsers keycloak;
  @Inject NotificationGateway gateway;
  @Inject Caller caller;
  @Inject AuditTrail audit;
  @Inject RequestLimits limits;
  @Inject ClientAddress client;

  @Inject
  @ConfigProperty(name = "platform.school-year", defaultValue = "2024")
  int schoolYear;

  private final Clock clock = Clock.systemUTC();

  /** Ask for an SMS code: {@code purpose} is {@code register} or {@code recover}. */
  public record CodeRequest(String mobile, String purpose) {}

  /** Register: mobile number, password and the SMS code sent for {@code register}. */
  public record Registration(String mobile, String password, String code) {}

  /** Recover the registration number (and, with {@code newPassword}, reset the password). */
  public record Recovery(String mobile, String code, String newPassword) {}

  /** Ask for the codes to change the phone number. */
  public record PhoneCodeRequest(String newMobile) {}

  /** Change the phone number with the codes sent to the current and the new number. */
  public record PhoneChange(String newMobile, String oldCode, String newCode) {}

  /** A code was sent (or, for an unknown number in recovery, silently not). */
  public record CodeSent(String mobile, long expiresInSeconds, long resendAfterSeconds) {}

  /** The account as its owner may see it. */
  public record AccountView(String username, String registrationNumber, String mobile) {}

  public CodeSent sendCode(String tenant, CodeRequest request) {
    TenantModule module = registering(tenant);
    String purposeText = request == null ? null : request.purpose();
    SmsPurpose purpose = "register".equals(purposeText) ? SmsPurpose.REGISTER
        : "recover".equals(purposeText) ? SmsPurpose.RECOVER : null;
    List<Problem.InvalidField> errors = new ArrayList<>();
    String mobile = mobile("mobile", request == null ? null : request.mobile(), errors);
    if (purpose == null) {
      errors.add(new Problem.InvalidField("purpose", "purpose.unknown",
          "请说明验证码用途（register 或 recover）。", "Give the purpose: register or recover."));
    }
    throwIfAny(errors);
    boolean hasAccount = accounts.byPhone(mobile).isPresent();
    if (purpose == SmsPurpose.REGISTER && hasAccount) {
      throw numberTaken();
    }
    codes.send(tenant, module.name(), mobile, purpose, purpose == SmsPurpose.REGISTER || hasAccount, client.forLimits());
    return sent(mobile);
  }

  public AccountView register(String tenant, Registration request) {
    TenantModule module = registering(tenant);
    limits.take(LimitScope.SIGN_UP_ADDRESS, client.forLimits());
    List<Problem.InvalidField> errors = new ArrayList<>();
    String mobile = mobile("mobile", request == null ? null : request.mobile(), errors);
    if (request != null) {
      errors.addAll(PasswordRules.check("password", request.password(), mobile));
    }
    String code = code("code", request == null ? null : request.code(), errors);
    throwIfAny(errors);
    if (accounts.byPhone(mobile).isPresent()) {
      throw numberTaken();
    }
    codes.check(mobile, SmsPurpose.REGISTER, code).orThrow("code");
    if (IdentityUnavailable.guard(() -> keycloak.idOf(mobile)).isPresent()) {
      throw numberTaken();
    }
    String number = RegistrationNumbers.format(
        module.parentIdentity().registrationNumberPrefix(), schoolYear, accounts.nextSequence());
    NewUser user = new NewUser(mobile, null, null, null, request.password(), false,
        Map.of("tenant", List.of(tenant), "phone_number", List.of(mobile), "registration_number", List.of(number)),
        List.of("/tenants/" + tenant), "parent");
    String userId;
    try {
      userId = IdentityUnavailable.guard(() -> keycloak.create(user));
    } catch (ProblemException e) {
      throw "account-exists".equals(e.kind()) ? numberTaken() : e;
    }
    if (!accounts.insert(new Account(userId, tenant, mobile, number), clock.instant())) {
      IdentityUnavailable.run(() -> keycloak.delete(userId));
      throw numberTaken();
    }
    audit.record(tenant, userId, "parent", "account.register", "account", userId, null);
    gateway.send(new SmsMessage(tenant, mobile, "registered",
        SmsTexts.text("registered", module.name().zh(), number)));
    return new AccountView(mobile, number, mobile);
  }

  public AccountView recover(String tenant, Recovery request) {
    TenantModule module = registering(tenant);
    limits.take(LimitScope.RECOVERY_ADDRESS, client.forLimits());
    List<Problem.InvalidField> errors = new ArrayList<>();
    String mobile = mobile("mobile", request == null ? null : request.mobile(), errors);
    String code = code("code", request == null ? null : request.code(), errors);
    String newPassword = request == null ? null : request.newPassword();
    if (newPassword != null) {
      errors.addAll(PasswordRules.check("newPassword", newPassword, mobile));
    }
    throwIfAny(errors);
    codes.check(mobile, SmsPurpose.RECOVER, code).orThrow("code");
    // a code for RECOVER is only ever sent to a number with an account
    Account account = accounts.byPhone(mobile).filter(a -> a.tenant().equals(tenant))
        .orElseThrow(() -> ProblemException.notFound("account", mobile));
    audit.record(tenant, account.userId(), "parent", newPassword == null ? "account.recover" : "account.password-reset",
        "account", account.userId(), null);
    if (newPassword != null) {
      IdentityUnavailable.run(() -> keycloak.resetPassword(account.userId(), newPassword, false));
      gateway.send(new SmsMessage(tenant, mobile, "password-reset", SmsTexts.text("password-reset", module.name().zh())));
    }
    gateway.send(new SmsMessage(tenant, mobile, "recovered",
        SmsTexts.text("recovered", module.name().zh(), account.registrationNumber())));
    return new AccountView(mobile, account.registrationNumber(), mobile);
  }

  /** Sends one code to the current number and one to the new number. */
  public CodeSent sendPhoneCodes(String tenant, PhoneCodeRequest request) {
    TenantModule module = registering(tenant);
    Account account = own(tenant);
    List<Problem.InvalidField> errors = new ArrayList<>();
    String newMobile = mobile("newMobile", request == null ? null : request.newMobile(), errors);
    throwIfAny(errors);
    if (newMobile.equals(account.phone())) {
      throw ProblemException.invalid("newMobile", "mobile.same", "新手机号与当前手机号相同。", "The new number is the current one.");
    }
    // another family's login number (an account row, or a Keycloak user of that name without one, such as an
    // account made by an administrator): refused before anything is sent to that family's phone
    if (numberInUse(newMobile)) {
      throw numberTaken();
    }
    codes.send(tenant, module.name(), newMobile, SmsPurpose.PHONE_NEW, true, client.forLimits());
    codes.send(tenant, module.name(), account.phone(), SmsPurpose.PHONE_OLD, true, client.forLimits());
    return sent(newMobile);
  }

  public AccountView changePhone(String tenant, PhoneChange request) {
    TenantModule module = registering(tenant);
    Account account = own(tenant);
    List<Problem.InvalidField> errors = new ArrayList<>();
    String newMobile = mobile("newMobile", request == null ? null : request.newMobile(), errors);
    String oldCode = code("oldCode", request == null ? null : request.oldCode(), errors);
    String newCode = code("newCode", request == null ? null : request.newCode(), errors);
    throwIfAny(errors);
    codes.check(account.phone(), SmsPurpose.PHONE_OLD, oldCode).orThrow("oldCode");
    codes.check(newMobile, SmsPurpose.PHONE_NEW, newCode).orThrow("newCode");
    if (numberInUse(newMobile) || !accounts.changePhone(account.userId(), newMobile, clock.instant())) {
      throw numberTaken();
    }
    try {
      IdentityUnavailable.run(() -> keycloak.changeUsernameAndPhone(account.userId(), newMobile));
    } catch (RuntimeException e) {
      accounts.changePhone(account.userId(), account.phone(), clock.instant());
      throw e;
    }
    audit.record(tenant, "account.phone-change", "account", account.userId());
    String text = SmsTexts.text("phone-changed", module.name().zh(), MobileNumbers.mask(newMobile));
    gateway.send(new SmsMessage(tenant, account.phone(), "phone-changed", text));
    gateway.send(new SmsMessage(tenant, newMobile, "phone-changed", text));
    return new AccountView(newMobile, account.registrationNumber(), newMobile);
  }

  /** Whether a mobile number is someone's login: an account row of any tenant or a Keycloak username. */
  private boolean numberInUse(String mobile) {
    return accounts.byPhone(mobile).isPresent() || IdentityUnavailable.guard(() -> keycloak.idOf(mobile)).isPresent();
  }

  /** The caller's own registered account in the tenant (404 when they registered elsewhere or not at all). */
  private Account own(String tenant) {
    if (caller.userId() == null || !caller.belongsTo(tenant)) {
      throw ProblemException.notFound("account", tenant);
    }
    return accounts.byUser(tenant, caller.userId()).orElseThrow(() -> ProblemException.notFound("account", tenant));
  }

  private TenantModule registering(String tenant) {
    TenantModule module = tenants.require(tenant);
    if (!module.parentIdentity().phoneRegistration()) {
      throw new ProblemException("registration-not-offered", 404,
          org.civicplatform.spi.LocalizedText.of("不支持手机号注册", "No registration here"),
          org.civicplatform.spi.LocalizedText.of("「" + module.name().zh() + "」不通过手机号注册账号，请通过指定的统一身份认证登录。",
              "\"" + module.name().en() + "\" has no mobile-number registration: sign in with its identity provider."));
    }
    return module;
  }

  private CodeSent sent(String mobile) {
    return new CodeSent(MobileNumbers.mask(mobile), SmsCodePolicy.STANDARD.validity().toSeconds(), limits.resendAfterSeconds());
  }

  static ProblemException numberTaken() {
    return ProblemException.conflict("mobile-already-registered",
        "该手机号已注册，一个手机号码只能注册一次。请直接登录，或通过“找回报名号和密码”找回。",
        "This mobile number is already registered (one number, one account). Sign in, or recover the registration number and password.");
  }

  static String mobile(String field, String raw, List<Problem.InvalidField> errors) {
    var error = MobileNumbers.check(field, raw);
    error.ifPresent(e -> errors.add(new Problem.InvalidField(e.field(), e.code(), e.message().zh(), e.message().en())));
    return error.isPresent() ? null : MobileNumbers.normalise(raw);
  }

  static String code(String field, String raw, List<Problem.InvalidField> errors) {
    String code = raw == null ? null : raw.strip();
    if (code == null || !code.matches("\\d{6}")) {
      errors.add(new Problem.InvalidField(field, "code.format", "请输入6位短信验证码。", "Enter the 6-digit SMS code."));
      return null;
    }
    return code;
  }

  static void throwIfAny(List<Problem.InvalidField> errors) {
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }
}
