package org.civicplatform.core.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  static final Set<String> BALANCER = ClientAddress.trusted(List.of("127.0.0.1", "::1"));

  @Test
  void withoutTrustedProxiesTheRemoteAddressIsTheClientWhateverXForwardedForSays() {
    assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", List.of("198.51.100.1"), Set.of()));
  }

  @Test
  void xForwardedForFromAnAddressThatIsNoTrustedProxyIsIgnored() {
    assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", List.of("198.51.100.1"), BALANCER));
  }

  @Test
  void behindATrustedProxyTheAddressItForwardedIsTheClient() {
    assertEquals("198.51.100.1", ClientAddress.resolve("127.0.0.1", List.of("198.51.100.1"), BALANCER));
  }

  @Test
  void addressesAClientPutInFrontOfTheProxysOwnEntryProveNothing() {
    // the client sent "X-Forwarded-For: 10.9.9.9"; the balancer appended the address it saw
    assertEquals("198.51.100.1", ClientAddress.resolve("127.0.0.1", List.of("10.9.9.9, 198.51.100.1"), BALANCER));
    assertEquals("198.51.100.1", ClientAddress.resolve("127.0.0.1", List.of("10.9.9.9", "198.51.100.1"), BALANCER));
  }

  @Test
  void trustedProxiesInTheChainAreSkipped() {
    Set<String> two = ClientAddress.trusted(List.of("127.0.0.1", "10.0.0.5"));
    assertEquals("198.51.100.1", ClientAddress.resolve("127.0.0.1", List.of("198.51.100.1, 10.0.0.5"), two));
  }

  @Test
  void garbageForwardedByATrustedProxyLeavesTheNearestKnownAddress() {
    assertEquals("127.0.0.1", ClientAddress.resolve("127.0.0.1", List.of("not-an-address"), BALANCER));
    assertEquals("127.0.0.1", ClientAddress.resolve("127.0.0.1", List.of("999.1.1.1"), BALANCER));
    assertEquals("127.0.0.1", ClientAddress.resolve("127.0.0.1", List.of("dead:beef"), BALANCER));
  }

  @Test
  void ipv6AndPortsAreNormalisedSoOneClientIsCountedOnce() {
    assertEquals("2001:db8:0:0:0:0:0:1", ClientAddress.resolve("0:0:0:0:0:0:0:1", List.of("[2001:DB8::1]:443"), BALANCER));
    assertEquals("198.51.100.1", ClientAddress.resolve("::1", List.of("198.51.100.1:5000"), BALANCER));
    assertEquals("10.1.2.3", ClientAddress.resolve("010.001.002.003", List.of(), Set.of()));
  }

  @Test
  void anIpv6ClientIsCountedAsItsSlash64SoRotatingAddressesWithinItDoesNotEscapeALimit() {
    String a = ClientAddress.resolve("127.0.0.1", List.of("2001:db8:1:2:aaaa::1"), BALANCER);
    String b = ClientAddress.resolve("127.0.0.1", List.of("2001:DB8:1:2:bbbb:cccc:dddd:eeee"), BALANCER);
    assertEquals("2001:db8:1:2::/64", ClientAddress.network(a));
    assertEquals(ClientAddress.network(a), ClientAddress.network(b));
    assertEquals("2001:db8:1:3::/64", ClientAddress.network(ClientAddress.resolve("::1", List.of("2001:db8:1:3::1"), BALANCER)));
  }

  @Test
  void anIpv4ClientIsCountedAsItsOwnAddress() {
    assertEquals("198.51.100.1", ClientAddress.network("198.51.100.1"));
    assertEquals("198.51.100.1", ClientAddress.network(ClientAddress.resolve("::ffff:198.51.100.1", List.of(), Set.of())));
  }

  @Test
  void aTrustedProxySettingThatIsNoAddressFailsNamingTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusted(List.of("lb.example.org")));
    assertTrue(e.getMessage().contains("platform.http.trusted-proxies"));
  }
}
