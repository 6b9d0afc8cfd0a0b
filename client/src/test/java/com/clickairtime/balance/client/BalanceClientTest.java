package com.clickairtime.balance.client;

import com.clickairtime.balance.client.error.AuthenticationException;
import com.clickairtime.balance.client.error.BalanceApiException;
import com.clickairtime.balance.client.error.BalanceTransportException;
import com.clickairtime.balance.client.error.ErrorCodes;
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

import java.math.BigDecimal;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
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

/**
 * The client over real HTTP against WireMock: wire tolerance, typed errors, retries, timeouts, encoding, key safety.
 * Bodies, paths, counts and codes come from the spec's cases, so a wallet, code or enum value added to the spec
 * needs no edit here.
 */
class BalanceClientTest {

    private static final ExampleCase BALANCE = SpecBodies.success("getBalance");
    private static final ExampleCase WALLET = SpecBodies.success("getWalletBalance");
    private static final String WALLET_ID = WALLET.pathParameters().get("wallet_id");

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

    /** The example's amounts, each given one more trailing zero than written, so that every one has a zero to lose. */
    @Test
    void moneyKeepsTheScaleItWasSentWith() {
        ObjectNode sent = BALANCE.body().deepCopy();
        ObjectNode total = (ObjectNode) sent.at("/data/available_balance");
        total.put("amount", withTrailingZero(total.get("amount").decimalValue()));
        sent.at("/data/wallets").forEach(wallet -> ((ObjectNode) wallet).put("balance", withTrailingZero(wallet.get("balance").decimalValue())));
        stub(BALANCE.path(), 200, SpecBodies.json(sent));
        BalanceSummary balance = client(RetryPolicy.none()).getBalance();
        // BigDecimal.equals compares the scale too: 1250.500 would not equal 1250.5.
        assertThat(balance.getAvailableBalance().getAmount()).isEqualTo(sent.at("/data/available_balance/amount").decimalValue());
        List<BigDecimal> balances = new ArrayList<>();
        sent.at("/data/wallets").forEach(wallet -> balances.add(wallet.get("balance").decimalValue()));
        assertThat(balances).isNotEmpty();
        assertThat(balance.getWallets()).extracting(Wallet::getBalance).containsExactlyElementsOf(balances);
    }

    private static BigDecimal withTrailingZero(BigDecimal amount) {
        return amount.setScale(amount.scale() + 1);
    }

    @Test
    void unknownFieldsAndEnumValuesAreTolerated() {
        String body = SpecBodies.edited(WALLET.body(), root -> {
            root.put("api_version", "2.1");
            ObjectNode data = (ObjectNode) root.get("data");
            // One enum of Wallet stands for all (a journey removes status with a major version).
            data.put("type", unlisted(Arrays.stream(WalletType.values()).map(WalletType::getValue)))
                    .put("overdraft_limit", 50.25);
            data.putObject("limits").put("daily", 100);
            ((ObjectNode) root.get("meta")).put("region", "eu-west");
        });
        stub(WALLET.path(), 200, body);
        Wallet wallet = client(RetryPolicy.none()).getWalletBalance(WALLET_ID);
        assertThat(wallet.getType()).isEqualTo(WalletType.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(wallet.getId()).isEqualTo(WALLET_ID);
    }

    /** A value the enum does not list, whatever values the spec adds. */
    private static String unlisted(Stream<String> listed) {
        Set<String> values = listed.collect(Collectors.toSet());
        return Stream.iterate("unlisted", value -> value + "_").filter(value -> !values.contains(value)).findFirst().orElseThrow();
    }

    @Test
    void theFullResultCarriesStatusRequestIdAndRateLimit() {
        JsonNode body = WALLET.body();
        server.stubFor(get(urlEqualTo(WALLET.path())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-RateLimit-Limit", "300")
                .withHeader("X-RateLimit-Remaining", "299").withHeader("X-RateLimit-Reset", "1705314660")
                .withBody(SpecBodies.json(body))));
        ApiResult<Wallet> result = client(RetryPolicy.none()).getWalletBalanceResult(WALLET_ID);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.requestId()).isEqualTo(body.at("/meta/request_id").asText());
        assertThat(result.rateLimit()).get().satisfies(limit -> {
            assertThat(limit.limit()).isEqualTo(300);
            assertThat(limit.remaining()).isEqualTo(299);
            assertThat(limit.reset().getEpochSecond()).isEqualTo(1705314660L);
        });
    }

