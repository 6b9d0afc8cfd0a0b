package com.clickairtime.balance.sandbox.web;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static com.clickairtime.balance.sandbox.SandboxTestSupport.ACME;
import static com.clickairtime.balance.sandbox.SandboxTestSupport.ACME_REVOKED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox under hostile traffic, through the real embedded Tomcat: most of these requests
 * are answered, or were mishandled, by the container before Spring sees them.
 *
 * <p>This class sends hundreds of failing requests from one address, so its sandbox allows
 * that many; the limits themselves are {@code RateLimitMvcTest}'s subject.
 * Surefire runs it with Tomcat's request-data logging at INFO for every occurrence
 * ({@code UserDataHelper.CONFIG=INFO_ALL}), so that the log tests see what Tomcat would
 * log, not only its first parsing error of the JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sandbox.rate-limit.failed-authentications-per-minute=1000000",
        "sandbox.rate-limit.requests-per-minute=1000000",
        "server.tomcat.connection-timeout=1s",
        "server.tomcat.keep-alive-timeout=1s"})
@ExtendWith(OutputCaptureExtension.class)
class HostileTrafficHttpTest {

    private static final String ALLOWED = SandboxTestSupport.ALLOWED_METHODS;

    @LocalServerPort
    int port;

    /** A well-formed key that no file holds, and a marker no response or log line could contain by chance. */
    private final String secretKey = "ce_live_" + random(32);
    private final String marker = "mk" + random(20);

