package org.civicplatform.core.staff.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicplatform.core.audit.control.AuditTrail;
import org.civicplatform.core.identity.control.Caller;
import org.civicplatform.core.identity.control.DirectoryUser;
import org.civicplatform.core.identity.control.IdentityUnavailable;
import org.civicplatform.core.identity.control.KeycloakUsers;
import org.civicplatform.core.identity.control.NewUser;
import org.civicplatform.core.problems.Problem;
import org.civicplatform.core.problems.ProblemException;
import org.civicplatform.core.registration.control.PasswordRules;
import org.civicplatform.core.tenancy.control.Tenants;

/**
 * Reviewer accounts administered by their tenant's administrators (or a platform administrator): create,
 * give and take districts / departments / private schools (group membership, which becomes the
 * token's {@code scopes}), disable. A tenant admin never sees or touches a user of another tenant, nor
 * any administrator or parent: those answer 404.
 */
@RequestScoped
public class Staff {

  static final Map<String, String> KINDS = Map.of("district", "districts", "department", "departments", "school", "schools");
  static final Set<String> UNTOUCHABLE_ROLES = Set.of("tenant-admin", "platform-admin", "parent");

  @Inject Caller caller;
  @Inject Tenants tenants;
  @Inject org.civicplatform.core.schools.control.SchoolCatalog catalog;
  @Inject KeycloakUsers keycloak;
  @Inject AuditTrail audit;
  @Inject org.civicplatform.core.identity.control.StaffStanding standing;

  /** A new reviewer; {@code scopes} like {@code district:hq}. The password must be changed at first login. */
  public record NewReviewer(
      String username, String firstName, String lastName, String email, String temporaryPassword, List<String> scopes) {}

  /** A scope an administrator may give: {@code kind} district | department | school, its code and name. */
  public record ScopeOption(String kind, String code, org.civicplatform.spi.LocalizedText name) {}

  /**
   * What the staff form offers to pick from: the tenant's districts, the departments of its review stages
   * and its private schools (the 民办一阶段 stage), in that order.
   */
  public List<ScopeOption> scopeOptions(String tenant) {
    administer(tenant);
    List<ScopeOption> options = new ArrayList<>();
    catalog.districts(tenant).forEach(d -> options.add(new ScopeOption("district", d.code(), d.name())));
    departments(tenant).forEach((code, name) -> options.add(new ScopeOption("department", code, name)));
    catalog.schoolList(tenant).stream().filter(school -> !school.publicSchool())
        .forEach(school -> options.add(new ScopeOption("school", school.code(), school.name())));
    return options;
  }

  /** The departments the tenant's review stages go to, code → the first stage's name. */
  private Map<String, org.civicplatform.spi.LocalizedText> departments(String tenant) {
    Map<String, org.civicplatform.spi.LocalizedText> departments = new java.util.LinkedHashMap<>();
    tenants.require(tenant).reviewStages().stream()
        .filter(stage -> stage.scope() == org.civicplatform.spi.review.ScopeKind.DEPARTMENT && stage.scopeValue() != null)
        .forEach(stage -> departments.putIfAbsent(stage.scopeValue(), stage.name()));
    return departments;
  }

  /** A reviewer as administrators see them. */
  public record StaffView(
      String id, String username, String firstName, String lastName, boolean enabled, List<String> scopes) {}

  public List<StaffView> list(String tenant) {
    administer(tenant);
    List<String> ids = IdentityUnavailable.guard(() -> keycloak.idsWithRole("reviewer", 500));
    List<StaffView> staff = new ArrayList<>();
    for (String id : ids) {
      IdentityUnavailable.guard(() -> keycloak.user(id)).filter(u -> manageable(u, tenant))
          .ifPresent(u -> staff.add(view(u, tenant)));
    }
    return staff;
  }

  public StaffView get(String tenant, String userId) {
    administer(tenant);
    return view(target(tenant, userId), tenant);
  }

