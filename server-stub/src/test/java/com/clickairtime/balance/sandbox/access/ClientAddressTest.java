package com.clickairtime.balance.sandbox.access;

import com.clickairtime.balance.sandbox.config.SandboxProperties;
import com.clickairtime.balance.sandbox.config.SandboxProperties.ForwardedHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mock.web.MockHttpServletRequest;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 17's trusted-proxy and lockout-address findings, on the class that decides the caller's address. */
class ClientAddressTest {

    private static ClientAddress trusting(ForwardedHeader header, String... proxies) {
        return new ClientAddress(new SandboxProperties(new ByteArrayResource(new byte[0]),
                new SandboxProperties.RateLimit(300, 30, 10_000,
                        SandboxProperties.RateLimit.Store.MEMORY, "redis://127.0.0.1:6379", Duration.ofMillis(250)), List.of(proxies), header, Duration.ofSeconds(5), new SandboxProperties.Cors(List.of()), List.of()));
    }

    private static MockHttpServletRequest from(String peer) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        return request;
    }

    @Test
    void forwardingHeadersFromAnUntrustedPeerAreIgnored() {
        MockHttpServletRequest request = from("198.51.100.9");
        request.addHeader("X-Forwarded-For", "203.0.113.7");
        request.addHeader("Forwarded", "for=203.0.113.7");
        assertThat(trusting(ForwardedHeader.X_FORWARDED_FOR).of(request)).isEqualTo("198.51.100.9");
        assertThat(trusting(ForwardedHeader.FORWARDED, "10.0.0.0/8").of(request)).isEqualTo("198.51.100.9");
    }

    @Test
    void aTrustedProxyNamesTheRightMostUntrustedHopAndCidrRangesAreTrusted() {
        MockHttpServletRequest request = from("10.0.0.2");
        request.addHeader("X-Forwarded-For", "203.0.113.66, 203.0.113.7, 10.0.0.1");
        assertThat(trusting(ForwardedHeader.X_FORWARDED_FOR, "10.0.0.0/24").of(request)).isEqualTo("203.0.113.7");
    }

    @Test
    void onlyTheConfiguredHeaderIsRead() {
        MockHttpServletRequest request = from("10.0.0.2");
        request.addHeader("Forwarded", "for=203.0.113.7");
        request.addHeader("X-Forwarded-For", "198.51.100.1");
        assertThat(trusting(ForwardedHeader.X_FORWARDED_FOR, "10.0.0.2").of(request)).isEqualTo("198.51.100.1");
        assertThat(trusting(ForwardedHeader.FORWARDED, "10.0.0.2").of(request)).isEqualTo("203.0.113.7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"guess-17", "unknown", "_hidden", "203.0.113.7:99999", "localhost", "203.0.113.0/24", "[::1", ""})
    void aMalformedHopLeavesTheConnectionsAddress(String hop) {
        MockHttpServletRequest xff = from("10.0.0.2");
        xff.addHeader("X-Forwarded-For", hop);
        assertThat(trusting(ForwardedHeader.X_FORWARDED_FOR, "10.0.0.2").of(xff)).isEqualTo("10.0.0.2");
        MockHttpServletRequest forwarded = from("10.0.0.2");
        forwarded.addHeader("Forwarded", "for=\"" + hop + "\"");
        assertThat(trusting(ForwardedHeader.FORWARDED, "10.0.0.2").of(forwarded)).isEqualTo("10.0.0.2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7:80", "[2001:db8::7]:4711", "2001:db8::7", "203.0.113.7"})
    void portsAreHandledAlikeInBothHeaders(String hop) {
        MockHttpServletRequest xff = from("10.0.0.2");
        xff.addHeader("X-Forwarded-For", hop);
        MockHttpServletRequest forwarded = from("10.0.0.2");
        forwarded.addHeader("Forwarded", "for=\"" + hop + "\";proto=https");
        String viaXff = trusting(ForwardedHeader.X_FORWARDED_FOR, "10.0.0.2").of(xff);
        assertThat(viaXff).isNotEqualTo("10.0.0.2").doesNotContain("80", "4711");
        assertThat(trusting(ForwardedHeader.FORWARDED, "10.0.0.2").of(forwarded)).isEqualTo(viaXff);
    }

    @Test
    void theLoopbackRangeAndAnIpv6Slash64AreOneCallerEach() {
        ClientAddress addresses = trusting(ForwardedHeader.X_FORWARDED_FOR);
        assertThat(List.of("127.0.0.1", "127.0.0.2", "127.200.13.9", "::1").stream().map(ClientAddresses -> addresses.bucket(from(ClientAddresses))))
                .containsOnly(addresses.bucket(from("127.0.0.1")));
        assertThat(addresses.bucket(from("2001:db8:0:1::1"))).isEqualTo(addresses.bucket(from("2001:db8:0:1:ffff::2")))
                .isNotEqualTo(addresses.bucket(from("2001:db8:0:2::1")));
        assertThat(addresses.bucket(from("203.0.113.7"))).isNotEqualTo(addresses.bucket(from("203.0.113.8")));
    }

    @Test
    void aTrustedProxyThatIsNoAddressStopsTheStart() {
        assertThatThrownBy(() -> trusting(ForwardedHeader.X_FORWARDED_FOR, "proxy.local"))
                .hasMessage("sandbox.trusted-proxies: 'proxy.local' is no IP address or CIDR range");
    }
}