    @Test
    void noKeyAndNoRequestContentEverReachesTheLog(CapturedOutput output) throws IOException {
        String secret = secretKey.substring("ce_live_".length());
        List<String> requests = List.of(
                "GET /v2/balance HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + secretKey + "\u0000" + marker + "\r\n\r\n",
                "GET /v2/balance HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + secretKey + "\r" + marker + "\r\n\r\n",
                "GET /v2/balance HTTP/1.1\r\nHost: localhost\r\nAuth(" + marker + "): Bearer " + secretKey + "\r\n\r\n",
                "GET /v2/balance?api_key=" + secretKey + "&m=" + marker + "| HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /v2/" + secretKey + "/" + marker + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /" + secretKey + "/" + marker + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /v2/balance/" + secretKey + marker + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ACME + "\r\n\r\n",
                "GET /v2/balance HTTP/1.1\r\nHost: localhost\r\nCookie: k=" + secretKey + "; \u0001" + marker + "\r\nAuthorization: Bearer " + ACME + "\r\n\r\n",
                "GET /v2/balance?" + marker + "=%zz" + secretKey + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ACME + "\r\n\r\n",
                "GET /v2/balance HTTP/2.0\r\nHost: localhost\r\nAuthorization: Bearer " + secretKey + marker + "\r\n\r\n",
                "TRACE /v2/balance HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + secretKey + "\r\nX-" + marker + ": 1\r\n\r\n",
                "OPTIONS * HTTP/1.1\r\nHost: " + marker + "\r\nAuthorization: Bearer " + secretKey + "\r\n\r\n",
                "G\u0000ET /v2/" + marker + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + secretKey + "\r\n\r\n",
                "GET /v2/balance HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + secretKey + "\r\n" + marker + "\r\n\r\n");
        for (String request : requests) {
            RawHttp.Response response = RawHttp.send(port, request.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"));
            assertThat(response.status()).as(request).isBetween(200, 505).isNotEqualTo(500);
            assertThat(response.head() + response.body()).as(request).doesNotContain(secret, marker);
        }
        assertThat(output.getAll()).doesNotContain(secret).doesNotContain(marker);
    }

    /** 600 rejected 7 KB requests, half of them inside the API's namespace: the log does not grow by a byte. */
    @Test
    void rejectedRequestsAddNothingToTheLog(CapturedOutput output) throws IOException {
        RawHttp.send(port, "GET /warm-up HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        int before = output.getAll().length();
        String padding = "p".repeat(7_000);
        for (int i = 0; i < 600; i++) {
            String path = (i % 2 == 0 ? "/v2/" : "/") + marker + padding + i;
            RawHttp.Response response = RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).isIn(401, 404);
        }
        assertThat(output.getAll().substring(before)).isEmpty();
    }

    /**
     * Headers that once made a 500 and a stack trace, or a log line, for anyone without a key: a
     * multipart Content-Type without a boundary on a read (nothing parses bodies any more), and an
     * unparseable Accept outside the API.
     */
    @Test
    void oddHeadersAreNoServerFaultAndAddNothingToTheLog(CapturedOutput output) throws IOException {
        int before = output.getAll().length();
        for (String path : List.of("/docs", "/nx", "/v2/balance")) {
            for (String header : List.of("Content-Type: multipart/form-data", "Content-Type: multipart/x; boundary=\"\"",
                    "Accept: x", "Accept: application/json;q=abc")) {
                RawHttp.Response response = RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + ACME + "\r\n" + header + "\r\nConnection: close\r\n\r\n");
                assertThat(response.status()).as(path + " " + header).isLessThan(500);
            }
        }
        assertThat(output.getAll().substring(before)).isEmpty();
    }

    /** No "100 Continue" invites a body that nothing reads: the final answer comes at once. */
    @Test
    void expectContinueGetsTheFinalAnswerAndNoInvitation() throws IOException {
        for (String method : List.of("PUT", "POST")) {
            RawHttp.Response response = RawHttp.send(port, method + " /v2/balance HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + ACME + "\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n");
            assertThat(response.head()).as(method).startsWith("HTTP/1.1 405 ");
        }
    }

    @Test
    void anUnsupportedHttpVersionIsA505NotAServerFault() throws IOException {
        for (String version : List.of("HTTP/2.0", "HTTP/9.9")) {
            RawHttp.Response response = RawHttp.send(port, "GET /v2/balance " + version
                    + "\r\nHost: localhost\r\nAuthorization: Bearer " + ACME + "\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).as(version).isEqualTo(505);
            assertThat(errorCode(response)).as(version).isEqualTo("HTTP_VERSION_NOT_SUPPORTED");
            assertThat(response.header("X-RateLimit-Limit")).as(version).isPresent();
        }
    }

    /**
     * Issue 25: HTTP/2 with prior knowledge, its whole preface and first SETTINGS frame in one
     * packet, as a client sends them, gets the 505 envelope like any other version (it was a
     * silent close); an HTTP/1.1 request that offers the upgrade is served as HTTP/1.1.
     */
    @Test
    void theHttp2PrefaceIsA505LikeAnyOtherVersion() throws IOException {
        byte[] preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] settings = {0, 0, 0, 4, 0, 0, 0, 0, 0};
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            byte[] both = new byte[preface.length + settings.length];
            System.arraycopy(preface, 0, both, 0, preface.length);
            System.arraycopy(settings, 0, both, preface.length, settings.length);
            socket.getOutputStream().write(both);
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 505 ");
            assertThat(answer).containsIgnoringCase("\r\nX-RateLimit-Limit: ");
            assertThat(errorCode(new RawHttp.Response(505, "", answer.substring(answer.indexOf("\r\n\r\n") + 4))))
                    .isEqualTo("HTTP_VERSION_NOT_SUPPORTED");
        }
        RawHttp.Response upgrade = send("GET /v2/balance HTTP/1.1\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA", ACME);
        assertThat(upgrade.status()).isEqualTo(200);
    }

    @Test
    void allowListsOnlyWhatTheSandboxServes() throws IOException {
        RawHttp.Response asterisk = send("OPTIONS * HTTP/1.1", null);
        assertThat(asterisk.status()).isEqualTo(204);
        assertThat(asterisk.header("Allow")).hasValue(ALLOWED);
        assertThat(asterisk.header("X-RateLimit-Remaining")).isPresent();

        RawHttp.Response options = send("OPTIONS /v2/balance HTTP/1.1", ACME);
        assertThat(options.status()).isEqualTo(204);
        assertThat(options.header("Allow")).hasValue(ALLOWED);
        assertThat(options.header("X-RateLimit-Limit")).isPresent();
        assertThat(options.body()).isEmpty();

        for (String method : List.of("TRACE", "POST", "PUT", "DELETE", "PATCH", "CONNECT")) {
            String target = method.equals("CONNECT") ? "127.0.0.1:1" : "/v2/balance/wal_ghs_001";
            RawHttp.Response response = send(method + " " + target + " HTTP/1.1", ACME);
            assertThat(response.status()).as(method).isEqualTo(405);
            assertThat(response.header("Allow")).as(method).hasValue(ALLOWED);
            assertThat(errorCode(response)).as(method).isEqualTo("METHOD_NOT_ALLOWED");
            assertThat(response.body()).as(method).doesNotContain(ACME.substring(8));
        }
    }

    /** Without a usable key nothing else is revealed: not the method, the media type, the route or OPTIONS. */
    @Test
    void insideTheApiAuthenticationComesFirst() throws IOException {
        List<String> requests = List.of("GET /v2/balance HTTP/1.1\r\nAccept: application/xml", "POST /v2/balance HTTP/1.1",
                "TRACE /v2/balance HTTP/1.1", "GET /v2/no-such-thing HTTP/1.1", "OPTIONS /v2/balance HTTP/1.1",
                "DELETE /v2/balance/wal_ghs_001 HTTP/1.1");
        for (String request : requests) {
            for (String key : new String[] {null, ACME_REVOKED}) {
                RawHttp.Response response = send(request, key);
                assertThat(response.status()).as(request + " with " + key).isEqualTo(401);
                assertThat(errorCode(response)).isIn("INVALID_API_KEY", "REVOKED_API_KEY");
            }
        }
        assertThat(send(requests.get(0), ACME).status()).isEqualTo(406);
        assertThat(send(requests.get(1), ACME).status()).isEqualTo(405);
        assertThat(send(requests.get(3), ACME).status()).isEqualTo(404);
    }

    /** 404, 405, 406 and 400 carry the headers too, and each is counted: the key's budget goes down by one every time. */
    @Test
    void everyAnswerCarriesTheRateLimitHeadersAndIsCounted() throws IOException {
        List<Integer> remaining = new ArrayList<>();
        for (String request : List.of("GET /v2/balance HTTP/1.1", "GET /v2/unknown HTTP/1.1", "POST /v2/balance HTTP/1.1",
                "GET /v2/balance HTTP/1.1\r\nAccept: text/html", "GET /v2/balance/wal_nope HTTP/1.1")) {
            RawHttp.Response response = send(request, SandboxTestSupport.GLOBEX);
            remaining.add(Integer.parseInt(response.header("X-RateLimit-Remaining").orElseThrow()));
            assertThat(response.header("X-RateLimit-Limit")).as(request).isPresent();
            assertThat(response.header("X-RateLimit-Reset")).as(request).isPresent();
        }
        assertThat(remaining).isSortedAccordingTo((a, b) -> b - a).doesNotHaveDuplicates();
        assertThat(remaining.get(0) - remaining.get(remaining.size() - 1)).isEqualTo(remaining.size() - 1);

        // Outside the API, and where Tomcat itself refuses the request, the address is counted.
        for (String request : List.of("GET /nowhere HTTP/1.1", "GET /a|b HTTP/1.1", "GET /v2/balance HTTP/9.9")) {
            RawHttp.Response response = send(request, null);
            assertThat(response.status()).as(request).isBetween(400, 505);
            assertThat(response.header("X-RateLimit-Remaining")).as(request).isPresent();
        }
    }

    @Test
    void moreThanOneAuthorizationHeaderIsAmbiguous() throws IOException {
        String good = "Authorization: Bearer " + ACME;
        String bad = "Authorization: Bearer ce_live_" + "0".repeat(32);
        for (String[] pair : new String[][] {{good, bad}, {bad, good}, {good, good}}) {
            RawHttp.Response response = RawHttp.send(port, "GET /v2/balance HTTP/1.1\r\nHost: localhost\r\n" + pair[0] + "\r\n"
                    + pair[1] + "\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).isEqualTo(401);
            assertThat(errorCode(response)).isEqualTo("INVALID_API_KEY");
        }
    }

    /**
     * 200 idle connections and 20 that stall in the middle of their headers: a real caller is
     * still served, and the server drops every one of them after its timeout (1 s here; the
     * sandbox's default is 5 s). Bounded: 220 sockets on loopback, at most 10 s of waiting.
     */
    @Test
    void idleAndStalledConnectionsAreDroppedAndDoNotStarveRealCallers() throws IOException {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 220; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                if (i % 11 == 0) {
                    socket.getOutputStream().write("GET /v2/balance HTTP/1.1\r\nHost: localhost\r\nAuthoriz".getBytes(StandardCharsets.US_ASCII));
                }
                held.add(socket);
            }
            assertThat(send("GET /v2/balance HTTP/1.1", ACME).status()).isEqualTo(200);
            List<Integer> stillOpen = new ArrayList<>();
            for (int i = 0; i < held.size(); i++) {
                if (!closedByServer(held.get(i))) {
                    stillOpen.add(i);
                }
            }
            assertThat(stillOpen).as("connections the server kept open").isEmpty();
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /** Reads until the server closes the connection (any answer it sends first is fine), for at most 10 s. */
    private static boolean closedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        try {
            while (in.read() != -1) {
                // an error answer before the close, e.g. 400 for the stalled header
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private RawHttp.Response send(String requestLineAndHeaders, String key) throws IOException {
        String authorization = key == null ? "" : "Authorization: Bearer " + key + "\r\n";
        return RawHttp.send(port, requestLineAndHeaders + "\r\nHost: localhost\r\n" + authorization + "Connection: close\r\n\r\n");
    }

    private static String errorCode(RawHttp.Response response) {
        return SandboxTestSupport.exact(response.body()).at("/error/code").asText();
    }

    private static String random(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        return random.ints(length, 0, alphabet.length()).mapToObj(i -> String.valueOf(alphabet.charAt(i)))
                .collect(Collectors.joining());
    }
}
