package org.civicplatform.core.identity.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.civicplatform.core.problems.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The platform's only way into Keycloak's Admin API: the Keycloak Admin Client, signed in as the
 * {@code civic-admin-agent} service account (client credentials; {@code manage-users} + {@code
 * view-realm}), never with an administrator's password. Every call has a timeout and a circuit
 * breaker; the idempotent ones are retried. A 4xx from Keycloak is an answer, not a failure: it neither
 * opens the circuit nor is retried. Callers wrap calls in {@link IdentityUnavailable#guard}.
 *
 * <p>Only {@code parent} and {@code reviewer} are ever assigned by this class.
 */
@ApplicationScoped
@Timeout(value = 8, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 15, delayUnit = ChronoUnit.SECONDS,
    skipOn = {ClientErrorException.class, ProblemException.class})
public class KeycloakUsers {

  /** The realm roles this class may hand out. */
  static final List<String> ASSIGNABLE_ROLES = List.of("parent", "reviewer");

  @Inject
  @ConfigProperty(name = "keycloak.url")
  String keycloakUrl;

  @Inject
  @ConfigProperty(name = "keycloak.realm", defaultValue = "civic")
  String realmName;

  @Inject
  @ConfigProperty(name = "platform.keycloak.admin-agent.client-id", defaultValue = "civic-admin-agent")
  String clientId;

  @Inject
  @ConfigProperty(name = "platform.keycloak.admin-agent.secret")
  String secret;

  private volatile Keycloak keycloak;

  RealmResource realm() {
    Keycloak client = keycloak;
    if (client == null) {
      synchronized (this) {
        if (keycloak == null) {
          keycloak = KeycloakBuilder.builder().serverUrl(keycloakUrl).realm(realmName)
              .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(clientId).clientSecret(secret).build();
        }
        client = keycloak;
      }
    }
    return client.realm(realmName);
  }

  @PreDestroy
  void close() {
    if (keycloak != null) {
      keycloak.close();
    }
  }

  /** The user with exactly this username, if any. */
  @Retry(maxRetries = 2, delay = 200, abortOn = {ClientErrorException.class, ProblemException.class})
  public Optional<String> idOf(String username) {
    return realm().users().searchByUsername(username, true).stream()
        .filter(u -> username.equalsIgnoreCase(u.getUsername())).map(UserRepresentation::getId).findFirst();
  }

  /** A user with groups and direct realm roles; empty when the id is unknown. */
  @Retry(maxRetries = 2, delay = 200, abortOn = {ClientErrorException.class, ProblemException.class})
  public Optional<DirectoryUser> user(String id) {
    try {
      UserResource user = realm().users().get(id);
      UserRepresentation rep = user.toRepresentation();
      List<String> groups = user.groups().stream().map(GroupRepresentation::getPath).toList();
      var roles = user.roles().realmLevel().listAll().stream().map(RoleRepresentation::getName)
          .collect(Collectors.toSet());
      return Optional.of(new DirectoryUser(rep.getId(), rep.getUsername(), Boolean.TRUE.equals(rep.isEnabled()),
          rep.getFirstName(), rep.getLastName(), rep.getAttributes(), groups, roles));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Creates a user with password, attributes, groups and one realm role; answers its id. Not retried
   * (not idempotent). A taken username is a 409 problem; when a later step fails, the user is removed.
   */
  public String create(NewUser input) {
    if (!ASSIGNABLE_ROLES.contains(input.realmRole())) {
      throw new IllegalArgumentException("the platform never assigns " + input.realmRole());
    }
    RealmResource realm = realm();
    UserRepresentation rep = new UserRepresentation();
    rep.setUsername(input.username());
    rep.setFirstName(input.firstName());
    rep.setLastName(input.lastName());
    rep.setEmail(input.email());
    rep.setEnabled(true);
    rep.setAttributes(new HashMap<>(input.attributes()));
    CredentialRepresentation password = new CredentialRepresentation();
    password.setType(CredentialRepresentation.PASSWORD);
    password.setValue(input.password());
    password.setTemporary(input.temporaryPassword());
    rep.setCredentials(List.of(password));
    String id;
    try (Response response = realm.users().create(rep)) {
      if (response.getStatus() == 409) {
        throw ProblemException.conflict("account-exists",
            "该账号已存在。", "An account with this name already exists.");
      }
      if (response.getStatus() == 400) {
        throw ProblemException.invalid("password", "password.policy",
            "密码不符合要求，请更换密码。", "The password does not meet the policy: choose another.");
      }
      id = CreatedResponseUtil.getCreatedId(response);
    }
    try {
      for (String path : input.groupPaths()) {
        realm.users().get(id).joinGroup(realm.getGroupByPath(path).getId());
      }
      RoleRepresentation role = realm.roles().get(input.realmRole()).toRepresentation();
      realm.users().get(id).roles().realmLevel().add(List.of(role));
    } catch (RuntimeException e) {
      realm.users().delete(id).close();
      throw e;
    }
    return id;
  }

  /** Removes a user (compensation for a registration that failed later). */
  @Retry(maxRetries = 2, delay = 200, abortOn = {ClientErrorException.class, ProblemException.class})
  public void delete(String id) {
    realm().users().delete(id).close();
  }

  /** Sets a new, permanent password (or a temporary one). Keycloak's policy may refuse it: 400 problem. */
  public void resetPassword(String id, String newPassword, boolean temporary) {
    CredentialRepresentation password = new CredentialRepresentation();
    password.setType(CredentialRepresentation.PASSWORD);
    password.setValue(newPassword);
    password.setTemporary(temporary);
    try {
      realm().users().get(id).resetPassword(password);
    } catch (jakarta.ws.rs.BadRequestException e) {
      throw ProblemException.invalid("newPassword", "password.policy",
          "密码不符合要求（不能与最近使用过的密码相同），请更换密码。",
          "The password does not meet the policy (it must differ from recent ones): choose another.");
    }
  }

  /** Changes a parent's login name and {@code phone_number} to a new mobile number. 409 when taken. */
  public void changeUsernameAndPhone(String id, String phone) {
    UserResource user = realm().users().get(id);
    UserRepresentation rep = user.toRepresentation();
    rep.setUsername(phone);
    Map<String, List<String>> attributes = new HashMap<>(rep.getAttributes() == null ? Map.of() : rep.getAttributes());
    attributes.put("phone_number", List.of(phone));
    rep.setAttributes(attributes);
    try {
      user.update(rep);
    } catch (ClientErrorException e) {
      if (e.getResponse().getStatus() == 409) {
        throw ProblemException.conflict("phone-taken", "该手机号已注册账号。", "This mobile number already has an account.");
      }
      if (e.getResponse().getStatus() == 400) {
        // the realm keeps usernames read-only (editUsernameAllowed=false): the login name cannot follow
        throw ProblemException.conflict("phone-change-unavailable",
            "暂时无法更换登录手机号，请联系招生部门。",
            "The login phone number cannot be changed at the moment (the identity provider keeps usernames"
                + " fixed); contact the admissions office.");
      }
      throw e;
    }
  }

  /** Joins the group with this path (idempotent); 404 problem when there is no such group. */
  @Retry(maxRetries = 2, delay = 200, abortOn = {ClientErrorException.class, ProblemException.class})
  public void joinGroup(String id, String path) {
    realm().users().get(id).joinGroup(groupId(path));
  }

  /** Whether a group with this path exists. */
  @Retry(maxRetries = 2, delay = 200, abortOn = {ClientErrorException.class, ProblemException.class})
  public boolean groupExists(String path) {
    return exists(path);
  }

  /** Creates the group with this path under its parent, which must exist (idempotent). */
  @Retry(maxRetries = 2, delay = 200, abortOn = {ClientErrorException.class, ProblemException.class})
  public void ensureGroup(String path) {
    if (exists(path)) {
      return;
    }
    int slash = path.lastIndexOf('/');
    GroupRepresentation group = new GroupRepresentation();
    group.setName(path.substring(slash + 1));
    try (Response created = realm().groups().group(groupId(path.substring(0, slash))).subGroup(group)) {
      if (created.getStatus() != 201 && created.getStatus() != 409) { // 409: another node made it first
        throw new IllegalStateException("could not create the group " + path + ": HTTP " + created.getStatus());
      }
    }
  }

  private boolean exists(String path) {
    try {
      realm().getGroupByPath(path);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /** Leaves the group with this path (idempotent). */
  @Retry(maxRetries = 2, delay = 200, abortOn = {ClientErrorException.class, ProblemException.class})
  public void leaveGroup(String id, String path) {
    realm().users().get(id).leaveGroup(groupId(path));
  }

  /** Enables or disables a user (idempotent). */
  @Retry(maxRetries = 2, delay = 200, abortOn = {ClientErrorException.class, ProblemException.class})
  public void setEnabled(String id, boolean enabled) {
    UserResource user = realm().users().get(id);
    UserRepresentation rep = user.toRepresentation();
    rep.setEnabled(enabled);
    user.update(rep);
  }

  /** The users holding a realm role directly (at most {@code max}). */
  @Retry(maxRetries = 2, delay = 200, abortOn = {ClientErrorException.class, ProblemException.class})
  public List<String> idsWithRole(String role, int max) {
    return realm().roles().get(role).getUserMembers(0, max).stream().map(UserRepresentation::getId).toList();
  }

  private String groupId(String path) {
    try {
      return realm().getGroupByPath(path).getId();
    } catch (NotFoundException e) {
      throw ProblemException.notFound("group", path);
    }
  }
}
