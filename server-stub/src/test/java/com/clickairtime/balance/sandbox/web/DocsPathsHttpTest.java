package com.clickairtime.balance.sandbox.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25's docs findings, on the real server: one reading of the path (Tomcat's decoded,
 * normalised one) decides whether an answer gets the docs' headers and which file it is, so no
 * spelling of a path serves Swagger UI's stock page or leaves the headers off; and nothing a
 * request sends to the assets reaches the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class DocsPathsHttpTest {

    @LocalServerPort
    int port;

    /** The stock page and initializer load petstore.swagger.io; the docs page is /docs alone. */
    @ParameterizedTest
    @ValueSource(strings = {"/docs/swagger-ui/index.html", "/docs/swagger-ui/%69ndex.html", "/docs/swagger-ui/index.html;x=1",
            "/docs/swagger-ui//index.html", "/docs/swagger-ui/./index.html", "/%64ocs/swagger-ui/index.html",
            "/docs/swagger-ui/x/../index.html", "/docs/swagger%2Dui/index.html", "/docs/swagger-ui/swagger-initializer.js",
            "/docs/swagger-ui/swagger%2Dinitializer.js", "/docs/swagger-ui/swagger-initializer.js;v=1",
            "/docs/swagger-ui/oauth2-redirect.html", "/docs/swagger-ui/", "/docs/swagger-ui", "/docs/swagger-ui/%2e/index.html"})
    void theStockPageIsNotServedInAnySpelling(String path) throws IOException {
        RawHttp.Response response = get(path);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"");
        assertThat(response.header("Content-Security-Policy")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/docs", "/%64ocs", "/docs;x", "/docs/", "/%64ocs/", "/openapi.yaml", "/%6fpenapi.yaml", "/openapi.yaml;x",
            "/%6Fpenapi%2Eyaml", "/docs/swagger-ui/swagger-ui.css", "/%64ocs/swagger-ui/swagger-ui.css",
            "/docs/swagger-ui/swagger%2Dui.css", "/docs/assets/sandbox-docs.js;v=1", "/docs/assets/./sandbox-docs.js"})
    void everySpellingOfADocsPathGetsTheDocsHeaders(String path) throws IOException {
        RawHttp.Response response = get(path);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Security-Policy").orElseThrow()).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(response.header("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.header("X-Frame-Options")).hasValue("DENY");
    }

    /** Any web page can send these with an img tag: once, each wrote a WARN line holding the sent text. */
    @Test
    void nothingSentToTheAssetsIsLogged(CapturedOutput output) throws IOException {
        get("/docs/assets/sandbox-docs.js");
        int before = output.getAll().length();
        String marker = "mk" + new SecureRandom().ints(20, 'a', 'z' + 1).mapToObj(c -> String.valueOf((char) c))
                .collect(Collectors.joining());
        // U+202E, right-to-left override, percent-encoded as UTF-8: it turns a log line around on a terminal.
        String text = marker + "%E2%80%AE" + marker;
        for (String prefix : List.of("/docs/assets/META-INF/", "/docs/assets/..%2f", "/docs/assets/url:", "/docs/assets/file:",
                "/docs/assets/WEB-INF/", "/docs/assets/%2e%2e/", "/docs/swagger-ui/META-INF/", "/docs/swagger-ui/..%5c",
                "/docs/swagger-ui/classpath:", "/docs/assets/%252e%252e%252f")) {
            RawHttp.Response response = get(prefix + text);
            assertThat(response.status()).as(prefix).isIn(400, 404);
            assertThat(response.head() + response.body()).as(prefix).doesNotContain(marker);
        }
        assertThat(output.getAll().substring(before)).doesNotContain(marker).isEmpty();
    }

    /** An asset is its file, with its type and length; no Last-Modified (the jar's time says nothing). */
    @Test
    void anAssetIsItsFileWithoutLastModified() throws IOException {
        byte[] file = new ClassPathResource("docs/assets/sandbox-docs.js").getContentAsByteArray();
        RawHttp.Response response = get("/docs/assets/sandbox-docs.js");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type").orElseThrow()).contains("javascript");
        assertThat(response.header("Content-Length")).hasValue(Integer.toString(file.length));
        assertThat(response.body()).isEqualTo(new String(file, java.nio.charset.StandardCharsets.UTF_8));
        for (String asset : List.of("/docs/assets/sandbox-docs.js", "/docs/swagger-ui/swagger-ui-bundle.js", "/docs/swagger-ui/swagger-ui.css",
                "/docs/swagger-ui/favicon-32x32.png")) {
            RawHttp.Response answer = get(asset);
            assertThat(answer.status()).as(asset).isEqualTo(200);
            assertThat(answer.header("Last-Modified")).as(asset).isEmpty();
        }
    }

    private RawHttp.Response get(String path) throws IOException {
        return RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }
}
