package com.clickairtime.balance.sandbox.web;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import com.clickairtime.balance.sandbox.browser.HeadlessChromium;
import com.clickairtime.balance.sandbox.config.SandboxProperties;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 17's CORS finding on the real server: browser tools on another loopback port can call
 * the API with a key and read the body and the rate-limit headers; preflights need no key and
 * are never counted; other origins get no CORS headers. The last test is a real Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CorsHttpTest {

    private static HeadlessChromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    SandboxProperties properties;

    @Test
    void aPreflightIsAnsweredWithoutAKeyAndNeverCounted() throws IOException {
        int failures = properties.rateLimit().failedAuthenticationsPerMinute();
        for (int i = 0; i < failures + 5; i++) {
            RawHttp.Response preflight = send("OPTIONS /v2/balance HTTP/1.1\r\nOrigin: http://localhost:3000\r\n"
                    + "Access-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: authorization\r\n");
            assertThat(preflight.status()).isEqualTo(204);
            assertThat(preflight.header("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
            assertThat(preflight.header("Access-Control-Allow-Headers").orElseThrow().toLowerCase()).contains("authorization");
            assertThat(preflight.header("Access-Control-Allow-Methods").orElseThrow()).contains("GET");
            assertThat(preflight.header("X-RateLimit-Remaining")).as("not counted").isEmpty();
        }
        // Not a failed authentication either: the address is not locked out.
        assertThat(send("GET /v2/balance HTTP/1.1\r\nAuthorization: " + SandboxTestSupport.bearer(SandboxTestSupport.ACME) + "\r\n")
                .status()).isEqualTo(200);
    }

    @Test
    void anAllowedOriginReadsTheBodyTheRateLimitHeadersAndTheSpec() throws IOException {
        RawHttp.Response call = send("GET /v2/balance HTTP/1.1\r\nOrigin: http://127.0.0.1:3000\r\nAuthorization: "
                + SandboxTestSupport.bearer(SandboxTestSupport.ACME) + "\r\n");
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.header("Access-Control-Allow-Origin")).hasValue("http://127.0.0.1:3000");
        String exposed = call.header("Access-Control-Expose-Headers").orElseThrow();
        SandboxTestSupport.SPEC.raw().at("/components/headers").fieldNames()
                .forEachRemaining(header -> assertThat(exposed).contains(header));

        RawHttp.Response spec = send("GET /openapi.yaml HTTP/1.1\r\nOrigin: http://localhost:8081\r\n");
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.header("Access-Control-Allow-Origin")).hasValue("http://localhost:8081");
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() throws IOException {
        RawHttp.Response preflight = send("OPTIONS /v2/balance HTTP/1.1\r\nOrigin: http://evil.example\r\n"
                + "Access-Control-Request-Method: GET\r\n");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
        RawHttp.Response call = send("GET /v2/balance HTTP/1.1\r\nOrigin: http://evil.example\r\nAuthorization: "
                + SandboxTestSupport.bearer(SandboxTestSupport.ACME) + "\r\n");
        assertThat(call.header("Access-Control-Allow-Origin")).isEmpty();
    }

    /** A page from another port, in Chromium, calls the API with a key and reads the body and X-RateLimit-Remaining. */
    @Test
    void chromiumOnAnotherPortCallsTheApi() throws IOException {
        assumeTrue(chromium != null, HeadlessChromium.SKIPPED);
        WebDriver browser = chromium.driver();
        String page = """
                <!doctype html><html><body><pre id="result">pending</pre><script>
                fetch('http://127.0.0.1:%d/v2/balance', {headers: {'Authorization': 'Bearer %s'}})
                  .then(r => r.text().then(body => {
                    document.getElementById('result').textContent =
                      r.status + ' ' + r.headers.get('X-RateLimit-Remaining') + ' ' + body; }))
                  .catch(e => { document.getElementById('result').textContent = 'failed ' + e; });
                </script></body></html>""".formatted(port, SandboxTestSupport.ACME);
        HttpServer tool = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tool.createContext("/", exchange -> {
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        tool.start();
        try {
            browser.get("http://127.0.0.1:" + tool.getAddress().getPort() + "/");
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                    ExpectedConditions.not(ExpectedConditions.textToBe(By.id("result"), "pending")));
            String result = browser.findElement(By.id("result")).getText();
            assertThat(result).startsWith("200 ");
            assertThat(result.split(" ")[1]).matches("\\d+");
            assertThat(result).contains("\"success\":true");
        } finally {
            tool.stop(0);
        }
    }

    private RawHttp.Response send(String head) throws IOException {
        return RawHttp.send(port, head + "Host: localhost\r\nConnection: close\r\n\r\n");
    }

    @BeforeAll
    static void startChromium() throws IOException {
        chromium = HeadlessChromium.start(CorsHttpTest.class);
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }
}
