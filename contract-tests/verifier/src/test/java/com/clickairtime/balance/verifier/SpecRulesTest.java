package com.clickairtime.balance.verifier;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.verifier.wire.WireResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static com.clickairtime.balance.verifier.BalanceContractVerifierTest.fixture;
import static com.clickairtime.balance.verifier.BalanceContractVerifierTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules a spec states machine-readably (a required {@code WWW-Authenticate} on a 401,
 * {@code x-unix-time} on the rate-limit reset, {@code x-also-satisfies} on the total), on a frozen
 * spec that states them, and the wire's leeway: a {@code charset=utf-8} at CONFORMANCE.
 */
class SpecRulesTest {

    private static final BalanceSpec SPEC = fixture("balance-2026-12.yaml");

    @Test
    void aFaithfulServerKeepsEveryStatedRule() {
        Map<String, Throwable> outcome = run(verifier(UnaryOperator.identity()).level(Level.EXACT));
        assertThat(outcome).hasSize(SPEC.cases().size() + 1).allSatisfy((name, failure) -> assertThat(failure).as(name).isNull());
    }

    @Test
    void aResetInMillisecondsFailsNamingTheUnit() {
        Map<String, Throwable> outcome = run(verifier(response -> withHeader(response, "X-RateLimit-Reset",
                String.valueOf(Instant.now().plusSeconds(30).toEpochMilli()))));
        assertThat(outcome.get("getBalance_acme_balance")).hasMessageContaining("getBalance_acme_balance")
                .hasMessageContaining("header X-RateLimit-Reset: '")
                .hasMessageContaining("is not Unix seconds near the answer's time, which is the time in milliseconds")
                .hasMessageContaining("a window of 60 s");
    }

    @Test
    void aResetBeyondTheStatedWindowOrInThePastFails() {
        Map<String, Throwable> late = run(verifier(response -> withHeader(response, "X-RateLimit-Reset",
                String.valueOf(Instant.now().plusSeconds(60 + 30).getEpochSecond()))));
        assertThat(late.get("getWalletBalance_ghs_wallet")).hasMessageContaining("is not Unix seconds near the answer's time: expected");
        Map<String, Throwable> past = run(verifier(response -> withHeader(response, "X-RateLimit-Reset",
                String.valueOf(Instant.now().minusSeconds(3600).getEpochSecond()))));
        assertThat(past.get("getWalletBalance_ghs_wallet")).hasMessageContaining("is not Unix seconds near the answer's time");
    }

    @Test
    void aReplayOfTheExamplesIsNotHeldToTheAnswersTime() {
        UnaryOperator<WireResponse> documentedReset = response -> withHeader(response, "X-RateLimit-Reset",
                SPEC.cases().get(0).requiredHeaders().get("X-RateLimit-Reset").path("example").asText());
        assertThat(run(verifier(documentedReset).examplesReplayed()))
                .allSatisfy((name, failure) -> assertThat(failure).as(name).isNull());
        assertThat(run(verifier(documentedReset)).get("getBalance_acme_balance"))
                .hasMessageContaining("is not Unix seconds near the answer's time");
    }

    @Test
    void aTotalInAnotherCurrencyFailsAtConformance() {
        Map<String, Throwable> outcome = run(verifier(response -> DocumentedServer.withBody(response,
                response.bodyText().replaceFirst("(\"available_balance\":\\{\"amount\":[0-9.]+,\"currency\":)\"USD\"", "$1\"EUR\""))));
        assertThat(outcome.get("getBalance_acme_balance")).hasMessageContaining("getBalance_acme_balance")
                .hasMessageContaining("data.available_balance.currency is \"EUR\": does not have a value in the enumeration"
                        + " [\"USD\"] (the spec's x-also-satisfies)");
    }

    @Test
    void a401WithoutWwwAuthenticateFails() {
        Map<String, Throwable> outcome = run(verifier(response -> withoutHeader(response, "WWW-Authenticate")));
        assertThat(outcome.get("getBalance_missing_api_key"))
                .hasMessageContaining("no WWW-Authenticate header, which the spec requires");
        assertThat(outcome.get("getBalance_acme_balance")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json;charset=UTF-8", "application/json; charset=utf-8",
            "application/json; charset=\"UTF-8\"", "Application/JSON;Charset=Utf-8"})
    void aUtf8CharsetPassesAtConformanceAndFailsAtExact(String contentType) {
        Map<String, Throwable> conformance = run(verifier(response -> withHeader(response, "Content-Type", contentType)));
        assertThat(conformance).allSatisfy((name, failure) -> assertThat(failure).as(name).isNull());
        Map<String, Throwable> exact = run(verifier(response -> withHeader(response, "Content-Type", contentType)).level(Level.EXACT));
        assertThat(exact.get("getBalance_acme_balance"))
                .hasMessageContaining("Content-Type '" + contentType + "', documented exactly 'application/json'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json;charset=iso-8859-1", "application/json;version=2", "text/json"})
    void anyOtherContentTypeFailsAtConformance(String contentType) {
        Map<String, Throwable> outcome = run(verifier(response -> withHeader(response, "Content-Type", contentType)));
        assertThat(outcome.get("getBalance_acme_balance")).hasMessageContaining("Content-Type '" + contentType
                + "', documented 'application/json' (a charset=utf-8 parameter is the only one allowed)");
    }

    @Test
    void twoCasesDocumentedAlikeButAnsweredApartFailTheLaterCaseAndTheCount() {
        String key = SPEC.defaultSandboxKey().orElseThrow();
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Map<String, Throwable> outcome;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            // Another account's wallet answered as if it were one's own.
            outcome = run(verifier(UnaryOperator.identity())
                    .state("wallet of another account", context -> StateSetup.apiKey(key).withParameter("wallet_id", "wal_ghs_001")));
        } finally {
            System.setOut(out);
        }
        assertThat(outcome.get("getWalletBalance_other_account_wallet")).hasMessageContaining("getWalletBalance_other_account_wallet")
                .hasMessageContaining("the spec documents the same body for this case and getWalletBalance_wallet_not_found,"
                        + " but they were answered differently");
        assertThat(outcome.get("getWalletBalance_wallet_not_found")).isNull();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains(SPEC.cases().size() + " documented cases, " + SPEC.cases().size() + " ran (1 failed), 0 excluded");
    }

    private static BalanceContractVerifier verifier(UnaryOperator<WireResponse> mutation) {
        return BalanceContractVerifier.forSpec(SPEC).target(new DocumentedServer(SPEC, mutation)).statesAsDocumented();
    }

    private static WireResponse withHeader(WireResponse response, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(withoutHeader(response, name).headers());
        headers.put(name, List.of(value));
        return new WireResponse(response.status(), headers, response.body());
    }

    private static WireResponse withoutHeader(WireResponse response, String name) {
        Map<String, List<String>> headers = new LinkedHashMap<>(response.headers());
        headers.keySet().removeIf(name::equalsIgnoreCase);
        return new WireResponse(response.status(), headers, response.body());
    }
}
