package org.civicplatform.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Checks the Keycloak realm files as plain JSON: the demo realm is the production realm plus test
 * fixtures, and the claims, roles and scopes the platform relies on are wired as documented in the
 * module README. The live behaviour (import, tokens, Admin API) was checked against Keycloak 26.4.
 */
class RealmFilesTest {

  private static final String PRODUCTION = "/realms/production/civic-realm.json";
  private static final String DEMO = "/realms/demo/civic-realm.json";
  private static final String IXIAMEN = "/realms/demo/ixiamen-realm.json";

  private static final String DEMO_PASSWORD = "Demo#2024";
  private static final Set<String> CLIENTS_WITH_SECRET = Set.of("civic-admin-agent");
  private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*}");
  private static final List<String> PLATFORM_ROLES =
      List.of("parent", "reviewer", "tenant-admin", "platform-admin");
  private static final List<String> PLATFORM_ATTRIBUTES =
      List.of("tenant", "registration_number", "real_name_level", "phone_number");
  private static final Map<String, String> CONTAINER_KINDS =
      Map.of("districts", "district", "departments", "department", "schools", "school");

  private final JsonObject production = load(PRODUCTION);
  private final JsonObject demo = load(DEMO);
  private final JsonObject ixiamen = load(IXIAMEN);

  @Test
  void demoRealmEqualsProductionExceptTheTestClientTheDemoUsersAndTheSecrets() {
    assertEquals(comparable(production), comparable(demo));
  }

  @Test
  void productionHasNoPeopleOnlyTheAdminAgentServiceAccount() {
    List<String> accounts =
        users(production).stream().map(u -> u.getString("username")).toList();
    assertEquals(List.of("service-account-civic-admin-agent"), accounts);
    users(production)
        .forEach(u -> assertEquals("civic-admin-agent", u.getString("serviceAccountClientId")));
  }

  @Test
  void productionHasNoTestClientAndNoClientWithDirectAccessGrants() {
    assertTrue(client(production, "civic-test").isEmpty());
    assertFalse(client(production, "admin-cli").orElseThrow().getBoolean("enabled"),
        "the built-in admin-cli would otherwise accept passwords in this realm");
    for (JsonObject client : clients(production)) {
      assertFalse(
          client.getBoolean("directAccessGrantsEnabled", false),
          client.getString("clientId") + " allows direct access grants");
      assertFalse(client.getBoolean("implicitFlowEnabled", false));
    }
  }

  @Test
  void productionSecretsAreEnvironmentPlaceholdersAndDemoSecretsAreFixed() {
    String productionAgent = client(production, "civic-admin-agent").orElseThrow().getString("secret");
    String productionBroker = ixiamenProvider(production).getJsonObject("config").getString("clientSecret");
    assertTrue(ENV_PLACEHOLDER.matcher(productionAgent).matches(), productionAgent);
    assertTrue(ENV_PLACEHOLDER.matcher(productionBroker).matches(), productionBroker);

    String demoAgent = client(demo, "civic-admin-agent").orElseThrow().getString("secret");
    String demoBroker = ixiamenProvider(demo).getJsonObject("config").getString("clientSecret");
    assertFalse(demoAgent.contains("${"));
    assertEquals(client(ixiamen, "civic-broker").orElseThrow().getString("secret"), demoBroker);
    for (JsonObject client : clients(production)) {
      String id = client.getString("clientId");
      if (client.containsKey("secret") && !CLIENTS_WITH_SECRET.contains(id)) {
        fail(id + " must not carry a secret in the file");
      }
    }
  }

  @Test
  void everyDemoUserHasItsRolesGroupsAndAttributes() {
    Map<String, Expectation> expected = new LinkedHashMap<>();
    expected.put("13800000001", new Expectation("parent", List.of("/tenants/kunshan"),
        Map.of("registration_number", "ES2024000001", "phone_number", "13800000001")));
    expected.put("13800000002", new Expectation("parent", List.of("/tenants/kunshan"),
        Map.of("registration_number", "ES2024000002", "phone_number", "13800000002")));
    expected.put("siming-parent", new Expectation("parent", List.of("/tenants/siming"),
        Map.of("real_name_level", "初级", "phone_number", "13900000003")));
    expected.put("siming-unverified", new Expectation("parent", List.of("/tenants/siming"),
        Map.of("phone_number", "13900000004")));
    expected.put("ks-window-huaqiao", new Expectation("reviewer",
        List.of("/tenants/kunshan/districts/hq"), Map.of("tenant", "kunshan")));
    expected.put("ks-window-multi", new Expectation("reviewer",
        List.of("/tenants/kunshan/districts/gxq", "/tenants/kunshan/districts/lj"), Map.of("tenant", "kunshan")));
    expected.put("ks-dept-housing", new Expectation("reviewer",
        List.of("/tenants/kunshan/departments/real-estate"), Map.of("tenant", "kunshan")));
    expected.put("sm-reviewer", new Expectation("reviewer",
        List.of("zhonghua", "xiagang", "gulangyu", "lujiang", "kaiyuan", "wucun", "yundang",
                "lianqian", "jialian", "binhai").stream()
            .map(street -> "/tenants/siming/districts/" + street).toList(),
        // reviewers carry their tenant, as the staff the admin console creates do: one stays manageable
        // after its last district is taken away
        Map.of("tenant", "siming")));
    expected.put("ks-admin", new Expectation("tenant-admin", List.of("/tenants/kunshan"), Map.of()));
    expected.put("sm-admin", new Expectation("tenant-admin", List.of("/tenants/siming"), Map.of()));
    expected.put("platform-admin", new Expectation("platform-admin", List.of(), Map.of()));

    List<JsonObject> people = users(demo).stream()
        .filter(u -> !u.containsKey("serviceAccountClientId")).toList();
    assertEquals(expected.keySet(), people.stream().map(u -> u.getString("username"))
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
    for (JsonObject user : people) {
      Expectation want = expected.get(user.getString("username"));
      assertEquals(List.of(want.role()), strings(user.getJsonArray("realmRoles")), user.toString());
      assertEquals(want.groups(), strings(user.getJsonArray("groups")), user.toString());
      Map<String, String> attributes = new LinkedHashMap<>();
      user.getJsonObject("attributes").forEach((name, values) ->
          attributes.put(name, strings(values.asJsonArray()).get(0)));
      assertEquals(want.attributes(), attributes, user.getString("username"));
      assertHasDemoPassword(user);
    }
  }

  @Test
  void everyGroupPathTheRealmReferencesExists() {
    Set<String> paths = groupPaths(production.getJsonArray("groups"), "");
    users(demo).forEach(u -> strings(array(u, "groups"))
        .forEach(path -> assertTrue(paths.contains(path), path)));
    mappers(production, "oidc-hardcoded-group-idp-mapper").forEach(m ->
        assertTrue(paths.contains(m.getJsonObject("config").getString("group"))));
    Set<String> roles = realmRoles(production);
    mappers(production, "oidc-hardcoded-role-idp-mapper").forEach(m ->
        assertTrue(roles.contains(m.getJsonObject("config").getString("role"))));
    assertTrue(paths.containsAll(List.of("/tenants/kunshan/districts/hq",
        "/tenants/kunshan/departments/real-estate", "/tenants/kunshan/schools",
        "/tenants/siming/districts/zhonghua")));
  }

  @Test
  void everyScopeGroupCarriesTheScopeStringOfItsPathAndEveryTenantGroupItsTenant() {
    JsonObject tenants = production.getJsonArray("groups").getValuesAs(JsonObject.class).stream()
        .filter(g -> g.getString("name").equals("tenants")).findFirst().orElseThrow();
    assertFalse(tenants.getJsonObject("attributes").containsKey("scopes"));
    int leaves = 0;
    for (JsonObject tenant : subGroups(tenants)) {
      String tenantId = tenant.getString("name");
      assertEquals(List.of(tenantId), strings(tenant.getJsonObject("attributes").getJsonArray("tenant")));
      assertFalse(tenant.getJsonObject("attributes").containsKey("scopes"), tenantId);
      for (JsonObject container : subGroups(tenant)) {
        String kind = CONTAINER_KINDS.get(container.getString("name"));
        assertTrue(kind != null, "unknown container " + container.getString("name"));
        assertFalse(container.getJsonObject("attributes").containsKey("scopes"));
        for (JsonObject leaf : subGroups(container)) {
          String scope = tenantId + ":" + kind + ":" + leaf.getString("name");
          assertEquals(List.of(scope), strings(leaf.getJsonObject("attributes").getJsonArray("scopes")));
          assertFalse(leaf.getString("description", "").isBlank(), scope + " has no Chinese name");
          leaves++;
        }
      }
    }
    assertEquals(12 + 8 + 10, leaves, "Kunshan districts + departments, Siming streets");
  }

  @Test
  void bruteForceDetectionIsOnInEveryRealm() {
    for (JsonObject realm : List.of(production, demo, ixiamen)) {
      assertTrue(realm.getBoolean("bruteForceProtected"), realm.getString("realm"));
      assertFalse(realm.getBoolean("permanentLockout"));
    }
  }

  @Test
  void everyRealmLocksAUserAfterFiveFailuresForAGrowingWaitOfAtMostFifteenMinutes() {
    for (JsonObject realm : List.of(production, demo, ixiamen)) {
      String name = realm.getString("realm");
      assertEquals(5, realm.getInt("failureFactor"), name);
      assertEquals(60, realm.getInt("waitIncrementSeconds"), name);
      assertEquals(900, realm.getInt("maxFailureWaitSeconds"), name);
      assertEquals(60, realm.getInt("minimumQuickLoginWaitSeconds"), name);
      assertEquals(1000, realm.getInt("quickLoginCheckMilliSeconds"), name);
      assertEquals(43200, realm.getInt("maxDeltaTimeSeconds"), name + ": failures are forgotten after 12 h");
    }
  }

  @Test
  void everyRealmDefaultsToSimplifiedChineseAndSupportsEnglish() {
    for (JsonObject realm : List.of(production, demo, ixiamen)) {
      assertTrue(realm.getBoolean("internationalizationEnabled"));
      assertEquals("zh-CN", realm.getString("defaultLocale"));
      assertEquals(Set.of("zh-CN", "en"), Set.copyOf(strings(realm.getJsonArray("supportedLocales"))));
    }
  }

  @Test
  void realmRequiresTlsForExternalRequestsAndLoginByUsernameOnly() {
    assertEquals("external", production.getString("sslRequired"));
    assertFalse(production.getBoolean("loginWithEmailAllowed"));
    assertFalse(production.getBoolean("registrationAllowed"));
    assertTrue(production.getInt("accessTokenLifespan") <= 300);
    assertEquals(Set.copyOf(PLATFORM_ROLES), realmRoles(production));
  }

  @Test
  void demoPasswordSatisfiesThePasswordPolicyOfEveryRealm() {
    String civicPolicy = production.getString("passwordPolicy");
    users(demo).stream().filter(u -> !u.containsKey("serviceAccountClientId"))
        .forEach(u -> assertSatisfiesPolicy(civicPolicy, DEMO_PASSWORD, u.getString("username")));
    for (JsonObject user : users(ixiamen)) {
      assertHasDemoPassword(user);
      assertSatisfiesPolicy(ixiamen.getString("passwordPolicy"), DEMO_PASSWORD, user.getString("username"));
    }
  }

  @Test
  void userProfileDeclaresThePlatformAttributesEditableByAdminsOnly() {
    JsonObject profile = userProfile(production);
    for (String name : PLATFORM_ATTRIBUTES) {
      JsonObject attribute = profileAttribute(profile, name)
          .orElseThrow(() -> new AssertionError(name + " is not declared"));
      assertEquals(List.of("admin"), strings(attribute.getJsonObject("permissions").getJsonArray("edit")), name);
      assertFalse(attribute.containsKey("required"), name);
    }
    assertTrue(profileAttribute(profile, "scopes").isEmpty(), "scopes must only come from groups");
    assertFalse(profile.containsKey("unmanagedAttributePolicy"));
    for (String name : List.of("email", "firstName", "lastName")) {
      assertFalse(profileAttribute(profile, name).orElseThrow().containsKey("required"),
          name + " must be optional: parents register with a mobile number only");
    }
  }

  @Test
  void browserAndTestClientsPutThePlatformClaimsIntoTheAccessToken() {
    JsonObject web = client(production, "civic-web").orElseThrow();
    Map<String, String> claims = new LinkedHashMap<>();
    for (JsonObject mapper : web.getJsonArray("protocolMappers").getValuesAs(JsonObject.class)) {
      JsonObject config = mapper.getJsonObject("config");
      assertEquals("true", config.getString("access.token.claim"), mapper.getString("name"));
      if (config.containsKey("claim.name")) {
        claims.put(config.getString("claim.name"), mapper.getString("protocolMapper"));
      } else {
        claims.put("aud:" + config.getString("included.client.audience"), mapper.getString("protocolMapper"));
      }
    }
    assertEquals(Map.of(
        "groups", "oidc-usermodel-realm-role-mapper",
        "tenant", "oidc-usermodel-attribute-mapper",
        "scopes", "oidc-usermodel-attribute-mapper",
        "scope_groups", "oidc-group-membership-mapper",
        "registration_number", "oidc-usermodel-attribute-mapper",
        "real_name_level", "oidc-usermodel-attribute-mapper",
        "phone_number", "oidc-usermodel-attribute-mapper",
        "aud:civic-api", "oidc-audience-mapper"), claims);
    JsonObject scopes = mapperNamed(web, "scopes");
    assertEquals("true", scopes.getJsonObject("config").getString("aggregate.attrs"));
    assertEquals("true", scopes.getJsonObject("config").getString("multivalued"));
    assertEquals("true", mapperNamed(web, "scope_groups").getJsonObject("config").getString("full.path"));
    assertTrue(client(production, "civic-api").isPresent());

    JsonObject test = client(demo, "civic-test").orElseThrow();
    assertEquals(web.getJsonArray("protocolMappers"), test.getJsonArray("protocolMappers"));
    assertEquals(web.getJsonArray("defaultClientScopes"), test.getJsonArray("defaultClientScopes"));
    assertEquals(roleScope(demo, "civic-web"), roleScope(demo, "civic-test"));
  }

  @Test
  void tokensCarryOnlyThePlatformRolesAsGroups() {
    for (String clientId : List.of("civic-web", "civic-api")) {
      assertFalse(client(production, clientId).orElseThrow().getBoolean("fullScopeAllowed"), clientId);
    }
    assertEquals(PLATFORM_ROLES, roleScope(production, "civic-web"));
  }

  @Test
  void webClientIsPublicWithAuthorizationCodeAndPkceS256Only() {
    JsonObject web = client(production, "civic-web").orElseThrow();
    assertTrue(web.getBoolean("publicClient"));
    assertTrue(web.getBoolean("standardFlowEnabled"));
    assertFalse(web.getBoolean("implicitFlowEnabled"));
    assertFalse(web.getBoolean("directAccessGrantsEnabled"));
    assertFalse(web.getBoolean("serviceAccountsEnabled"));
    assertEquals("S256", web.getJsonObject("attributes").getString("pkce.code.challenge.method"));
    assertEquals(List.of("${CIVIC_WEB_URL:http://localhost:8080}/*"), strings(web.getJsonArray("redirectUris")));
    assertEquals(List.of("${CIVIC_WEB_URL:http://localhost:8080}"), strings(web.getJsonArray("webOrigins")));
  }

  @Test
  void apiClientIsAnAudienceThatCannotObtainTokens() {
    JsonObject api = client(production, "civic-api").orElseThrow();
    assertFalse(api.getBoolean("publicClient"));
    for (String flow : List.of("standardFlowEnabled", "implicitFlowEnabled",
        "directAccessGrantsEnabled", "serviceAccountsEnabled")) {
      assertFalse(api.getBoolean(flow), flow);
    }
  }

  @Test
  void adminAgentIsAServiceAccountWithManageUsersAndViewRealmOnly() {
    JsonObject agent = client(production, "civic-admin-agent").orElseThrow();
    assertFalse(agent.getBoolean("publicClient"));
    assertTrue(agent.getBoolean("serviceAccountsEnabled"));
    assertFalse(agent.getBoolean("standardFlowEnabled"));
    assertFalse(agent.getBoolean("directAccessGrantsEnabled"));
    JsonObject account = users(production).get(0);
    assertEquals(List.of("manage-users", "view-realm"),
        strings(account.getJsonObject("clientRoles").getJsonArray("realm-management")));
    assertFalse(account.containsKey("realmRoles"));
  }

  @Test
  void ixiamenBrokerCopiesTheRealNameLevelAndMakesSimingParents() {
    JsonObject provider = ixiamenProvider(production);
    assertEquals("oidc", provider.getString("providerId"));
    assertEquals("civic-broker", provider.getJsonObject("config").getString("clientId"));
    JsonObject level = mappers(production, "oidc-user-attribute-idp-mapper").stream()
        .filter(m -> m.getJsonObject("config").getString("claim").equals("real_name_level"))
        .findFirst().orElseThrow();
    assertEquals("real_name_level", level.getJsonObject("config").getString("user.attribute"));
    assertEquals("FORCE", level.getJsonObject("config").getString("syncMode"));
    assertEquals("/tenants/siming", mappers(production, "oidc-hardcoded-group-idp-mapper").get(0)
        .getJsonObject("config").getString("group"));
    assertEquals("parent", mappers(production, "oidc-hardcoded-role-idp-mapper").get(0)
        .getJsonObject("config").getString("role"));
  }

  @Test
  void ixiamenRealmIssuesTheRealNameLevelClaimToTheBrokerClient() {
    assertEquals("ixiamen", ixiamen.getString("realm"));
    JsonObject broker = client(ixiamen, "civic-broker").orElseThrow();
    assertFalse(broker.getBoolean("publicClient"));
    assertFalse(broker.getBoolean("directAccessGrantsEnabled"));
    assertEquals(List.of("${CIVIC_ISSUER:http://localhost:8180/realms/civic}/broker/ixiamen/endpoint"),
        strings(broker.getJsonArray("redirectUris")));
    JsonObject config = mapperNamed(broker, "real_name_level").getJsonObject("config");
    assertEquals("real_name_level", config.getString("claim.name"));
    for (String token : List.of("id.token.claim", "access.token.claim", "userinfo.token.claim")) {
      assertEquals("true", config.getString(token), token);
    }
    JsonObject declared = profileAttribute(userProfile(ixiamen), "real_name_level").orElseThrow();
    assertEquals(List.of("初级", "中级", "高级"), strings(declared.getJsonObject("validations")
        .getJsonObject("options").getJsonArray("options")));
    Map<String, JsonObject> byName = users(ixiamen).stream()
        .collect(Collectors.toMap(u -> u.getString("username"), u -> u));
    assertEquals(Set.of("ixm-parent", "ixm-unverified"), byName.keySet());
    assertEquals(List.of("初级"),
        strings(byName.get("ixm-parent").getJsonObject("attributes").getJsonArray("real_name_level")));
    assertFalse(byName.get("ixm-unverified").getJsonObject("attributes").containsKey("real_name_level"));
  }

  // --- comparison -------------------------------------------------------------------------

  /** The realm without what legitimately differs between demo and production. */
  private static JsonObject comparable(JsonObject realm) {
    JsonArrayBuilder clients = Json.createArrayBuilder();
    for (JsonObject client : clients(realm)) {
      if (client.getString("clientId").equals("civic-test")) {
        continue;
      }
      clients.add(client.containsKey("secret")
          ? Json.createObjectBuilder(client).add("secret", "<secret>").build() : client);
    }
    JsonArrayBuilder providers = Json.createArrayBuilder();
    for (JsonObject provider : realm.getJsonArray("identityProviders").getValuesAs(JsonObject.class)) {
      JsonObject config = Json.createObjectBuilder(provider.getJsonObject("config"))
          .add("clientSecret", "<secret>").build();
      providers.add(Json.createObjectBuilder(provider).add("config", config));
    }
    return Json.createObjectBuilder(realm)
        .add("clients", clients)
        .add("identityProviders", providers)
        .add("scopeMappings", filter(realm.getJsonArray("scopeMappings"),
            m -> !"civic-test".equals(m.getString("client", ""))))
        .add("users", filter(realm.getJsonArray("users"), u -> u.containsKey("serviceAccountClientId")))
        .build();
  }

  private static JsonArray filter(JsonArray array, Predicate<JsonObject> keep) {
    JsonArrayBuilder builder = Json.createArrayBuilder();
    array.getValuesAs(JsonObject.class).stream().filter(keep).forEach(builder::add);
    return builder.build();
  }

  // --- password policy --------------------------------------------------------------------

  private static void assertSatisfiesPolicy(String policy, String password, String username) {
    for (String rule : policy.split("\\s+and\\s+")) {
      String name = rule.replaceAll("\\(.*", "").trim();
      String arg = rule.contains("(") ? rule.replaceAll(".*\\((.*)\\).*", "$1") : "";
      int n = arg.matches("\\d+") ? Integer.parseInt(arg) : 1;
      boolean ok = switch (name) {
        case "length" -> password.length() >= n;
        case "digits" -> password.chars().filter(Character::isDigit).count() >= n;
        case "lowerCase" -> password.chars().filter(Character::isLowerCase).count() >= n;
        case "upperCase" -> password.chars().filter(Character::isUpperCase).count() >= n;
        case "specialChars" -> password.chars().filter(c -> !Character.isLetterOrDigit(c)).count() >= n;
        case "notUsername" -> !password.equalsIgnoreCase(username);
        case "passwordHistory" -> true;
        default -> throw new AssertionError("teach this test the policy " + name);
      };
      assertTrue(ok, username + ": " + rule);
    }
  }

  private static void assertHasDemoPassword(JsonObject user) {
    JsonObject credential = user.getJsonArray("credentials").getJsonObject(0);
    assertEquals("password", credential.getString("type"));
    assertEquals(DEMO_PASSWORD, credential.getString("value"));
    assertFalse(credential.getBoolean("temporary"));
  }

  // --- navigation -------------------------------------------------------------------------

  private static JsonObject load(String resource) {
    try (InputStream in = RealmFilesTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      try (JsonReader reader = Json.createReader(in)) {
        return reader.readObject();
      }
    } catch (IOException e) {
      throw new IllegalStateException(resource, e);
    }
  }

  private static List<JsonObject> clients(JsonObject realm) {
    return realm.getJsonArray("clients").getValuesAs(JsonObject.class);
  }

  private static Optional<JsonObject> client(JsonObject realm, String clientId) {
    return clients(realm).stream().filter(c -> c.getString("clientId").equals(clientId)).findFirst();
  }

  private static List<JsonObject> users(JsonObject realm) {
    return array(realm, "users").getValuesAs(JsonObject.class);
  }

  private static Set<String> realmRoles(JsonObject realm) {
    return realm.getJsonObject("roles").getJsonArray("realm").getValuesAs(JsonObject.class).stream()
        .map(r -> r.getString("name")).collect(Collectors.toSet());
  }

  private static List<String> roleScope(JsonObject realm, String clientId) {
    return realm.getJsonArray("scopeMappings").getValuesAs(JsonObject.class).stream()
        .filter(m -> clientId.equals(m.getString("client", "")))
        .map(m -> strings(m.getJsonArray("roles"))).findFirst().orElse(List.of());
  }

  private static JsonObject ixiamenProvider(JsonObject realm) {
    return realm.getJsonArray("identityProviders").getValuesAs(JsonObject.class).stream()
        .filter(p -> p.getString("alias").equals("ixiamen")).findFirst().orElseThrow();
  }

  private static List<JsonObject> mappers(JsonObject realm, String type) {
    return realm.getJsonArray("identityProviderMappers").getValuesAs(JsonObject.class).stream()
        .filter(m -> m.getString("identityProviderMapper").equals(type)).toList();
  }

  private static JsonObject mapperNamed(JsonObject client, String name) {
    return client.getJsonArray("protocolMappers").getValuesAs(JsonObject.class).stream()
        .filter(m -> m.getString("name").equals(name)).findFirst().orElseThrow();
  }

  private static JsonObject userProfile(JsonObject realm) {
    String config = realm.getJsonObject("components")
        .getJsonArray("org.keycloak.userprofile.UserProfileProvider").getJsonObject(0)
        .getJsonObject("config").getJsonArray("kc.user.profile.config").getString(0);
    try (JsonReader reader = Json.createReader(new StringReader(config))) {
      return reader.readObject();
    }
  }

  private static Optional<JsonObject> profileAttribute(JsonObject profile, String name) {
    return profile.getJsonArray("attributes").getValuesAs(JsonObject.class).stream()
        .filter(a -> a.getString("name").equals(name)).findFirst();
  }

  private static List<JsonObject> subGroups(JsonObject group) {
    return group.getJsonArray("subGroups").getValuesAs(JsonObject.class);
  }

  private static Set<String> groupPaths(JsonArray groups, String parent) {
    Set<String> paths = new TreeSet<>();
    for (JsonObject group : groups.getValuesAs(JsonObject.class)) {
      String path = parent + "/" + group.getString("name");
      paths.add(path);
      paths.addAll(groupPaths(group.getJsonArray("subGroups"), path));
    }
    return paths;
  }

  private static JsonArray array(JsonObject object, String key) {
    return object.containsKey(key) ? object.getJsonArray(key) : JsonValue.EMPTY_JSON_ARRAY;
  }

  private static List<String> strings(JsonArray array) {
    List<String> values = new ArrayList<>();
    array.getValuesAs(JsonString.class).forEach(s -> values.add(s.getString()));
    return values;
  }

  private record Expectation(String role, List<String> groups, Map<String, String> attributes) {}
}
