package com.clickairtime.balance.sandbox.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a trusted proxy, a forwarding header that Tomcat cannot even parse (a control character
 * in it) still gets the envelope: the error page reads the caller's address, and a header it
 * cannot read leaves the connection's (it was a bare 400 without a body).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sandbox.trusted-proxies=127.0.0.1")
class TrustedProxyHttpTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0001", "\u007f"})
    void anUnreadableForwardingHeaderStillGetsTheEnvelope(String control) throws IOException {
        RawHttp.Response response = RawHttp.send(port, "GET /nx HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 203.0.113.7"
                + control + "\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"MALFORMED_REQUEST\"");
        assertThat(response.header("X-RateLimit-Limit")).isPresent();
    }
}
