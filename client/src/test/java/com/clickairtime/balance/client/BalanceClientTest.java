package com.clickairtime.balance.client;

import com.clickairtime.balance.client.error.AuthenticationException;
import com.clickairtime.balance.client.error.BalanceApiException;
import com.clickairtime.balance.client.error.BalanceTransportException;
import com.clickairtime.balance.client.error.NotFoundException;
import com.clickairtime.balance.client.error.PermissionDeniedException;
import com.clickairtime.balance.client.error.RateLimitedException;
import com.clickairtime.balance.client.error.ServerErrorException;
import com.clickairtime.balance.client.error.UnexpectedResponseException;
import com.clickairtime.balance.client.generated.model.BalanceSummary;
import com.clickairtime.balance.client.generated.model.Wallet;
import com.clickairtime.balance.client.generated.model.WalletType;
import com.clickairtime.balance.openapi.ExampleCase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The client over real HTTP against WireMock: wire tolerance, typed errors, retries, timeouts, encoding, key safety. */
class BalanceClientTest {

    private static final ExampleCase GHS = SpecBodies.named("getWalletBalance_ghs_wallet");
    private static final ExampleCase GLOBAL = SpecBodies.named("getWalletBalance_global_wallet");

    static final String KEY = "ce_live_TestKeyForTheClientTests00000001";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** The waits the client asked for between retries; none of them is slept for real. */
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    private BalanceClient client(RetryPolicy retryPolicy) {
        return BalanceClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).retryPolicy(retryPolicy)
                .requestTimeout(Duration.ofSeconds(5)).sleeper(sleeps::add).build();
    }

    private static void stub(String path, int status, String body) {
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void moneyKeepsTheScaleItWasSentWith() {
        JsonNode sent = SpecBodies.named("getBalance_acme_balance").body();
        stub("/v2/balance", 200, SpecBodies.json(sent));
        BalanceSummary balance = client(RetryPolicy.none()).getBalance();
        // BigDecimal.equals compares the scale too: 1250.5 would not equal 1250.50.
        assertThat(balance.getAvailableBalance().getAmount()).isEqualTo(sent.at("/data/available_balance/amount").decimalValue());
        assertThat(balance.getWallets()).extracting(Wallet::getBalance).containsExactly(
                sent.at("/data/wallets/0/balance").decimalValue(), sent.at("/data/wallets/1/balance").decimalValue());
        assertThat(balance.getAvailableBalance().getAmount().scale()).isEqualTo(2);
    }

    @Test
    void unknownFieldsAndEnumValuesAreTolerated() {
        String body = SpecBodies.edited(SpecBodies.named("getWalletBalance_ghs_wallet").body(), root -> {
            root.put("api_version", "2.1");
            ObjectNode data = (ObjectNode) root.get("data");
            data.put("type", "premium").put("status", "frozen").put("overdraft_limit", 50.25);
            data.putObject("limits").put("daily", 100);
            ((ObjectNode) root.get("meta")).put("region", "eu-west");
        });
        stub(GHS.path(), 200, body);
        Wallet wallet = client(RetryPolicy.none()).getWalletBalance(GHS.pathParameters().get("wallet_id"));
        assertThat(wallet.getType()).isEqualTo(WalletType.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(wallet.getId()).isEqualTo(GHS.pathParameters().get("wallet_id"));
    }

    @Test
    void theFullResultCarriesStatusRequestIdAndRateLimit() {
        JsonNode body = SpecBodies.named("getWalletBalance_global_wallet").body();
        server.stubFor(get(urlEqualTo(GLOBAL.path())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-RateLimit-Limit", "300")
                .withHeader("X-RateLimit-Remaining", "299").withHeader("X-RateLimit-Reset", "1705314660")
                .withBody(SpecBodies.json(body))));
        ApiResult<Wallet> result = client(RetryPolicy.none()).getWalletBalanceResult(GLOBAL.pathParameters().get("wallet_id"));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.requestId()).isEqualTo(body.at("/meta/request_id").asText());
        assertThat(result.rateLimit()).get().satisfies(limit -> {
            assertThat(limit.limit()).isEqualTo(300);
            assertThat(limit.remaining()).isEqualTo(299);
            assertThat(limit.reset().getEpochSecond()).isEqualTo(1705314660L);
        });
    }

    /** Every error the spec documents, named or not, becomes the exception for its status. */
    @TestFactory
    Stream<DynamicTest> everyDocumentedErrorBecomesItsTypedException() {
        Stream<Map.Entry<Integer, JsonNode>> named = SpecBodies.CASES.stream().filter(ExampleCase::isError)
                .map(c -> Map.entry(c.status(), c.body()));
        Stream<Map.Entry<Integer, JsonNode>> inline = Stream.of(
                Map.entry(429, SpecBodies.responseExample("TooManyRequests")),
                Map.entry(500, SpecBodies.responseExample("InternalError")));
        Map<Integer, Class<? extends BalanceApiException>> types = Map.of(401, AuthenticationException.class,
                403, PermissionDeniedException.class, 404, NotFoundException.class, 429, RateLimitedException.class,
                500, ServerErrorException.class);
        return Stream.concat(named, inline).map(error -> DynamicTest.dynamicTest(
                error.getKey() + " " + error.getValue().at("/error/code").asText(), () -> {
                    server.resetAll();
                    stub("/v2/balance", error.getKey(), SpecBodies.json(error.getValue()));
                    BalanceApiException e = catchThrowableOfType(BalanceApiException.class,
                            () -> client(RetryPolicy.none()).getBalance());
                    assertThat(e).isExactlyInstanceOf(types.get(error.getKey()));
                    assertThat(e.status()).isEqualTo(error.getKey());
                    assertThat(e.code()).isEqualTo(error.getValue().at("/error/code").asText());
                    assertThat(e.errorMessage()).isEqualTo(error.getValue().at("/error/message").asText());
                    assertThat(e.requestId()).hasValue(error.getValue().at("/meta/request_id").asText());
                }));
    }

    /** The names the hand-written SDK had keep working over the generated operation. */
    @Test
    @SuppressWarnings("deprecation")
    void theOldWalletMethodNamesStillWork() {
        JsonNode body = SpecBodies.named("getWalletBalance_ghs_wallet").body();
        stub(GHS.path(), 200, SpecBodies.json(body));
        BalanceClient client = client(RetryPolicy.none());
        assertThat(client.getWallet(GHS.pathParameters().get("wallet_id")).getId()).isEqualTo(body.at("/data/id").asText());
        assertThat(client.getWalletResult(GHS.pathParameters().get("wallet_id")).requestId()).isEqualTo(body.at("/meta/request_id").asText());
    }

    @Test
    void aGzippedBodyIsDecompressed() throws java.io.IOException {
        JsonNode sent = SpecBodies.named("getWalletBalance_ghs_wallet").body();
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write(SpecBodies.json(sent).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        server.stubFor(get(urlEqualTo(GHS.path())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip")
                .withBody(zipped.toByteArray())));
        assertThat(client(RetryPolicy.none()).getWalletBalance(GHS.pathParameters().get("wallet_id")).getBalance())
                .isEqualTo(sent.at("/data/balance").decimalValue());
    }

    @Test
    void anUnknownCodeStillParses() {
        stub("/v2/balance", 409, SpecBodies.edited(SpecBodies.responseExample("InternalError"),
                root -> ((ObjectNode) root.get("error")).put("code", "WALLET_FROZEN").putObject("details").put("until", new java.math.BigDecimal("1.50"))));
        BalanceApiException e = catchThrowableOfType(BalanceApiException.class, () -> client(RetryPolicy.none()).getBalance());
        assertThat(e).isExactlyInstanceOf(BalanceApiException.class);
        assertThat(e.code()).isEqualTo("WALLET_FROZEN");
        assertThat(e.details().get("until")).hasToString("1.50");
    }

    @Test
    void anHtmlErrorPageGivesTheStatusAndAShortExcerpt() {
        String html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"
                + "<hr><center>nginx</center>" + "<!-- padding -->".repeat(100) + "</body></html>";
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody(html)));
        UnexpectedResponseException e = catchThrowableOfType(UnexpectedResponseException.class,
                () -> client(RetryPolicy.none()).getBalance());
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.code()).isNull();
        assertThat(e.bodyExcerpt()).startsWith("<html><head><title>502 Bad Gateway</title>").hasSizeLessThanOrEqualTo(201);
        assertThat(e.getMessage()).contains("HTTP 502").hasSizeLessThan(400);
    }

    @Test
    void a429IsRetriedAfterTheWaitItAsksFor() {
        String limited = SpecBodies.json(SpecBodies.responseExample("TooManyRequests"));
        server.stubFor(get(urlEqualTo("/v2/balance")).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json").withBody(limited))
                .willSetStateTo("open"));
        server.stubFor(get(urlEqualTo("/v2/balance")).inScenario("limited").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(SpecBodies.json(SpecBodies.named("getBalance_acme_balance").body()))));
        client(RetryPolicy.defaults()).getBalance();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
        server.verify(2, getRequestedFor(urlEqualTo("/v2/balance")));
    }

    @Test
    void aRetryAfterBeyondTheCapFailsAtOnce() {
        server.stubFor(get(urlEqualTo("/v2/balance")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                .withHeader("Content-Type", "application/json")
                .withBody(SpecBodies.json(SpecBodies.responseExample("TooManyRequests")))));
        RetryPolicy capped = RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(5)).build();
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> client(capped).getBalance());
        assertThat(sleeps).isEmpty();
        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(120));
        server.verify(1, getRequestedFor(urlEqualTo("/v2/balance")));
    }

    @Test
    void a503ThenA200Succeeds() {
        server.stubFor(get(urlEqualTo("/v2/balance")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")).willSetStateTo("up"));
        server.stubFor(get(urlEqualTo("/v2/balance")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(SpecBodies.json(SpecBodies.named("getBalance_acme_balance").body()))));
        assertThat(client(RetryPolicy.defaults()).getBalance().getWallets()).hasSize(2);
        server.verify(2, getRequestedFor(urlEqualTo("/v2/balance")));
    }

    @Test
    void aDroppedConnectionIsRetried() {
        server.stubFor(get(urlEqualTo("/v2/balance")).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        server.stubFor(get(urlEqualTo("/v2/balance")).inScenario("reset").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(SpecBodies.json(SpecBodies.named("getBalance_acme_balance").body()))));
        assertThat(client(RetryPolicy.defaults()).getBalance().getWallets()).hasSize(2);
        server.verify(2, getRequestedFor(urlEqualTo("/v2/balance")));
    }

    @ParameterizedTest(name = "HTTP {0}, {1} retries -> {2} requests")
    @CsvSource({"503, 2, 3", "502, 1, 2", "504, 2, 3", "503, 0, 1", "500, 2, 1", "400, 2, 1"})
    void retriesAreBoundedAndOnlyForGatewayFailures(int status, int maxRetries, int requests) {
        server.stubFor(get(urlEqualTo("/v2/balance")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(SpecBodies.json(SpecBodies.responseExample("InternalError")))));
        RetryPolicy policy = RetryPolicy.builder().maxRetries(maxRetries).initialBackoff(Duration.ofMillis(10)).build();
        BalanceApiException e = catchThrowableOfType(BalanceApiException.class, () -> client(policy).getBalance());
        assertThat(e.status()).isEqualTo(status);
        server.verify(requests, getRequestedFor(urlEqualTo("/v2/balance")));
    }

    @Test
    void aSlowResponseTimesOut() {
        server.stubFor(get(urlEqualTo("/v2/balance")).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        BalanceClient impatient = BalanceClient.builder().apiKey(KEY).baseUrl(server.baseUrl())
                .requestTimeout(Duration.ofMillis(300)).retryPolicy(RetryPolicy.none()).build();
        // Without the timeout the 3 s answer would arrive, a 200: the exception is the proof, no wall-clock bound.
        BalanceTransportException e = catchThrowableOfType(BalanceTransportException.class, impatient::getBalance);
        assertThat(e).hasCauseInstanceOf(HttpTimeoutException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "../balance   | /v2/balance/..%2Fbalance",
            "a/b          | /v2/balance/a%2Fb",
            "'a b'        | /v2/balance/a%20b",
            "wal?x=1#frag | /v2/balance/wal%3Fx%3D1%23frag",
            "ünï€         | /v2/balance/%C3%BCn%C3%AF%E2%82%AC",
            "%2F          | /v2/balance/%252F",
            "wal_ghs_001  | /v2/balance/wal_ghs_001"})
    void aWalletIdIsAlwaysOnePathSegment(String walletId, String requestedPath) {
        stub(requestedPath, 404, SpecBodies.json(SpecBodies.named("getWalletBalance_wallet_not_found").body()));
        assertThatThrownBy(() -> client(RetryPolicy.none()).getWalletBalance(walletId)).isInstanceOf(NotFoundException.class);
        server.verify(1, getRequestedFor(urlEqualTo(requestedPath)));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", ".", ".."})
    void anUnusableWalletIdIsRejectedBeforeAnyRequest(String walletId) {
        assertThatThrownBy(() -> client(RetryPolicy.none()).getWalletBalance(walletId)).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void everyRequestSendsTheKeyAndTheUserAgent() {
        stub("/v2/balance", 200, SpecBodies.json(SpecBodies.named("getBalance_acme_balance").body()));
        client(RetryPolicy.none()).getBalance();
        server.verify(getRequestedFor(urlEqualTo("/v2/balance"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("User-Agent", matching("clickairtime-balance-java/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"))
                .withHeader("Accept", equalTo("application/json")));
    }
}