    /**
     * Every error the spec documents (each example body, named or not, and each generic code) becomes the exception
     * for its status, and the general one for a status the SDK has no subclass for.
     */
    @TestFactory
    Stream<DynamicTest> everyDocumentedErrorBecomesItsTypedException() {
        return SpecBodies.everyDocumentedCode().stream().map(error -> DynamicTest.dynamicTest(
                error.getKey() + " " + error.getValue().at("/error/code").asText(), () -> {
                    server.resetAll();
                    stub(BALANCE.path(), error.getKey(), SpecBodies.json(error.getValue()));
                    BalanceApiException e = catchThrowableOfType(BalanceApiException.class,
                            () -> client(RetryPolicy.none()).getBalance());
                    assertThat(e).isExactlyInstanceOf(exceptionFor(error.getKey()));
                    assertThat(e.status()).isEqualTo(error.getKey());
                    assertThat(e.code()).isEqualTo(error.getValue().at("/error/code").asText());
                    assertThat(e.errorMessage()).isEqualTo(error.getValue().at("/error/message").asText());
                    assertThat(e.requestId()).hasValue(error.getValue().at("/meta/request_id").asText());
                }));
    }

    /**
     * The SDK's own design, not a list of the spec's statuses: one subclass per status a caller handles
     * differently, {@link ServerErrorException} for any 5xx, and the general exception for every other status.
     */
    private static Class<? extends BalanceApiException> exceptionFor(int status) {
        switch (status) {
            case 401:
                return AuthenticationException.class;
            case 403:
                return PermissionDeniedException.class;
            case 404:
                return NotFoundException.class;
            case 429:
                return RateLimitedException.class;
            default:
                return status >= 500 ? ServerErrorException.class : BalanceApiException.class;
        }
    }

    /** The names the hand-written SDK had keep working over the generated operation. */
    @Test
    @SuppressWarnings("deprecation")
    void theOldWalletMethodNamesStillWork() {
        JsonNode body = WALLET.body();
        stub(WALLET.path(), 200, SpecBodies.json(body));
        BalanceClient client = client(RetryPolicy.none());
        assertThat(client.getWallet(WALLET_ID).getId()).isEqualTo(body.at("/data/id").asText());
        assertThat(client.getWalletResult(WALLET_ID).requestId()).isEqualTo(body.at("/meta/request_id").asText());
    }

    @Test
    void aGzippedBodyIsDecompressed() throws java.io.IOException {
        JsonNode sent = WALLET.body();
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write(SpecBodies.json(sent).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        server.stubFor(get(urlEqualTo(WALLET.path())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip")
                .withBody(zipped.toByteArray())));
        assertThat(client(RetryPolicy.none()).getWalletBalance(WALLET_ID).getBalance())
                .isEqualTo(sent.at("/data/balance").decimalValue());
    }

    @Test
    void anUnknownCodeStillParses() {
        String unknown = unlisted(ErrorCodes.documented().stream().map(code -> code.toLowerCase(java.util.Locale.ROOT)))
                .toUpperCase(java.util.Locale.ROOT);
        stub(BALANCE.path(), 409, SpecBodies.edited(SpecBodies.errorBody(500),
                root -> ((ObjectNode) root.get("error")).put("code", unknown).putObject("details").put("until", new BigDecimal("1.50"))));
        BalanceApiException e = catchThrowableOfType(BalanceApiException.class, () -> client(RetryPolicy.none()).getBalance());
        assertThat(e).isExactlyInstanceOf(BalanceApiException.class);
        assertThat(e.code()).isEqualTo(unknown);
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
        String limited = SpecBodies.json(SpecBodies.errorBody(429));
        server.stubFor(get(urlEqualTo(BALANCE.path())).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json").withBody(limited))
                .willSetStateTo("open"));
        server.stubFor(get(urlEqualTo(BALANCE.path())).inScenario("limited").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(SpecBodies.json(BALANCE.body()))));
        client(RetryPolicy.defaults()).getBalance();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
        server.verify(2, getRequestedFor(urlEqualTo(BALANCE.path())));
    }

