package com.clickairtime.balance.client;

import com.clickairtime.balance.openapi.ExampleCase;
import com.clickairtime.balance.client.error.BalanceTransportException;
import com.clickairtime.balance.client.error.NotFoundException;
import com.clickairtime.balance.client.generated.model.BalanceSummary;
import com.clickairtime.balance.client.generated.model.Wallet;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated async twins: same data, same retries without blocking, same exceptions, not wrapped. */
class AsyncCallTest {

    private static final ExampleCase GHS = SpecBodies.named("getWalletBalance_ghs_wallet");
    private static final ExampleCase UNKNOWN = SpecBodies.named("getWalletBalance_wallet_not_found");

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static BalanceClient client(RetryPolicy retries) {
        return BalanceClient.builder().apiKey(BalanceClientTest.KEY).baseUrl(server.baseUrl()).retryPolicy(retries).build();
    }

    private static String body(String name) {
        return SpecBodies.json(SpecBodies.named(name).body());
    }

    @Test
    void theDataArrivesInTheFuture() throws Exception {
        server.stubFor(get(urlEqualTo(GHS.path())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body("getWalletBalance_ghs_wallet"))));
        Wallet wallet = client(RetryPolicy.none()).getWalletBalanceAsync(GHS.pathParameters().get("wallet_id")).get(10, TimeUnit.SECONDS);
        assertThat(wallet.getBalance()).isEqualTo(SpecBodies.named("getWalletBalance_ghs_wallet").body().at("/data/balance").decimalValue());
    }

    @Test
    void theFutureFailsWithTheTypedExceptionItself() {
        server.stubFor(get(urlEqualTo(UNKNOWN.path())).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(body("getWalletBalance_wallet_not_found"))));
        CompletableFuture<Wallet> future = client(RetryPolicy.none()).getWalletBalanceAsync(UNKNOWN.pathParameters().get("wallet_id"));
        Throwable failure = future.handle((value, error) -> error).join();
        assertThat(failure).isExactlyInstanceOf(NotFoundException.class);
        assertThat(((NotFoundException) failure).code()).isEqualTo(UNKNOWN.body().at("/error/code").asText());
    }

    @Test
    void noResponseIsATransportExceptionNotACompletionException() {
        BalanceClient client = BalanceClient.builder().apiKey(BalanceClientTest.KEY).baseUrl("http://127.0.0.1:1")
                .retryPolicy(RetryPolicy.none()).build();
        Throwable failure = client.getBalanceResultAsync().handle((value, error) -> error).join();
        assertThat(failure).isExactlyInstanceOf(BalanceTransportException.class);
    }

    @Test
    void aRetryWaitsWithoutBlockingTheCaller() {
        server.stubFor(get(urlEqualTo("/v2/balance")).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withHeader("Content-Type", "text/plain")
                        .withBody("slow down")).willSetStateTo("open"));
        server.stubFor(get(urlEqualTo("/v2/balance")).inScenario("limited").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(body("getBalance_acme_balance"))));
        CompletableFuture<BalanceSummary> future = client(RetryPolicy.defaults()).getBalanceAsync();
        // The call returned while the second attempt is at least the Retry-After second away.
        assertThat(future).isNotDone();
        assertThat(future.join().getWallets()).isNotEmpty();
        server.verify(2, getRequestedFor(urlEqualTo("/v2/balance")));
    }

    @Test
    void badArgumentsFailAtOnceBeforeAnyRequest() {
        assertThatThrownBy(() -> client(RetryPolicy.none()).getWalletBalanceAsync(".."))
                .isInstanceOf(IllegalArgumentException.class);
        server.verify(0, getRequestedFor(urlEqualTo("/v2/balance/..")));
    }

    @Test
    void gatewayFailuresAreRetriedAsync() {
        server.stubFor(get(urlEqualTo("/v2/balance")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502).withBody("Bad Gateway")).willSetStateTo("up"));
        server.stubFor(get(urlEqualTo("/v2/balance")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(body("getBalance_acme_balance"))));
        RetryPolicy quick = RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).build();
        assertThat(client(quick).getBalanceResultAsync().join().status()).isEqualTo(200);
        server.verify(2, getRequestedFor(urlEqualTo("/v2/balance")));
    }
}
