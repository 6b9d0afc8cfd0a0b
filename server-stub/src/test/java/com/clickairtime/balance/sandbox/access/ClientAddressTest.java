package com.clickairtime.balance.sandbox.access;

import com.clickairtime.balance.sandbox.config.SandboxProperties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    private static ClientAddress trusting(String... proxies) {
        return new ClientAddress(new SandboxProperties(new ByteArrayResource(new byte[0]),
                new SandboxProperties.RateLimit(300, 30, 10_000), List.of(proxies), java.time.Duration.ofSeconds(5)));
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
        assertThat(trusting().of(request)).isEqualTo("198.51.100.9");
    }

    @Test
    void aTrustedProxyNamesTheRightMostUntrustedHop() {
        MockHttpServletRequest request = from("10.0.0.2");
        request.addHeader("X-Forwarded-For", "203.0.113.66, 203.0.113.7, 10.0.0.1");
        assertThat(trusting("10.0.0.1", "10.0.0.2").of(request)).isEqualTo("203.0.113.7");
    }

    @Test
    void forwardedIsPreferredAndUnquoted() {
        MockHttpServletRequest request = from("10.0.0.2");
        request.addHeader("Forwarded", "for=\"[2001:db8::7]:4711\";proto=https, for=203.0.113.7:80");
        request.addHeader("X-Forwarded-For", "198.51.100.1");
        assertThat(trusting("10.0.0.2").of(request)).isEqualTo("203.0.113.7");
    }
}
