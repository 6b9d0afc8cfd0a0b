package com.clickairtime.balance.contract;

import com.clickairtime.balance.client.BalanceClient;
import com.clickairtime.balance.client.RetryPolicy;
import com.clickairtime.balance.client.error.AuthenticationException;
import com.clickairtime.balance.client.error.BalanceApiException;
import com.clickairtime.balance.client.error.ErrorResponses;
import com.clickairtime.balance.client.error.NotFoundException;
import com.clickairtime.balance.client.error.UnexpectedResponseException;
import com.clickairtime.balance.openapi.BalanceSpec;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The stubs follow the API's rules, not only its examples: the examples marked
 * {@code x-answers-any} answer every request of their kind, and a request that no rule
 * covers still finds no stub.
 */
class StubRulesTest {

    private static final BalanceSpec SPEC = BalanceSpec.load();
    private static final String DEFAULT_KEY =
            SPEC.defaultSandboxKey().orElseThrow();
    private static final String INVALID_API_KEY =
            SPEC.raw().at("/components/examples/InvalidApiKey/value/error/code").asText();
    private static final String WALLET_NOT_FOUND =
            SPEC.raw().at("/components/examples/WalletNotFound/value/error/code").asText();

    @RegisterExtension
    static final WireMockExtension stubs = StubMappings.server();

    @ParameterizedTest(name = "Authorization: {0} on {1}")
    @ValueSource(strings = {"Bearer foo", "Basic abc", "Bearer ce_live_short", "bearer"})
    void aMalformedCredentialGetsInvalidApiKey(String authorization) throws Exception {
        for (String path : new String[] {"/v2/balance", "/v2/balance/wal_ghs_001", "/v2/balance/wal_zzz_123"}) {
            BalanceApiException error = sdkReading(send(path, authorization));
            assertThat(error).as(path).isExactlyInstanceOf(AuthenticationException.class);
            assertThat(error.code()).as(path).isEqualTo(INVALID_API_KEY);
        }
    }

    @Test
    void aMadeUpWalletIdGetsWalletNotFound() {
        BalanceClient client = BalanceClient.builder().apiKey(DEFAULT_KEY).baseUrl(baseUrl())
                .retryPolicy(RetryPolicy.none()).build();
        NotFoundException notFound = catchThrowableOfType(NotFoundException.class, () -> client.getWalletBalance("wal_zzz_123"));
        assertThat(notFound).isNotNull();
        assertThat(notFound.code()).isEqualTo(WALLET_NOT_FOUND);
    }

    @Test
    void aDocumentedIdStillGetsItsOwnExample() throws Exception {
        HttpResponse<String> response = send("/v2/balance/wal_ghs_001", "Bearer " + DEFAULT_KEY);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    /** Gaps stay visible: WireMock's plain-text "not matched", which the SDK does not mistake for an API error. */
    @ParameterizedTest
    @ValueSource(strings = {"/v2/balance/a/b", "/v2/wallets", "/v2/balance/"})
    void aRequestNoRuleCoversIsNotMatched(String path) throws Exception {
        HttpResponse<String> response = send(path, "Bearer " + DEFAULT_KEY);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Request was not matched");
        assertThat(sdkReading(response)).isExactlyInstanceOf(UnexpectedResponseException.class);
    }

    private static BalanceApiException sdkReading(HttpResponse<String> response) {
        return ErrorResponses.from(response.statusCode(), response.headers(), response.body());
    }

    private static HttpResponse<String> send(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String baseUrl() {
        return "http://127.0.0.1:" + stubs.getPort();
    }
}