  public StaffView create(String tenant, NewReviewer input) {
    administer(tenant);
    List<Problem.InvalidField> errors = new ArrayList<>();
    if (input == null) {
      throw ProblemException.invalid("body", "required", "请填写审核人员信息。", "Send the reviewer's details.");
    }
    String username = input.username() == null ? null : input.username().strip().toLowerCase();
    if (username == null || !username.matches("[a-z][a-z0-9._-]{2,39}")) {
      errors.add(new Problem.InvalidField("username", "username.format",
          "用户名须为3至40位小写字母、数字或 . _ -，并以字母开头。",
          "The username needs 3 to 40 lower-case letters, digits or . _ -, starting with a letter."));
    }
    if (blank(input.lastName()) || blank(input.firstName())) {
      errors.add(new Problem.InvalidField("lastName", "name.required", "请填写姓名。", "Enter the first and last name."));
    }
    errors.addAll(PasswordRules.check("temporaryPassword", input.temporaryPassword(), username));
    List<String> paths = new ArrayList<>();
    for (String scope : input.scopes() == null ? List.<String>of() : input.scopes()) {
      String path = groupPath(tenant, scope);
      if (path == null) {
        errors.add(new Problem.InvalidField("scopes", "scope.format",
            "范围须为 district:<代码>、department:<代码> 或 school:<代码>。",
            "A scope is district:<code>, department:<code> or school:<code>."));
      } else if (!known(tenant, scope.split(":", 2)[0], scope.split(":", 2)[1], path)) {
        errors.add(unknownScope(scope));
      } else {
        paths.add(path);
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    paths.forEach(path -> IdentityUnavailable.run(() -> keycloak.ensureGroup(path))); // a school's group on first use
    NewUser user = new NewUser(username, input.firstName().strip(), input.lastName().strip(),
        blank(input.email()) ? null : input.email().strip(), input.temporaryPassword(), true,
        Map.of("tenant", List.of(tenant)), paths, "reviewer");
    String id = IdentityUnavailable.guard(() -> keycloak.create(user));
    audit.record(tenant, "staff.create", "staff", id);
    return get(tenant, id);
  }

  public void assign(String tenant, String userId, String kind, String code) {
    administer(tenant);
    target(tenant, userId);
    String path = path(tenant, kind, code);
    if (!known(tenant, kind, code, path)) {
      throw ProblemException.invalid(List.of(unknownScope(kind + ":" + code)));
    }
    IdentityUnavailable.run(() -> {
      keycloak.ensureGroup(path);
      keycloak.joinGroup(userId, path);
    });
    standing.forget(userId);
    audit.record(tenant, "staff.scope-assign", "staff-scope", userId + "/" + kind + "/" + code);
  }

  public void remove(String tenant, String userId, String kind, String code) {
    administer(tenant);
    target(tenant, userId);
    String path = path(tenant, kind, code);
    IdentityUnavailable.run(() -> keycloak.leaveGroup(userId, path));
    standing.forget(userId);
    audit.record(tenant, "staff.scope-remove", "staff-scope", userId + "/" + kind + "/" + code);
  }

  public void setEnabled(String tenant, String userId, boolean enabled) {
    administer(tenant);
    target(tenant, userId);
    IdentityUnavailable.run(() -> keycloak.setEnabled(userId, enabled));
    standing.forget(userId);
    audit.record(tenant, enabled ? "staff.enable" : "staff.disable", "staff", userId);
  }

  /** Platform admins everywhere; tenant admins in their own tenant only (404 elsewhere). */
  private void administer(String tenant) {
    tenants.require(tenant);
    boolean allowed = caller.hasRole("platform-admin")
        || (caller.hasRole("tenant-admin") && caller.tenants().contains(tenant));
    if (!allowed) {
      throw ProblemException.notFound("tenant", tenant);
    }
  }

  private DirectoryUser target(String tenant, String userId) {
    if (userId == null || !userId.matches("[0-9a-fA-F-]{36}")) {
      throw ProblemException.notFound("staff", userId);
    }
    return IdentityUnavailable.guard(() -> keycloak.user(userId))
        .filter(u -> manageable(u, tenant))
        .orElseThrow(() -> ProblemException.notFound("staff", userId));
  }

  static boolean manageable(DirectoryUser user, String tenant) {
    return user.realmRoles().contains("reviewer")
        && user.realmRoles().stream().noneMatch(UNTOUCHABLE_ROLES::contains)
        && user.ofTenantOnly(tenant);
  }

  static StaffView view(DirectoryUser user, String tenant) {
    String prefix = "/tenants/" + tenant + "/";
    List<String> scopes = new ArrayList<>();
    for (String path : user.groupPaths()) {
      if (path.startsWith(prefix)) {
        String[] parts = path.substring(prefix.length()).split("/");
        KINDS.forEach((kind, folder) -> {
          if (parts.length == 2 && parts[0].equals(folder)) {
            scopes.add(kind + ":" + parts[1]);
          }
        });
      }
    }
    scopes.sort(null);
    return new StaffView(user.id(), user.username(), user.firstName(), user.lastName(), user.enabled(), scopes);
  }

  /** {@code district:hq} → {@code /tenants/<tenant>/districts/hq}, or null when malformed. */
  static String groupPath(String tenant, String scope) {
    if (scope == null) {
      return null;
    }
    String[] parts = scope.split(":", 2);
    return parts.length == 2 ? pathOrNull(tenant, parts[0], parts[1]) : null;
  }

  /**
   * Whether the scope names something of the tenant: a school or district of its catalog or a department
   * of its review stages (the group is made on first use, so every stage can be staffed without editing
   * the realm), or a district or department group its realm already has.
   */
  private boolean known(String tenant, String kind, String code, String path) {
    boolean inReferenceData = switch (kind) {
      case "school" -> catalog.school(tenant, code).isPresent();
      case "district" -> catalog.district(tenant, code).isPresent();
      case "department" -> departments(tenant).containsKey(code);
      default -> false;
    };
    return inReferenceData || (!kind.equals("school") && IdentityUnavailable.guard(() -> keycloak.groupExists(path)));
  }

  private static Problem.InvalidField unknownScope(String scope) {
    return new Problem.InvalidField("scopes", "scope.unknown",
        "没有这个负责范围：" + scope + "（请从列表中选择区镇、部门或学校）。",
        "No such scope: " + scope + " (choose a district, department or school of this tenant).");
  }

  static String path(String tenant, String kind, String code) {
    String path = pathOrNull(tenant, kind, code);
    if (path == null) {
      throw ProblemException.notFound("scope", kind + ":" + code);
    }
    return path;
  }

  private static String pathOrNull(String tenant, String kind, String code) {
    String folder = KINDS.get(kind);
    if (folder == null || code == null || !code.matches("[a-z0-9][a-z0-9-]{0,59}")) {
      return null;
    }
    return "/tenants/" + tenant + "/" + folder + "/" + code;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
