package com.clickairtime.balance.sandbox.web;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25: every answer of the API, the balance as much as a refusal, and every refusal
 * elsewhere, tells every cache not to keep it (OWASP API8): a balance is private and changes.
 * The key's limit is small here, so that its 429 comes quickly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sandbox.rate-limit.requests-per-minute=40")
class ApiCachingHttpTest {

    private static final int LIMIT = 40;

    @LocalServerPort
    int port;

    @Test
    void everyApiAnswerSaysNoStore() throws IOException {
        String acme = "Authorization: " + SandboxTestSupport.bearer(SandboxTestSupport.ACME) + "\r\n";
        Map<String, Integer> requests = new LinkedHashMap<>();
        requests.put("GET /v2/balance HTTP/1.1\r\n" + acme, 200);
        requests.put("HEAD /v2/balance HTTP/1.1\r\n" + acme, 200);
        requests.put("GET /v2/balance/wal_ghs_001 HTTP/1.1\r\n" + acme, 200);
        requests.put("OPTIONS /v2/balance HTTP/1.1\r\n" + acme, 204);
        requests.put("GET /v2/balance HTTP/1.1\r\n", 401);
        requests.put("GET /v2/balance HTTP/1.1\r\nAuthorization: " + SandboxTestSupport.bearer(SandboxTestSupport.ACME_REVOKED) + "\r\n", 401);
        requests.put("GET /v2/balance HTTP/1.1\r\nAuthorization: " + SandboxTestSupport.bearer(SandboxTestSupport.ACME_AIRTIME_ONLY) + "\r\n", 403);
        requests.put("GET /v2/balance HTTP/1.1\r\nAuthorization: " + SandboxTestSupport.bearer(SandboxTestSupport.ACME_IP_RESTRICTED) + "\r\n", 403);
        requests.put("GET /v2/balance/wal_nope HTTP/1.1\r\n" + acme, 404);
        requests.put("GET /v2/nothing HTTP/1.1\r\n" + acme, 404);
        requests.put("DELETE /v2/balance HTTP/1.1\r\n" + acme, 405);
        requests.put("GET /v2/balance HTTP/1.1\r\nAccept: application/xml\r\n" + acme, 406);
        requests.put("GET /v2/balance HTTP/2.0\r\n" + acme, 505);
        requests.put("GET /v2/balance HTTP/1.1\r\nContent-Length: 2\r\n" + acme, 400);
        requests.put("GET /nowhere HTTP/1.1\r\n", 404);
        List<String> missing = new ArrayList<>();
        requests.forEach((request, status) -> {
            RawHttp.Response response = send(request);
            String line = request.substring(0, request.indexOf('\r'));
            assertThat(response.status()).as(line).isEqualTo(status);
            if (!response.header("Cache-Control").filter("no-store"::equals).isPresent()) {
                missing.add(line + " -> " + response.status());
            }
        });
        RawHttp.Response limited = null;
        for (int i = 0; i <= LIMIT; i++) {
            limited = send("GET /v2/balance HTTP/1.1\r\nAuthorization: " + SandboxTestSupport.bearer(SandboxTestSupport.GLOBEX) + "\r\n");
        }
        assertThat(limited.status()).isEqualTo(429);
        if (!limited.header("Cache-Control").filter("no-store"::equals).isPresent()) {
            missing.add("429");
        }
        assertThat(missing).as("answers without Cache-Control: no-store").isEmpty();
    }

    private RawHttp.Response send(String head) {
        try {
            return RawHttp.send(port, head + "Host: localhost\r\nConnection: close\r\n\r\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
