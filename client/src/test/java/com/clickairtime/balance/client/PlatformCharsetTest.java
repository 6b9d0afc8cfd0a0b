package com.clickairtime.balance.client;

import com.clickairtime.balance.client.error.NotFoundException;
import com.clickairtime.balance.client.error.UnexpectedResponseException;
import com.clickairtime.balance.client.generated.model.Wallet;
import com.clickairtime.balance.openapi.ExampleCase;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Bodies are UTF-8 whatever the platform's charset. The pom runs this class alone, in a JVM started with
 * {@code -Dfile.encoding=ISO-8859-1} (as on a Windows JVM before 18 or a POSIX C locale, where decoding
 * with the default charset turns "Côte d’Ivoire" into "CÃ´te dâ€™Ivoire").
 */
class PlatformCharsetTest {

    static final String COUNTRY = "C\u00f4te d\u2019Ivoire";
    static final String MESSAGE = "Portefeuille introuvable \u2014 v\u00e9rifiez l\u2019identifiant";
    static final String HTML = "<html><body>Passerelle indisponible \u2014 r\u00e9essayez</body></html>";

    static final ExampleCase WALLET = SpecBodies.success("getWalletBalance");
    static HttpServer server;

    private static String pathOf(String walletId) {
        return WALLET.requestTarget(Map.of("wallet_id", walletId), Map.of());
    }

    @BeforeAll
    static void serveUtf8Bytes() throws IOException {
        String wallet = SpecBodies.edited(WALLET.body(),
                root -> ((ObjectNode) root.get("data")).putArray("allowed_countries").add(COUNTRY).add("Ghana"));
        String notFound = SpecBodies.edited(SpecBodies.answering("getWalletBalance", 404).body(),
                root -> ((ObjectNode) root.get("error")).put("message", MESSAGE));
        Map<String, Object[]> routes = Map.of(
                WALLET.path(), new Object[] {200, "application/json", wallet},
                pathOf("wal_missing"), new Object[] {404, "application/json", notFound},
                pathOf("wal_behind_proxy"), new Object[] {502, "text/html; charset=utf-8", HTML});
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Object[] route = routes.get(exchange.getRequestURI().getRawPath());
            byte[] bytes = ((String) route[2]).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", (String) route[1]);
            exchange.sendResponseHeaders((Integer) route[0], bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static BalanceClient client() {
        return BalanceClient.builder().apiKey(BalanceClientTest.KEY).retryPolicy(RetryPolicy.none())
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort()).build();
    }

    @Test
    void thisJvmsDefaultCharsetIsNotUtf8() {
        // Without this the other tests would pass for the wrong reason.
        assertThat(Charset.defaultCharset()).isNotEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aSuccessBodyIsReadAsUtf8() {
        Wallet wallet = client().getWalletBalance(WALLET.pathParameters().get("wallet_id"));
        assertThat(wallet.getAllowedCountries()).containsExactly(COUNTRY, "Ghana");
    }

    @Test
    void anErrorEnvelopeIsReadAsUtf8() {
        NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> client().getWalletBalance("wal_missing"));
        assertThat(e.errorMessage()).isEqualTo(MESSAGE);
    }

    @Test
    void aBodyThatIsNotJsonIsReadAsUtf8() {
        UnexpectedResponseException e = catchThrowableOfType(UnexpectedResponseException.class,
                () -> client().getWalletBalance("wal_behind_proxy"));
        assertThat(e.bodyExcerpt()).isEqualTo(HTML);
    }
}
