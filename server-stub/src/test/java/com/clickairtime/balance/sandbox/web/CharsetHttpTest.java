package com.clickairtime.balance.sandbox.web;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's second severe finding, on the wire: JSON is always UTF-8 {@code application/json},
 * whatever {@code charset} or other parameter {@code Accept} carries; {@code q=0} is honoured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sandbox.rate-limit.requests-per-minute=1000000"})
@ExtendWith(OutputCaptureExtension.class)
class CharsetHttpTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "application/json; charset=iso-8859-1            | 200",
            "application/json;charset=UTF-16BE                | 200",
            "application/json; charset=us-ascii               | 200",
            "application/json; charset=x-bogus                | 200",
            "*/*; charset=x-bogus                             | 200",
            "application/json;charset=                        | 200",
            "application/json;charset=\"../../etc\"           | 200",
            "application/json;charset=x-bogus;q=0             | 406",
            "application/json;foo=bar                         | 200",
            "application/*;q=0.1                              | 200",
            "*/*;q=0.5, application/json;q=0.9;charset=utf-32 | 200",
            "application/json;q=0                             | 406",
            "*/*, application/json;q=0                        | 406",
            "application/*;q=0, text/html                     | 406",
            "application/json;charset=utf-8;q=0               | 406"})
    void jsonIsAlwaysUtf8ApplicationJson(String accept, int status, CapturedOutput output) throws IOException {
        for (String target : new String[]{"/v2/balance", "/v2/balance/wal_unknown_001"}) {
            RawHttp.Response response = RawHttp.send(port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: " + SandboxTestSupport.bearer(SandboxTestSupport.ACME) + "\r\nAccept: " + accept + "\r\n\r\n");
            int expected = status == 200 && target.endsWith("wal_unknown_001") ? 404 : status;
            assertThat(response.status()).as(target).isEqualTo(expected);
            // Exactly the type, no parameter echoed or invented, and the body UTF-8 JSON (no NUL bytes of UTF-16/32).
            assertThat(response.header("Content-Type")).as(target).hasValue("application/json");
            assertThat(response.body()).as(target).startsWith("{\"success\":").doesNotContain("\u0000");
            if (status == 406) {
                assertThat(response.body()).contains("\"code\":\"NOT_ACCEPTABLE\"");
            }
        }
        assertThat(output).doesNotContain("Exception", "at org.");
    }

    /** Outside the API as well, a charset the JVM does not know decides nothing (it was a 406 for the spec and the docs). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"/openapi.yaml", "/docs"})
    void anUnknownCharsetDoesNotRefuseTheSpecOrTheDocs(String path) throws IOException {
        RawHttp.Response response = RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Accept: */*; charset=x-bogus\r\n\r\n");
        assertThat(response.status()).isEqualTo(200);
    }
}
