package com.clickairtime.balance.client;

import com.clickairtime.balance.client.error.BalanceApiException;
import com.clickairtime.balance.client.error.BalanceClientException;
import com.clickairtime.balance.client.error.BalanceTransportException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the SDK hands out or keeps per attempt (each {@link Attempt}, each exception, each result) holds no key in
 * clear in any field, read reflectively all the way down, even when the server or a gateway echoes the key back
 * in headers, in a page, in the error envelope's message and details, or in a body the SDK cannot parse.
 */
class NothingHeldInClearTest {

    static final String KEY = KeySafetyTest.KEY;
    static final String SECRET_PART = KeySafetyTest.SECRET_PART;
    static final String MASKED = "Bearer " + ApiKey.of(KEY).masked();

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<Attempt> heard = new CopyOnWriteArrayList<>();
    private final List<Object> handedOut = new ArrayList<>();

    @Test
    void noFieldOfAnAttemptAnExceptionOrAResultHoldsTheKey() throws Exception {
        String echo = "you sent Authorization: Bearer " + KEY;
        // A gateway's 503 that echoes the key in a header and its page, then the answer.
        server.stubFor(get(urlEqualTo("/v2/balance")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("X-Echo", "Bearer " + KEY).withBody(echo))
                .willSetStateTo("up"));
        server.stubFor(get(urlEqualTo("/v2/balance")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(SpecBodies.json(SpecBodies.named("getBalance_acme_balance").body()))));
        // The error envelope, its message, details and request id echoing the key.
        server.stubFor(get(urlEqualTo("/v2/balance/wal_echo")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withHeader("WWW-Authenticate", "Bearer error=\"" + KEY + "\"")
                .withBody("{\"success\":false,\"error\":{\"code\":\"INVALID_API_KEY\",\"message\":\"" + echo + "\","
                        + "\"details\":{\"key\":\"" + KEY + "\",\"seen\":[\"" + KEY + "\",{\"" + KEY + "\":1}]}},"
                        + "\"meta\":{\"request_id\":\"" + KEY + "\",\"timestamp\":\"2024-01-15T10:30:00.000Z\"}}")));
        // A success status whose body is not JSON and quotes the key: the parser's message would repeat it.
        server.stubFor(get(urlEqualTo("/v2/balance/wal_garbled")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(KEY + " is not JSON")));

        BalanceClient fixed = client(BalanceClient.builder().apiKey(KEY));
        BalanceClient supplied = client(BalanceClient.builder().apiKey(() -> KEY));
        for (BalanceClient client : List.of(fixed, supplied)) {
            handedOut.add(client.getBalanceResult());
            server.resetScenarios();
            handedOut.add(client.getBalanceResultAsync().get(10, TimeUnit.SECONDS));
            server.resetScenarios();
            for (String wallet : List.of("wal_echo", "wal_garbled")) {
                handedOut.add(thrown(() -> client.getWalletBalance(wallet)));
                handedOut.add(client.getWalletBalanceAsync(wallet).handle((value, error) -> error).get(10, TimeUnit.SECONDS));
            }
            client.close();
        }
        BalanceClient unreachable = BalanceClient.builder().apiKey(KEY).baseUrl("http://127.0.0.1:1/" + KEY)
                .retryPolicy(RetryPolicy.none()).listener(heard::add).build();
        handedOut.add(thrown(unreachable::getBalance));

        assertThat(handedOut).filteredOn(BalanceApiException.class::isInstance).hasSize(8);
        assertThat(handedOut).filteredOn(BalanceTransportException.class::isInstance).hasSize(1);
        assertThat(heard).hasSize(2 * (2 + 2 + 2 + 2) + 1);

        HeldText held = HeldText.of(heard.toArray(), handedOut.toArray());
        assertThat(held.contains(SECRET_PART)).as("a field holds the key in clear: %s",
                held.texts.stream().filter(t -> t.contains(SECRET_PART)).findFirst().orElse("")).isFalse();
        // And the walk did reach the headers, the echoes and the bodies: it read them masked.
        assertThat(held.fieldsRead).isGreaterThan(100);
        assertThat(held.texts).contains(MASKED);
        assertThat(held.texts).anySatisfy(text -> assertThat(text).contains("you sent Authorization: " + MASKED));
    }

    private BalanceClient client(BalanceClient.Builder builder) {
        return builder.baseUrl(server.baseUrl()).listener(heard::add)
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).build()).build();
    }

    private static BalanceClientException thrown(Runnable call) {
        try {
            call.run();
        } catch (BalanceClientException e) {
            return e;
        }
        throw new AssertionError("the call did not fail");
    }
}
