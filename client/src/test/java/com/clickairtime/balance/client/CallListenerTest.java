package com.clickairtime.balance.client;

import com.clickairtime.balance.client.error.UnexpectedResponseException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The listener hears every attempt, with what it needs for logs and metrics, and never the key. */
class CallListenerTest {

    static final String KEY = KeySafetyTest.KEY;
    static final String SECRET_PART = KeySafetyTest.SECRET_PART;

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<Attempt> heard = new CopyOnWriteArrayList<>();

    private BalanceClient client() {
        return BalanceClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).listener(heard::add)
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).build()).build();
    }

    @Test
    void everyAttemptIsHeardAndNothingHeardHoldsTheKey() {
        String path = "/v2/balance/wal_ghs_001";
        // A gateway that echoes the request, key included, in its page and a header: the SDK must not pass it on in clear.
        server.stubFor(get(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/plain")
                        .withHeader("X-Echo", "Bearer " + KEY).withBody("overloaded; you sent Authorization: Bearer " + KEY))
                .willSetStateTo("up"));
        String body = SpecBodies.json(SpecBodies.named("getWalletBalance_ghs_wallet").body());
        server.stubFor(get(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("X-RateLimit-Limit", "300").withHeader("X-RateLimit-Remaining", "298")
                        .withHeader("X-RateLimit-Reset", "1705314660").withBody(body)));

        client().getWalletBalance("wal_ghs_001");

        assertThat(heard).hasSize(2);
        Attempt failed = heard.get(0);
        Attempt succeeded = heard.get(1);
        assertThat(failed.operationId()).isEqualTo("getWalletBalance");
        assertThat(failed.method()).isEqualTo("GET");
        assertThat(failed.pathTemplate()).isEqualTo("/v2/balance/{wallet_id}");
        assertThat(failed.uri()).isEqualTo(server.baseUrl() + path);
        assertThat(failed.number()).isEqualTo(1);
        assertThat(failed.status()).isEqualTo(OptionalInt.of(503));
        assertThat(failed.exception()).get().isInstanceOf(UnexpectedResponseException.class);
        assertThat(failed.willRetry()).isTrue();
        assertThat(succeeded.number()).isEqualTo(2);
        assertThat(succeeded.status()).isEqualTo(OptionalInt.of(200));
        assertThat(succeeded.exception()).isEmpty();
        assertThat(succeeded.willRetry()).isFalse();
        assertThat(succeeded.requestId()).hasValue(SpecBodies.named("getWalletBalance_ghs_wallet").body().at("/meta/request_id").asText());
        assertThat(succeeded.rateLimit()).get().extracting(RateLimit::remaining).isEqualTo(298L);
        assertThat(succeeded.duration()).isPositive();
        assertThat(succeeded.requestHeaders().get("Authorization")).containsExactly("Bearer ce_live_\u20260001");
        assertThat(failed.responseHeaders().get("X-Echo")).containsExactly("Bearer ce_live_\u20260001");

        for (Attempt attempt : heard) {
            StringBuilder everything = new StringBuilder().append(attempt).append(attempt.uri())
                    .append(attempt.requestHeaders()).append(attempt.responseHeaders());
            attempt.exception().ifPresent(e -> everything.append(e).append(e.getMessage())
                    .append(((UnexpectedResponseException) e).bodyExcerpt()));
            assertThat(everything.toString()).doesNotContain(SECRET_PART);
        }
    }

    @Test
    void anAttemptWithoutResponseAndAnAsyncCallAreHeardToo() {
        BalanceClient unreachable = BalanceClient.builder().apiKey(KEY).baseUrl("http://127.0.0.1:1").listener(heard::add)
                .retryPolicy(RetryPolicy.none()).build();
        assertThat(unreachable.getBalanceAsync().handle((value, error) -> error).join())
                .isInstanceOf(com.clickairtime.balance.client.error.BalanceTransportException.class);
        assertThat(heard).singleElement().satisfies(attempt -> {
            assertThat(attempt.status()).isEmpty();
            assertThat(attempt.responseHeaders()).isEmpty();
            assertThat(attempt.exception()).get().isInstanceOf(com.clickairtime.balance.client.error.BalanceTransportException.class);
            assertThat(attempt.operationId()).isEqualTo("getBalance");
        });
    }

    @Test
    void aFailingListenerDoesNotChangeTheCall() {
        server.stubFor(get(urlEqualTo("/v2/balance")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(SpecBodies.json(SpecBodies.named("getBalance_acme_balance").body()))));
        BalanceClient client = BalanceClient.builder().apiKey(KEY).baseUrl(server.baseUrl())
                .listener(attempt -> {
                    throw new IllegalStateException("a broken metrics backend");
                }).build();
        assertThat(client.getBalance().getWallets()).isNotEmpty();
    }
}