    @Test
    void aRetryAfterBeyondTheCapFailsAtOnce() {
        server.stubFor(get(urlEqualTo(BALANCE.path())).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                .withHeader("Content-Type", "application/json")
                .withBody(SpecBodies.json(SpecBodies.errorBody(429)))));
        RetryPolicy capped = RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(5)).build();
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> client(capped).getBalance());
        assertThat(sleeps).isEmpty();
        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(120));
        server.verify(1, getRequestedFor(urlEqualTo(BALANCE.path())));
    }

    @Test
    void a503ThenA200Succeeds() {
        server.stubFor(get(urlEqualTo(BALANCE.path())).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")).willSetStateTo("up"));
        server.stubFor(get(urlEqualTo(BALANCE.path())).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(SpecBodies.json(BALANCE.body()))));
        assertThat(client(RetryPolicy.defaults()).getBalance().getWallets()).hasSize(BALANCE.body().at("/data/wallets").size());
        server.verify(2, getRequestedFor(urlEqualTo(BALANCE.path())));
    }

    @Test
    void aDroppedConnectionIsRetried() {
        server.stubFor(get(urlEqualTo(BALANCE.path())).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        server.stubFor(get(urlEqualTo(BALANCE.path())).inScenario("reset").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(SpecBodies.json(BALANCE.body()))));
        assertThat(client(RetryPolicy.defaults()).getBalance().getWallets()).hasSize(BALANCE.body().at("/data/wallets").size());
        server.verify(2, getRequestedFor(urlEqualTo(BALANCE.path())));
    }

    @ParameterizedTest(name = "HTTP {0}, {1} retries -> {2} requests")
    @CsvSource({"503, 2, 3", "502, 1, 2", "504, 2, 3", "503, 0, 1", "500, 2, 1", "400, 2, 1"})
    void retriesAreBoundedAndOnlyForGatewayFailures(int status, int maxRetries, int requests) {
        server.stubFor(get(urlEqualTo(BALANCE.path())).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(SpecBodies.json(SpecBodies.errorBody(500)))));
        RetryPolicy policy = RetryPolicy.builder().maxRetries(maxRetries).initialBackoff(Duration.ofMillis(10)).build();
        BalanceApiException e = catchThrowableOfType(BalanceApiException.class, () -> client(policy).getBalance());
        assertThat(e.status()).isEqualTo(status);
        server.verify(requests, getRequestedFor(urlEqualTo(BALANCE.path())));
    }

    @Test
    void aSlowResponseTimesOut() {
        server.stubFor(get(urlEqualTo(BALANCE.path())).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        BalanceClient impatient = BalanceClient.builder().apiKey(KEY).baseUrl(server.baseUrl())
                .requestTimeout(Duration.ofMillis(300)).retryPolicy(RetryPolicy.none()).build();
        // Without the timeout the 3 s answer would arrive, a 200: the exception is the proof, no wall-clock bound.
        BalanceTransportException e = catchThrowableOfType(BalanceTransportException.class, impatient::getBalance);
        assertThat(e).hasCauseInstanceOf(HttpTimeoutException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "../balance   | ..%2Fbalance",
            "a/b          | a%2Fb",
            "'a b'        | a%20b",
            "wal?x=1#frag | wal%3Fx%3D1%23frag",
            "ünï€         | %C3%BCn%C3%AF%E2%82%AC",
            "%2F          | %252F",
            "wal_any_001  | wal_any_001"})
    void aWalletIdIsAlwaysOnePathSegment(String walletId, String segment) {
        String requestedPath = WALLET.pathTemplate().replace("{wallet_id}", segment);
        stub(requestedPath, 404, SpecBodies.json(SpecBodies.answering("getWalletBalance", 404).body()));
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
        stub(BALANCE.path(), 200, SpecBodies.json(BALANCE.body()));
        client(RetryPolicy.none()).getBalance();
        server.verify(getRequestedFor(urlEqualTo(BALANCE.path()))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("User-Agent", matching("clickairtime-balance-java/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"))
                .withHeader("Accept", equalTo("application/json")));
    }
}
