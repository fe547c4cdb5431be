package org.civicplatform.core.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Where the current request comes from, for the per-address abuse limits: the connection's remote
 * address. Only when that address is one of the configured trusted proxies ({@code
 * platform.http.trusted-proxies}, e.g. a local load balancer; empty by default) is {@code
 * X-Forwarded-For} read: its rightmost address that is not itself a trusted proxy is the client (the
 * entries further left are whatever the client sent and prove nothing).
 */
@RequestScoped
public class ClientAddress {

  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  @Inject HttpServletRequest request;

  // read through Config: Payara's @ConfigProperty producer cannot inject an Optional<List<String>>
  // (ClassCastException on every request)
  @Inject Config config;

  private Set<String> trusted;

  @PostConstruct
  void init() {
    trusted = trusted(config.getOptionalValue("platform.http.trusted-proxies", String.class)
        .map(value -> List.of(value.split(","))).orElse(List.of()));
  }

  /** The client's address (normalised IP literal), as far as this node can tell. */
  public String get() {
    return resolve(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")), trusted);
  }

  /**
   * What the per-address limits count the current request under: {@link #network(String)} of {@link
   * #get()}.
   */
  public String forLimits() {
    return network(get());
  }

  /**
   * The unit one client is counted as: an IPv4 address itself, an IPv6 address its /64 network (one
   * household or phone gets a whole /64 and may pick any address in it, so counting single IPv6
   * addresses would let one client rotate past every per-address limit), e.g. {@code 2001:db8:0:0::/64}.
   * Anything else (no IP literal) is answered as it is.
   */
  public static String network(String address) {
    if (address == null || !address.contains(":")) {
      return address;
    }
    String[] groups = address.split(":", -1);
    if (groups.length != 8) {
      return address; // not the canonical form normalise() answers
    }
    return groups[0] + ":" + groups[1] + ":" + groups[2] + ":" + groups[3] + "::/64";
  }

  /**
   * The normalised addresses of a configured list; a setting that is no IP literal fails every request
   * that needs the client address (500, logged naming the key) rather than trusting nobody silently.
   */
  public static Set<String> trusted(List<String> configured) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String entry : configured) {
      if (entry.isBlank()) {
        continue;
      }
      addresses.add(normalise(entry.strip()).orElseThrow(() -> new IllegalArgumentException(
          "platform.http.trusted-proxies: \"" + entry + "\" is not an IP address")));
    }
    return Set.copyOf(addresses);
  }

  /**
   * The client of a connection from {@code remote} that carried the {@code X-Forwarded-For} headers
   * {@code forwarded} (in the order received), given the trusted proxies. Pure.
   */
  public static String resolve(String remote, List<String> forwarded, Set<String> trusted) {
    String peer = normalise(remote).orElse(remote);
    if (trusted.isEmpty() || !trusted.contains(peer) || forwarded == null || forwarded.isEmpty()) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwarded) {
      for (String hop : header.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.strip());
        }
      }
    }
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<String> hop = normalise(hops.get(i));
      if (hop.isEmpty()) {
        return client; // garbage a trusted proxy passed on: the nearest address known is the client
      }
      client = hop.get();
      if (!trusted.contains(client)) {
        return client;
      }
    }
    return client;
  }

  /** An IPv4 or IPv6 literal in Java's canonical form (::1 → 0:0:0:0:0:0:0:1); never a DNS look-up. */
  static Optional<String> normalise(String address) {
    if (address == null) {
      return Optional.empty();
    }
    String a = address.strip();
    if (a.startsWith("[") && a.contains("]")) {
      a = a.substring(1, a.indexOf(']')); // [v6]:port
    } else if (a.indexOf(':') > 0 && a.indexOf(':') == a.lastIndexOf(':') && a.contains(".")) {
      a = a.substring(0, a.indexOf(':')); // v4:port
    }
    if (!IP_LITERAL.matcher(a).matches() || !(a.contains(".") || a.contains(":"))) {
      return Optional.empty();
    }
    if (!a.contains(":")) {
      return ipv4(a); // by hand: InetAddress would look "999.1.1.1" up in DNS and read "1.2" as an address
    }
    if (!ipv6Shape(a)) {
      return Optional.empty(); // InetAddress would try DNS for a malformed literal
    }
    try {
      return Optional.of(InetAddress.getByName(a).getHostAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static boolean ipv6Shape(String a) {
    if (a.indexOf("::") != a.lastIndexOf("::") || a.contains(":::")) {
      return false;
    }
    String[] parts = a.split(":", -1);
    int groups = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (i == parts.length - 1 && part.contains(".")) {
        if (ipv4(part).isEmpty()) {
          return false;
        }
        groups += 2;
      } else if (part.matches("[0-9A-Fa-f]{1,4}")) {
        groups++;
      } else if (!part.isEmpty() || part.contains(".")) {
        return false;
      }
    }
    return a.contains("::") ? groups < 8 : groups == 8;
  }

  private static Optional<String> ipv4(String a) {
    String[] parts = a.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    StringBuilder canonical = new StringBuilder();
    for (String part : parts) {
      if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
        return Optional.empty();
      }
      canonical.append(canonical.length() == 0 ? "" : ".").append(Integer.parseInt(part));
    }
    return Optional.of(canonical.toString());
  }
}
