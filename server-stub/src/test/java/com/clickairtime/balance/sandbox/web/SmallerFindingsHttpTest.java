package com.clickairtime.balance.sandbox.web;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import com.clickairtime.balance.sandbox.config.SandboxProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 17's smaller findings, on the wire. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SmallerFindingsHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    SandboxProperties properties;

    @Value("${server.max-http-request-header-size:8KB}")
    DataSize maxHeadSize;

    @Test
    void errorIsA404Envelope() throws IOException {
        RawHttp.Response response = send("GET /error HTTP/1.1\r\n");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"");
    }

    @Test
    void optionsOutsideTheApiIsA204WithWhatIsServed() throws IOException {
        for (String path : new String[]{"/docs", "/openapi.yaml", "/nothing/here"}) {
            RawHttp.Response response = send("OPTIONS " + path + " HTTP/1.1\r\n");
            assertThat(response.status()).as(path).isEqualTo(204);
            assertThat(response.header("Allow")).as(path).hasValue(SandboxTestSupport.ALLOWED_METHODS);
        }
    }

    @Test
    void theDocsSendSecurityHeadersAndTheStockSwaggerPageIsGone() throws IOException {
        for (String path : new String[]{"/docs", "/openapi.yaml"}) {
            RawHttp.Response response = send("GET " + path + " HTTP/1.1\r\n");
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.header("Content-Security-Policy").orElseThrow()).contains("default-src 'self'", "frame-ancestors 'none'");
            assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.header("X-Frame-Options")).hasValue("DENY");
        }
        for (String stock : new String[]{"/docs/swagger-ui/index.html", "/docs/swagger-ui/swagger-initializer.js"}) {
            assertThat(send("GET " + stock + " HTTP/1.1\r\n").status()).as(stock).isEqualTo(404);
        }
        assertThat(send("GET /docs/swagger-ui/swagger-ui-bundle.js HTTP/1.1\r\n").status()).isEqualTo(200);
    }

    /** Refusals too, whoever writes them (a filter before the docs' headers, a valve, the container's error page). */
    @Test
    void everyAnswerForbidsSniffingAndFraming() throws IOException {
        String key = "Authorization: " + SandboxTestSupport.bearer(SandboxTestSupport.ACME) + "\r\n";
        for (String request : new String[]{"GET /v2/balance HTTP/1.1\r\nHost: localhost\r\n",
                "GET /v2/balance HTTP/1.1\r\nHost: rebind.example\r\n" + key,
                "POST /v2/balance HTTP/1.1\r\nHost: localhost\r\n" + key,
                "GET /v2/balance HTTP/2.0\r\nHost: localhost\r\n" + key,
                "GET /v2/balance HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n" + key,
                "GET /v2/balance HTTP/1.1\r\nHost: localhost\r\n" + key}) {
            RawHttp.Response response = RawHttp.send(port, request + "Connection: close\r\n\r\n");
            String line = request.substring(0, request.indexOf('\r'));
            assertThat(response.header("X-Content-Type-Options")).as(line + " -> " + response.status()).hasValue("nosniff");
            assertThat(response.header("X-Frame-Options")).as(line + " -> " + response.status()).hasValue("DENY");
        }
    }

    @Test
    void every401SaysBearer() throws IOException {
        for (String authorization : new String[]{"", "Authorization: Basic abc\r\n", "Authorization: Bearer "
                + SandboxTestSupport.ACME_REVOKED + "\r\n"}) {
            RawHttp.Response response = send("GET /v2/balance HTTP/1.1\r\n" + authorization);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).as(authorization).hasValue("Bearer");
        }
    }

    /** The 429's details in the order the spec's example writes them, on every start (not a hash order). */
    @Test
    void a429sDetailsKeepTheDocumentedOrder() throws IOException {
        RawHttp.Response limited = null;
        for (int i = 0; i <= properties.rateLimit().requestsPerMinute(); i++) {
            limited = send("GET /v2/balance HTTP/1.1\r\nAuthorization: " + SandboxTestSupport.bearer(SandboxTestSupport.GLOBEX) + "\r\n");
        }
        assertThat(limited.status()).isEqualTo(429);
        Matcher details = Pattern.compile("\"details\":\\{\"([a-z_]+)\":[^,]+,\"([a-z_]+)\"").matcher(limited.body());
        assertThat(details.find()).isTrue();
        var documented = SandboxTestSupport.SPEC.raw().at("/components/responses/TooManyRequests/content/application~1json/example/error/details")
                .fieldNames();
        assertThat(documented.next()).isEqualTo(details.group(1));
        assertThat(documented.next()).isEqualTo(details.group(2));
        assertThat(Set.of(details.group(1), details.group(2))).hasSize(2);
    }

    /** DNS rebinding: only the loopback names are answered, with or without a port. */
    @Test
    void onlyLoopbackHostNamesAreAnswered() throws IOException {
        for (String host : new String[]{"localhost", "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST:1"}) {
            assertThat(RawHttp.send(port, "GET /openapi.yaml HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").status())
                    .as(host).isEqualTo(200);
        }
        for (String host : new String[]{"rebind.example", "rebind.example:" + port, "localhost.evil.example", "127.0.0.1.nip.io"}) {
            RawHttp.Response response = RawHttp.send(port, "GET /v2/balance HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: "
                    + SandboxTestSupport.bearer(SandboxTestSupport.ACME) + "\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).as(host).isEqualTo(400);
            assertThat(response.body()).as(host).contains("\"code\":\"MALFORMED_REQUEST\"").doesNotContain("wallets");
        }
    }

    /** {@code ;x=1} is part of the id as sent, not stripped: no wallet has that id. */
    @Test
    void matrixParametersAreNotStrippedFromAWalletId() throws IOException {
        String auth = "Authorization: " + SandboxTestSupport.bearer(SandboxTestSupport.ACME) + "\r\n";
        assertThat(send("GET /v2/balance/wal_ghs_001 HTTP/1.1\r\n" + auth).status()).isEqualTo(200);
        for (String id : new String[]{"wal_ghs_001;x=1", "wal_ghs_001;", "wal_ghs_001;jsessionid=1"}) {
            RawHttp.Response response = send("GET /v2/balance/" + id + " HTTP/1.1\r\n" + auth);
            assertThat(response.status()).as(id).isEqualTo(404);
            assertThat(response.body()).as(id).contains("\"code\":\"WALLET_NOT_FOUND\"");
        }
    }

    /** A request line without a version gets no HTTP/0.9 answer (a bare body), and counts as nothing. */
    @Test
    void noHttp09Answers() throws IOException {
        // Well-formed, and with a target Tomcat refuses (which it answered bare, the body alone).
        for (String line : new String[]{"GET /v2/balance\r\n", "GET /openapi.yaml\r\n", "GET x\r\n", "GET /%zz\r\n",
                "GET /a%00b\r\n", "OPTIONS *\r\n"}) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(line.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(answer).as(line).satisfiesAnyOf(text -> assertThat(text).isEmpty(),
                        text -> assertThat(text).startsWith("HTTP/1.1 "));
            }
        }
    }

    /** A malformed version is a 400 envelope with a status line, never a bare body; an unknown but well-formed one is a 505 (HostileTrafficHttpTest). */
    @Test
    void aMalformedVersionGetsAStatusLineAndAnEnvelope() throws IOException {
        for (String version : new String[]{"HTTP/1.1x", "HTTP/1.1 x", "http/1.1", "HTTX/1.1"}) {
            RawHttp.Response response = send("GET /v2/balance " + version + "\r\nAuthorization: "
                    + SandboxTestSupport.bearer(SandboxTestSupport.ACME) + "\r\n");
            assertThat(response.head()).as(version).startsWith("HTTP/1.1 400 ");
            assertThat(response.body()).as(version).contains("\"code\":\"MALFORMED_REQUEST\"").doesNotContain("wallets");
        }
        // A space in the target is no HTTP/0.9 request either: it gets its status line.
        assertThat(send("GET /a b HTTP/1.1\r\n").head()).startsWith("HTTP/1.1 400 ");
    }

    /**
     * A path parameter's documented bound holds the same way at every length: up to it the id is
     * looked up, above it 400 INVALID_PARAMETER naming the parameter, however long, until the
     * request head no longer fits what the server reads at all (400 MALFORMED_REQUEST). The
     * bounds are the spec's, for every path parameter that has one.
     */
    @Test
    void aPathParameterOverItsBoundIsRefusedAtEveryLength() throws IOException {
        String auth = "Authorization: " + SandboxTestSupport.bearer(SandboxTestSupport.ACME) + "\r\n";
        int bounded = 0;
        var spec = SandboxTestSupport.SPEC;
        for (var path : spec.raw().path("paths").properties()) {
            for (var reference : path.getValue().path("get").path("parameters")) {
                var parameter = spec.deref(reference);
                var maxLength = spec.deref(parameter.path("schema")).path("maxLength");
                if (!"path".equals(parameter.path("in").asText()) || !maxLength.isInt()) {
                    continue;
                }
                bounded++;
                int bound = maxLength.asInt();
                String name = parameter.path("name").asText();
                String placeholder = "{" + name + "}";
                int headroom = (int) maxHeadSize.toBytes() - path.getKey().length() - 200;
                for (int length : new int[]{bound, bound + 1, 1000, 5000, headroom}) {
                    RawHttp.Response response = send("GET " + path.getKey().replace(placeholder, "w".repeat(length)) + " HTTP/1.1\r\n" + auth);
                    if (length <= bound) {
                        assertThat(response.body()).as("%d characters", length).doesNotContain("INVALID_PARAMETER");
                    } else {
                        assertThat(response.status()).as("%d characters", length).isEqualTo(400);
                        assertThat(response.body()).as("%d characters", length).contains("\"code\":\"INVALID_PARAMETER\"")
                                .contains("\"parameter\":\"" + name + "\"");
                    }
                }
                // The parameters are checked after the permissions (the spec's order of checks).
                String overBound = path.getKey().replace(placeholder, "w".repeat(bound + 1));
                assertThat(send("GET " + overBound + " HTTP/1.1\r\nAuthorization: "
                        + SandboxTestSupport.bearer(SandboxTestSupport.ACME_AIRTIME_ONLY) + "\r\n").body())
                        .contains("\"code\":\"INSUFFICIENT_PERMISSIONS\"");
                for (int length : new int[]{(int) maxHeadSize.toBytes() + 1, 100_000}) {
                    RawHttp.Response response = send("GET " + path.getKey().replace(placeholder, "w".repeat(length)) + " HTTP/1.1\r\n" + auth);
                    assertThat(response.status()).as("%d characters", length).isEqualTo(400);
                    assertThat(response.body()).as("%d characters", length).contains("\"code\":\"MALFORMED_REQUEST\"");
                }
            }
        }
        assumeTrue(bounded > 0, "the spec bounds no path parameter");
    }

    private RawHttp.Response send(String head) throws IOException {
        return RawHttp.send(port, head + "Host: localhost\r\nConnection: close\r\n\r\n");
    }
}
