package com.clickairtime.balance.client;

import com.clickairtime.balance.client.error.BalanceApiException;
import com.clickairtime.balance.client.error.NotFoundException;
import com.clickairtime.balance.client.error.ServerErrorException;
import com.clickairtime.balance.client.error.UnexpectedResponseException;
import com.clickairtime.balance.openapi.ExampleCase;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Errors carry what the response said; gateway answers are retried whatever their body; the choice can be replaced. */
class ErrorDataAndRetryTest {

    private static final String BALANCE = SpecBodies.success("getBalance").path();

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    private BalanceClient client(RetryPolicy retries) {
        return BalanceClient.builder().apiKey(BalanceClientTest.KEY).baseUrl(server.baseUrl()).retryPolicy(retries)
                .sleeper(sleeps::add).build();
    }

    @Test
    void anErrorCarriesTheRateLimitFiguresAndRetryAfter() {
        ExampleCase notFound = SpecBodies.answering("getWalletBalance", 404);
        server.stubFor(get(urlEqualTo(notFound.path())).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withHeader("Retry-After", "7")
                .withHeader("X-RateLimit-Limit", "300").withHeader("X-RateLimit-Remaining", "12").withHeader("X-RateLimit-Reset", "1705314660")
                .withBody(SpecBodies.json(notFound.body()))));
        NotFoundException e = catchThrowableOfType(NotFoundException.class,
                () -> client(RetryPolicy.none()).getWalletBalance(notFound.pathParameters().get("wallet_id")));
        assertThat(e.rateLimit()).get().satisfies(limit -> {
            assertThat(limit.limit()).isEqualTo(300);
            assertThat(limit.remaining()).isEqualTo(12);
            assertThat(limit.reset()).isEqualTo(Instant.ofEpochSecond(1705314660));
        });
        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(7));
    }

    @Test
    void aBodyThatIsNotTheEnvelopeStillCarriesTheFigures() {
        server.stubFor(get(urlEqualTo(BALANCE)).willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withHeader("X-RateLimit-Limit", "300").withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", "1705314660")
                .withHeader("Retry-After", "3").withBody("<html>Bad Gateway</html>")));
        UnexpectedResponseException e = catchThrowableOfType(UnexpectedResponseException.class,
                () -> client(RetryPolicy.none()).getBalance());
        assertThat(e.rateLimit()).get().extracting(RateLimit::remaining).isEqualTo(0L);
        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(3));
    }

    @ParameterizedTest(name = "a plain-text {0} is retried")
    @ValueSource(ints = {429, 502, 503, 504})
    void aGatewaysPlainTextAnswerIsRetried(int status) {
        server.stubFor(get(urlEqualTo(BALANCE)).inScenario("gateway").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/plain").withHeader("Retry-After", "2")
                        .withBody("try later")).willSetStateTo("up"));
        server.stubFor(get(urlEqualTo(BALANCE)).inScenario("gateway").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(SpecBodies.json(SpecBodies.success("getBalance").body()))));
        assertThat(client(RetryPolicy.defaults()).getBalance().getWallets()).isNotEmpty();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        server.verify(2, getRequestedFor(urlEqualTo(BALANCE)));
    }

    @Test
    void aRetryPredicateReplacesTheDefaultChoice() {
        server.stubFor(get(urlEqualTo(BALANCE)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody(SpecBodies.json(SpecBodies.errorBody(500)))));
        RetryPolicy retry500 = RetryPolicy.builder().maxRetries(2)
                .retryIf(e -> e instanceof ServerErrorException && ((BalanceApiException) e).status() == 500).build();
        catchThrowableOfType(ServerErrorException.class, () -> client(retry500).getBalance());
        server.verify(3, getRequestedFor(urlEqualTo(BALANCE)));

        server.resetRequests();
        server.stubFor(get(urlEqualTo(BALANCE)).willReturn(aResponse().withStatus(503).withBody("down")));
        RetryPolicy never = RetryPolicy.builder().retryIf(e -> false).build();
        catchThrowableOfType(UnexpectedResponseException.class, () -> client(never).getBalance());
        server.verify(1, getRequestedFor(urlEqualTo(BALANCE)));
    }
}
