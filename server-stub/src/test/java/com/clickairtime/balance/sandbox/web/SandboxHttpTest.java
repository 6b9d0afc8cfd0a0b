package com.clickairtime.balance.sandbox.web;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox booted on a random port and called over real HTTP, through Tomcat: the request
 * lines Tomcat rejects itself before Spring sees them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SandboxHttpTest {

    @LocalServerPort
    int port;

    /** Raw request targets, sent byte for byte; several never reach Spring. */
    @ParameterizedTest
    @ValueSource(strings = {
            "/v2/balance/%00",
            "/v2/balance/a%2Fb",
            "/v2/balance/%2e%2e/%2e%2e/%2e%2e/etc",
            "/v2/balance/%5C..%5C",
            "/v2/balance/%FF%FE",
            "/v2/balance/\u00e9t\u00e9",
            "/v2/balance/a\rb",
            "/v2/balance/a b",
            "/v2/balance/{x}|<y>",
            "/v2/balance/%0D%0ASet-Cookie:%20x=1",
            "*",
    })
    void hostileRequestTargetsGetAJsonErrorAndNo5xx(String target) throws IOException {
        RawHttp.Response response = send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + SandboxTestSupport.ACME + "\r\nConnection: close\r\n\r\n");
        assertResponseIsAJsonError(target, response);
    }

    @Test
    void anOverlongRequestLineGetsAJsonError() throws IOException {
        String target = "/v2/balance/" + "a".repeat(20_000);
        assertResponseIsAJsonError("20k id", send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void aNulByteInTheRequestLineGetsAJsonError() throws IOException {
        assertResponseIsAJsonError("NUL", send("GET /v2/balance/a\u0000b HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
    }

    static void assertResponseIsAJsonError(String what, RawHttp.Response response) {
        assertThat(response.status()).as(what).isBetween(400, 499);
        assertThat(response.head().toLowerCase(Locale.ROOT)).as(what).contains("content-type: application/json");
        JsonNode body = SandboxTestSupport.exact(response.body());
        assertThat(body.path("success").asBoolean(true)).as(what).isFalse();
        assertThat(body.at("/error/code").asText()).as(what).isNotBlank();
        assertThat(body.at("/meta/request_id").asText()).as(what).matches(SandboxTestSupport.REQUEST_ID);
    }

    private RawHttp.Response send(String request) throws IOException {
        return RawHttp.send(port, request);
    }
}
