package com.clickairtime.balance.sandbox.web;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's severe finding, on the real server: no client holds a worker or the connection
 * slots by sending slowly. Bodies are refused unread; a request head has a total deadline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sandbox.rate-limit.requests-per-minute=1000000",
        "sandbox.rate-limit.failed-authentications-per-minute=1000000",
        "sandbox.request-deadline=3s"})
@ExtendWith(OutputCaptureExtension.class)
class SlowClientsHttpTest {

    /** The test's deadline, and Tomcat's per-read timeout, which a trickle of bytes never lets fire. */
    private static final Duration DEADLINE = Duration.ofSeconds(3);

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "GET /docs HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\n",
            "GET /v2/balance HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\nx",
            "HEAD /v2/balance HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\n",
            "OPTIONS /v2/balance HTTP/1.1\r\nHost: localhost\r\nContent-Length: 7\r\n\r\n",
            "GET /openapi.yaml HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nonly",
            "POST /openapi.yaml HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\nx",
    })
    void aBodyIsRefusedUnreadTheConnectionClosedAndNothingLogged(String head, CapturedOutput output) throws IOException {
        int logged = output.getAll().length();
        try (Socket socket = connect()) {
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            // The rest of the body never comes: the answer and the close must not wait for it.
            socket.setSoTimeout(1_000);
            String answer = readUntilClosed(socket.getInputStream());
            boolean read = !head.startsWith("POST");
            assertThat(answer).startsWith(read ? "HTTP/1.1 400 " : "HTTP/1.1 405 ");
            assertThat(answer.toLowerCase()).contains("\r\nconnection: close\r\n");
            if (!head.startsWith("HEAD")) {
                assertThat(answer).contains(read ? "\"code\":\"MALFORMED_REQUEST\"" : "\"code\":\"METHOD_NOT_ALLOWED\"");
            }
        }
        // Refused traffic costs no log: no error page forwarded after the answer, no stack trace.
        assertThat(output.getAll().substring(logged)).doesNotContain("ERROR", "WARN", "Exception");
    }

    @Test
    void slowBodiesHoldNoWorker() throws Exception {
        ScheduledExecutorService dribble = Executors.newScheduledThreadPool(1);
        List<Socket> attackers = new ArrayList<>();
        try {
            // Twice the sandbox's four workers, each sending a body one byte at a time.
            for (int i = 0; i < 8; i++) {
                Socket socket = connect();
                attackers.add(socket);
                socket.getOutputStream().write(("GET /docs HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                dribble.scheduleAtFixedRate(() -> send(socket, "x"), 200, 200, TimeUnit.MILLISECONDS);
            }
            Thread.sleep(500);
            assertThat(realCall()).isLessThan(Duration.ofSeconds(1));
        } finally {
            dribble.shutdownNow();
            closeAll(attackers);
        }
    }

    @Test
    void aHeadThatTricklesInIsClosedAtTheDeadline() throws Exception {
        ScheduledExecutorService dribble = Executors.newScheduledThreadPool(1);
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET /v2/balance HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1));
            long start = System.nanoTime();
            // A byte every 400 ms: far inside the 5 s per-read timeout, forever.
            dribble.scheduleAtFixedRate(() -> send(socket, "a"), 400, 400, TimeUnit.MILLISECONDS);
            socket.setSoTimeout((int) DEADLINE.multipliedBy(3).toMillis());
            int read;
            try {
                read = socket.getInputStream().read();
            } catch (SocketTimeoutException stillOpen) {
                read = -2;
            } catch (IOException reset) {
                read = -1;
            }
            Duration open = Duration.ofNanos(System.nanoTime() - start);
            assertThat(read).as("the server closed the connection").isEqualTo(-1);
            assertThat(open).isBetween(DEADLINE.minusMillis(500), DEADLINE.plusSeconds(2));
        } finally {
            dribble.shutdownNow();
        }
    }

    /**
     * Issue 25: sixteen readers with a 2 KB receive buffer, each asking for the docs' 1.6 MB
     * bundle four times in one go and reading nothing, are held (each has the start of its answer
     * waiting), and a real call still answers at once, again and again: no worker waits on them.
     */
    @Test
    void sixteenReadersThatNeverReadHoldNoWorker(CapturedOutput output) throws Exception {
        int logged = output.getAll().length();
        String bundle = "GET /docs/swagger-ui/swagger-ui-bundle.js HTTP/1.1\r\nHost: localhost\r\n\r\n";
        List<Socket> readers = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                Socket socket = new Socket();
                socket.setReceiveBufferSize(2_048);
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                readers.add(socket);
                socket.getOutputStream().write(bundle.repeat(4).getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            }
            Thread.sleep(1_000);
            for (int i = 0; i < 3; i++) {
                assertThat(realCall()).as("real call %d", i).isLessThan(Duration.ofSeconds(1));
            }
            for (Socket reader : readers) {
                reader.setSoTimeout(5_000);
                byte[] status = reader.getInputStream().readNBytes(12);
                assertThat(new String(status, StandardCharsets.ISO_8859_1)).as("a held reader's answer").isEqualTo("HTTP/1.1 200");
            }
        } finally {
            closeAll(readers);
        }
        // Readers that leave in the middle of their answers are no server fault: nothing logged about them.
        Thread.sleep(1_000);
        assertThat(realCall()).isLessThan(Duration.ofSeconds(1));
        assertThat(output.getAll().substring(logged)).doesNotContain("ERROR", "WARN", "Exception");
    }

    /** More held-open heads than the old max-connections (2,000): a real call still gets a slot at once. */
    @Test
    void twoThousandOneHundredSlowHeadsLeaveRoomForARealCall() throws Exception {
        List<Socket> attackers = new ArrayList<>();
        try {
            for (int i = 0; i < 2_100; i++) {
                Socket socket = connect();
                attackers.add(socket);
                socket.getOutputStream().write("GET /v2/balance HTTP/1.1\r\nHost: localhost\r\nX-Slow: a".getBytes(StandardCharsets.ISO_8859_1));
            }
            assertThat(realCall()).isLessThan(Duration.ofSeconds(1));
        } finally {
            closeAll(attackers);
        }
    }

    private Duration realCall() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/balance"))
                .header("Authorization", SandboxTestSupport.bearer(SandboxTestSupport.ACME)).timeout(Duration.ofSeconds(20)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.statusCode()).isEqualTo(200);
        return took;
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return socket;
    }

    private static void send(Socket socket, String text) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException closed) {
            // The server closed it: what the deadline is for.
        }
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
