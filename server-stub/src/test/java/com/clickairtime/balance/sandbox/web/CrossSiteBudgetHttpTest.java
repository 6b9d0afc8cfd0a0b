package com.clickairtime.balance.sandbox.web;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25: any web page can make the browser send requests to the sandbox (an img tag, a no-cors
 * fetch), without a key, and the browser marks them {@code Sec-Fetch-Site: cross-site}. Once
 * they were counted against the address, so a page open in a tab used up the minute's budget and
 * the docs and the spec answered 429 to every local tool. They spend a budget of their own now.
 * The limit is small here, so that the page's flood is short.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sandbox.rate-limit.requests-per-minute=20")
class CrossSiteBudgetHttpTest {

    private static final int LIMIT = 20;
    private static final String CROSS_SITE = "Sec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: no-cors\r\nSec-Fetch-Dest: image\r\n";

    @LocalServerPort
    int port;

    @Test
    void aCrossSitePageCannotLockLocalToolsOutOfTheDocsAndTheSpec() throws IOException {
        RawHttp.Response last = null;
        for (int i = 0; i < LIMIT + 10; i++) {
            last = send((i % 2 == 0 ? "GET /v2/balance" : "GET /docs") + " HTTP/1.1\r\n" + CROSS_SITE);
        }
        assertThat(last.status()).as("the page's own budget is spent").isEqualTo(429);
        assertThat(send("GET /openapi.yaml HTTP/1.1\r\n" + CROSS_SITE.replace("image", "empty")).status()).isEqualTo(429);

        // curl, an SDK's generator, the docs page itself (same-origin), a front end on another loopback port (same-site):
        assertThat(send("GET /docs HTTP/1.1\r\n").status()).isEqualTo(200);
        assertThat(send("GET /openapi.yaml HTTP/1.1\r\n").status()).isEqualTo(200);
        assertThat(send("GET /openapi.yaml HTTP/1.1\r\nSec-Fetch-Site: same-origin\r\n").status()).isEqualTo(200);
        assertThat(send("GET /openapi.yaml HTTP/1.1\r\nSec-Fetch-Site: same-site\r\nOrigin: http://localhost:3000\r\n").status())
                .isEqualTo(200);
        assertThat(send("GET /v2/balance HTTP/1.1\r\n").status()).isEqualTo(401);
        assertThat(send("GET /v2/balance HTTP/1.1\r\nAuthorization: " + SandboxTestSupport.bearer(SandboxTestSupport.ACME) + "\r\n")
                .status()).isEqualTo(200);
    }

    private RawHttp.Response send(String head) throws IOException {
        return RawHttp.send(port, head + "Host: localhost\r\nConnection: close\r\n\r\n");
    }
}
