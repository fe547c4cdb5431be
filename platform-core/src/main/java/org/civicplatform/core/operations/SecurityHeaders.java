package org.civicplatform.core.operations;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The browser-facing hardening headers on every answer of the WAR (pages, scripts, styles, {@code /api}):
 * a strict Content-Security-Policy (scripts and styles from our origin only, no inline script or style,
 * no plug-ins, never framed), {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer}
 * and, on every {@code /api} answer, {@code Cache-Control: no-store} (answers hold personal data; a
 * resource serving public reference data may set its own {@code Cache-Control}, which replaces this one,
 * as {@code GET /api/config} does). A resource may also replace the policy with a stricter one (document
 * downloads: {@code default-src 'none'; sandbox}).
 *
 * <p>The policy lets the page talk to Keycloak ({@code connect-src}: the token endpoint of the PKCE
 * sign-in), show documents fetched with the bearer token as {@code blob:} URLs (image viewer,
 * {@code img-src}; PDF viewer, {@code frame-src}) and nothing else.
 */
@WebFilter(
    filterName = "security-headers",
    urlPatterns = "/*",
    asyncSupported = true,
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR, DispatcherType.ASYNC})
public class SecurityHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private String policy;

  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    super.init(filterConfig);
    Config config = ConfigProvider.getConfig();
    String keycloak = config.getOptionalValue("keycloak.public-url", String.class)
        .filter(u -> !u.isBlank())
        .or(() -> config.getOptionalValue("keycloak.url", String.class))
        .orElse("http://localhost:8180");
    policy = policy(keycloak);
  }

  /** The Content-Security-Policy of our pages, allowing Keycloak's origin for the token requests. */
  static String policy(String keycloakUrl) {
    String keycloak = origin(keycloakUrl);
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; frame-src blob:; "
        + "connect-src 'self'" + (keycloak.isEmpty() ? "" : " " + keycloak)
        + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  }

  /** {@code scheme://host[:port]} of a URL, or empty when it is not an absolute http(s) URL. */
  static String origin(String url) {
    try {
      URI uri = URI.create(url.trim());
      if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        return "";
      }
      return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** Whether an answer to this path (inside the WAR) is an API answer: never stored by a cache. */
  static boolean api(String pathInContext) {
    return pathInContext.equals("/api") || pathInContext.startsWith("/api/");
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", policy);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (api(path)) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }
}
