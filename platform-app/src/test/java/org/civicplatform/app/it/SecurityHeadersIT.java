package org.civicplatform.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hardening headers on every class of answer the platform gives: the page, a script module, the
 * style sheet, a static 404, a public and an authenticated API answer, problem documents (401, 404) and a
 * document download (Payara's own /health, /metrics and /openapi are outside the WAR's filter). Each carries a Content-Security-Policy
 * without inline script or style that forbids framing, {@code nosniff} and {@code no-referrer}; every API
 * answer holding personal data is {@code no-store}.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityHeadersIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of());
  }

  @ArquillianResource URL base;

  /** The Keycloak origin the page's token requests go to. */
  static String keycloakOrigin() {
    return TestPlatform.get().keycloakUrl().replaceAll("/+$", "");
  }

  DocumentsIT documents() {
    DocumentsIT documents = new DocumentsIT();
    documents.base = base;
    return documents;
  }

  /** The headers every answer carries; returns the policy for further checks. */
  static String hardened(String what, HttpHeaders headers) {
    List<String> policies = headers.allValues("Content-Security-Policy");
    assertEquals(1, policies.size(), what + ": one policy " + policies);
    String policy = policies.get(0);
    assertTrue(policy.contains("frame-ancestors 'none'"), what + ": " + policy);
    assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), what + ": " + policy);
    assertEquals(List.of("nosniff"), headers.allValues("X-Content-Type-Options"), what);
    assertEquals(List.of("no-referrer"), headers.allValues("Referrer-Policy"), what);
    return policy;
  }

  /** The policy of our pages: scripts and styles from our origin only, Keycloak for the token calls. */
  static void pagePolicy(String what, String policy) {
    assertTrue(policy.contains("default-src 'self'"), what + ": " + policy);
    assertTrue(policy.contains("script-src 'self';"), what + ": " + policy);
    assertTrue(policy.contains("style-src 'self';"), what + ": " + policy);
    assertTrue(policy.contains("object-src 'none'"), what + ": " + policy);
    assertTrue(policy.contains("connect-src 'self' " + keycloakOrigin() + ";"), what + ": " + policy);
  }

  static void noStore(String what, HttpHeaders headers) {
    assertEquals(List.of("no-store"), headers.allValues("Cache-Control"), what);
  }

  DocumentsIT.Reply get(String path, String token) throws Exception {
    return documents().get(token, path);
  }

  @Test
  void thePageAndItsScriptsAndStylesCarryTheStrictPolicy() throws Exception {
    for (String path : List.of("", "index.html", "js/app.js", "js/wizard.js", "css/base.css", "no-such-file.js")) {
      DocumentsIT.Reply answer = get(path, null);
      assertEquals(path.startsWith("no-such") ? 404 : 200, answer.status(), path);
      pagePolicy(path, hardened(path, answer.response().headers()));
    }
    assertTrue(get("js/app.js", null).header("Content-Type").contains("javascript"));
  }

  @Test
  void thePageHoldsNoInlineScriptHandlerOrStyle() throws Exception {
    String page = get("index.html", null).text();
    assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(page).find(), page);
    assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)", Pattern.CASE_INSENSITIVE).matcher(page).find(), page);
    assertFalse(Pattern.compile("\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE).matcher(page).find(), page);
    assertFalse(page.toLowerCase().contains("javascript:"), page);
  }

  @Test
  void apiAnswersArePolicedAndNeverStored() throws Exception {
    String token = documents().token(DocumentsIT.PARENT_A);
    DocumentsIT.Reply publicList = get("api/tenants", null);
    assertEquals(200, publicList.status());
    hardened("GET /api/tenants", publicList.response().headers());
    noStore("GET /api/tenants", publicList.response().headers());

    DocumentsIT.Reply me = get("api/me", token);
    assertEquals(200, me.status());
    hardened("GET /api/me", me.response().headers());
    noStore("GET /api/me", me.response().headers());

    DocumentsIT.Reply children = get("api/tenants/kunshan/children", token);
    assertEquals(200, children.status(), children.text());
    noStore("GET children", children.response().headers());
  }

  @Test
  void theSignInSettingsArePublicReferenceDataAndMayBeCached() throws Exception {
    DocumentsIT.Reply config = get("api/config", null);
    assertEquals(200, config.status());
    hardened("GET /api/config", config.response().headers());
    // the resource's own header replaces the filter's no-store (JAX-RS writes it as "no-transform, max-age=300")
    List<String> cache = config.response().headers().allValues("Cache-Control");
    assertEquals(1, cache.size(), cache.toString());
    assertTrue(cache.get(0).contains("max-age=300") && !cache.get(0).contains("no-store"), cache.toString());
  }

  @Test
  void problemDocumentsArePolicedAndNeverStored() throws Exception {
    DocumentsIT.Reply unauthenticated = get("api/me", null);
    assertEquals(401, unauthenticated.status());
    assertTrue(unauthenticated.header("Content-Type").startsWith("application/problem+json"));
    hardened("401", unauthenticated.response().headers());
    noStore("401", unauthenticated.response().headers());

    DocumentsIT.Reply unknown = get("api/tenants/no-such-tenant", null);
    assertEquals(404, unknown.status());
    assertTrue(unknown.header("Content-Type").startsWith("application/problem+json"));
    hardened("404", unknown.response().headers());
    noStore("404", unknown.response().headers());
  }

  @Test
  void aDocumentDownloadIsSandboxedAndNeverStored() throws Exception {
    DocumentsIT documents = documents();
    String token = documents.token(DocumentsIT.PARENT_A);
    String id = documents.upload(token, documents.newChild(token), "registrationRecord", "h.pdf",
        DocumentsIT.pdf("Headers " + System.nanoTime())).json().getString("id");
    DocumentsIT.Reply download = get("api/tenants/kunshan/documents/" + id + "/content", token);
    assertEquals(200, download.status());
    String policy = hardened("download", download.response().headers());
    assertEquals("default-src 'none'; sandbox; frame-ancestors 'none'", policy);
    assertEquals(List.of("private, no-store"), download.response().headers().allValues("Cache-Control"));
  }
}
