package com.clickairtime.balance.sandbox.web;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may reach the sandbox, on the real Tomcat: by default only the loopback names and
 * origins; in hosted mode exactly the host names and origins the deployment names, and no
 * longer the loopback ones it did not name.
 */
class HostedModeHttpTest {

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class ByDefault {

        @LocalServerPort
        int port;

        @Test
        void answersTheLoopbackNamesOnly() throws IOException {
            assertThat(balance(port, "localhost").status()).isEqualTo(200);
            assertThat(balance(port, "127.0.0.1").status()).isEqualTo(200);
            RawHttp.Response foreign = balance(port, "sandbox.example.com");
            assertThat(foreign.status()).isEqualTo(400);
            assertThat(SandboxTestSupport.exact(foreign.body()).at("/error/code").asText()).isEqualTo("MALFORMED_REQUEST");
        }

        @Test
        void grantsCorsToLoopbackOriginsOnly() throws IOException {
            assertThat(withOrigin(port, "localhost", "http://localhost:3000").header("Access-Control-Allow-Origin"))
                    .contains("http://localhost:3000");
            assertThat(withOrigin(port, "localhost", "https://app.example.com").header("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "sandbox.hosted.enabled=true",
            "sandbox.allowed-hosts=sandbox.example.com",
            "sandbox.cors.allowed-origins=https://app.example.com"})
    class Hosted {

        @LocalServerPort
        int port;

        @Test
        void answersItsHostNameAndRefusesOthers() throws IOException {
            assertThat(balance(port, "sandbox.example.com").status()).isEqualTo(200);
            assertThat(balance(port, "SANDBOX.example.com:443").status()).isEqualTo(200);
            for (String other : new String[] {"other.example.com", "localhost", "127.0.0.1"}) {
                RawHttp.Response refused = balance(port, other);
                assertThat(refused.status()).as(other).isEqualTo(400);
                assertThat(SandboxTestSupport.exact(refused.body()).at("/error/code").asText()).as(other).isEqualTo("MALFORMED_REQUEST");
            }
        }

        @Test
        void grantsCorsToTheOriginsItNamesOnly() throws IOException {
            RawHttp.Response allowed = withOrigin(port, "sandbox.example.com", "https://app.example.com");
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.header("Access-Control-Allow-Origin")).contains("https://app.example.com");
            for (String other : new String[] {"https://evil.example.com", "http://app.example.com", "http://localhost:3000"}) {
                RawHttp.Response refused = withOrigin(port, "sandbox.example.com", other);
                assertThat(refused.status()).as(other).isEqualTo(200);
                assertThat(refused.header("Access-Control-Allow-Origin")).as(other).isEmpty();
            }
        }
    }

    private static RawHttp.Response balance(int port, String host) throws IOException {
        return RawHttp.send(port, "GET /v2/balance HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer "
                + SandboxTestSupport.ACME + "\r\nConnection: close\r\n\r\n");
    }

    private static RawHttp.Response withOrigin(int port, String host, String origin) throws IOException {
        return RawHttp.send(port, "GET /v2/balance HTTP/1.1\r\nHost: " + host + "\r\nOrigin: " + origin
                + "\r\nAuthorization: Bearer " + SandboxTestSupport.ACME + "\r\nConnection: close\r\n\r\n");
    }
}
