package com.clickairtime.balance.sandbox.web;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import com.clickairtime.balance.sandbox.browser.HeadlessChromium;
import com.clickairtime.balance.sandbox.config.SandboxProperties;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 17's CORS finding on the real server: browser tools on another loopback port can call
 * the API with a key and read the body and the rate-limit headers; preflights need no key and
 * are never counted; other origins get no CORS headers. The last test is a real Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class CorsHttpTest {

    private static HeadlessChromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    SandboxProperties properties;

    @Test
    void aPreflightIsAnsweredWithoutAKeyAndNeverCounted() throws IOException {
        int failures = properties.rateLimit().failedAuthenticationsPerMinute();
        java.util.Set<String> remaining = new java.util.HashSet<>();
        for (int i = 0; i < failures + 5; i++) {
            RawHttp.Response preflight = send("OPTIONS /v2/balance HTTP/1.1\r\nOrigin: http://localhost:3000\r\n"
                    + "Access-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: authorization\r\n");
            assertThat(preflight.status()).isEqualTo(204);
            assertThat(preflight.header("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
            assertThat(preflight.header("Access-Control-Allow-Headers").orElseThrow().toLowerCase()).contains("authorization");
            assertThat(preflight.header("Access-Control-Allow-Methods").orElseThrow()).contains("GET");
            remaining.add(preflight.header("X-RateLimit-Remaining").orElseThrow());
        }
        assertThat(remaining).as("the address's budget, shown and not counted").hasSize(1);
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

    /** An Origin no browser sends is no CORS request, and no server fault: it once was a 500 with a stack trace, never counted. */
    @Test
    void aMalformedOriginIsAnsweredLikeAnyRequestAndLogsNothing(CapturedOutput output) throws IOException {
        int before = output.getAll().length();
        for (String origin : new String[]{"http://a b", "http://localhost:", "http://localhost:80:80",
                "http://localhost:3000, http://evil.example", "http://local\u00e9host"}) {
            RawHttp.Response api = send("GET /v2/balance HTTP/1.1\r\nOrigin: " + origin + "\r\nAuthorization: "
                    + SandboxTestSupport.bearer(SandboxTestSupport.ACME) + "\r\n");
            assertThat(api.status()).as(origin).isEqualTo(200);
            assertThat(api.header("Access-Control-Allow-Origin")).as(origin).isEmpty();
            assertThat(send("GET /nx HTTP/1.1\r\nOrigin: " + origin + "\r\n").status()).as(origin).isEqualTo(404);
        }
        assertThat(output.getAll().substring(before)).isEmpty();
    }

    /** A preflight that asks for headers the API does not take is refused, never answered with its own list. */
    @Test
    void aPreflightForOtherHeadersIsNotEchoed() throws IOException {
        RawHttp.Response preflight = send("OPTIONS /v2/balance HTTP/1.1\r\nOrigin: http://localhost:3000\r\n"
                + "Access-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: x-evil-marker\r\n");
        assertThat(preflight.head()).doesNotContainIgnoringCase("x-evil-marker");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
    }

    /**
     * Issue 25: a preflight that asks for one header the API does not take next to ones it does
     * is refused whole (the spec's CORS section): no Access-Control-* header at all, so the
     * browser does not send the call. Asking only for what the API takes, in any case, is allowed.
     */
    @Test
    void aPreflightAskingForAnyOtherHeaderIsRefusedWhole() throws IOException {
        for (String asked : new String[]{"authorization, x-evil-marker", "x-evil-marker,authorization", "Authorization,Accept,X-Evil-Marker"}) {
            RawHttp.Response preflight = send("OPTIONS /v2/balance HTTP/1.1\r\nOrigin: http://localhost:3000\r\n"
                    + "Access-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: " + asked + "\r\n");
            assertThat(preflight.status()).as(asked).isEqualTo(204);
            assertThat(preflight.head().lines().filter(line -> line.toLowerCase().startsWith("access-control-")))
                    .as(asked).isEmpty();
            assertThat(preflight.head()).as(asked).doesNotContainIgnoringCase("x-evil-marker");
        }
        RawHttp.Response allowed = send("OPTIONS /v2/balance HTTP/1.1\r\nOrigin: http://localhost:3000\r\n"
                + "Access-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: AUTHORIZATION, accept\r\n");
        assertThat(allowed.header("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
    }

    /** Issue 25: a preflight carries what every other answer carries (its budget not counted), inside the API no-store too. */
    @Test
    void aPreflightCarriesTheHeadersOfEveryAnswer() throws IOException {
        for (String origin : new String[]{"http://localhost:3000", "http://evil.example"}) {
            RawHttp.Response preflight = send("OPTIONS /v2/balance HTTP/1.1\r\nOrigin: " + origin + "\r\n"
                    + "Access-Control-Request-Method: GET\r\n");
            assertThat(preflight.status()).as(origin).isEqualTo(204);
            for (String header : new String[]{"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"}) {
                assertThat(preflight.header(header)).as(origin + " " + header).isPresent();
            }
            assertThat(preflight.header("X-Content-Type-Options")).as(origin).hasValue("nosniff");
            assertThat(preflight.header("X-Frame-Options")).as(origin).hasValue("DENY");
            assertThat(preflight.header("Cache-Control")).as(origin).hasValue("no-store");
        }
    }

    /**
     * Issue 25: an allowed Origin changes the answer (Access-Control-* headers), so every answer
     * says Vary: Origin (Fetch standard, CORS protocol and HTTP caches), with or without one, on
     * every path; an OPTIONS depends on the preflight's headers too.
     */
    @Test
    void everyAnswerVariesByOrigin() throws IOException {
        String key = "Authorization: " + SandboxTestSupport.bearer(SandboxTestSupport.ACME) + "\r\n";
        for (String request : new String[]{"GET /v2/balance HTTP/1.1\r\n" + key, "GET /v2/balance HTTP/1.1\r\n",
                "GET /v2/balance HTTP/1.1\r\nOrigin: http://localhost:3000\r\n" + key, "GET /openapi.yaml HTTP/1.1\r\n",
                "GET /docs HTTP/1.1\r\n", "GET /nx HTTP/1.1\r\n", "GET /v2/balance HTTP/1.1\r\nOrigin: http://evil.example\r\n" + key,
                "OPTIONS /v2/balance HTTP/1.1\r\n" + key, "OPTIONS /docs HTTP/1.1\r\n"}) {
            RawHttp.Response response = send(request);
            String line = request.substring(0, request.indexOf('\r'));
            List<String> vary = response.head().lines().filter(header -> header.toLowerCase().startsWith("vary:"))
                    .flatMap(header -> Arrays.stream(header.substring(5).split(","))).map(String::strip).toList();
            assertThat(vary).as(line + " -> " + response.status()).contains("Origin");
            if (request.startsWith("OPTIONS")) {
                assertThat(vary).as(line).contains("Access-Control-Request-Method", "Access-Control-Request-Headers");
            }
        }
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
