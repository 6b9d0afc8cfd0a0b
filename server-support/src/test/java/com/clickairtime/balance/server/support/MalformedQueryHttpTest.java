package com.clickairtime.balance.server.support;

import com.clickairtime.balance.openapi.BalanceSpec;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the wire, through Tomcat: a query with a bad percent-escape is parsed only when an operation
 * reads a parameter, and then surfaces in Spring MVC as Tomcat's own exception. The caller's
 * malformed request, so the documented 400, not a 500. (No HTTP client builds such a URI: raw bytes.)
 */
@SpringBootTest(classes = WireFormatTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedQueryHttpTest {

    @LocalServerPort
    int port;

    @Test
    void aBadPercentEscapeInTheQueryIsAMalformedRequest() throws IOException {
        String answer = send("GET /query?q=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        int status = BalanceSpec.load().errors().get("MALFORMED_REQUEST").status();
        assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
        assertThat(answer).contains("\"code\":\"MALFORMED_REQUEST\"").doesNotContain("%zz");
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
