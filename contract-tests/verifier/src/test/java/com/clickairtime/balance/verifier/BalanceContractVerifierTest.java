package com.clickairtime.balance.verifier;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.clickairtime.balance.verifier.wire.UrlTarget;
import com.clickairtime.balance.verifier.wire.WireResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verifier's machinery on a frozen copy of the spec, against a server that writes every
 * example faithfully, and against the same server with one seeded bug each.
 */
class BalanceContractVerifierTest {

    private static final BalanceSpec SPEC = fixture("balance-2026-11.yaml");
    private static final String DEFAULT_KEY = SPEC.defaultSandboxKey().orElseThrow();

    private final List<Socket> held = new ArrayList<>();
    private ServerSocket silent;

    @AfterEach
    void close() throws IOException {
        for (Socket socket : held) {
            socket.close();
        }
        if (silent != null) {
            silent.close();
        }
    }

    @Test
    void aFaithfulServerPassesEveryCaseAtTheExactLevel() {
        Map<String, Throwable> outcome = run(verifier(UnaryOperator.identity()).level(Level.EXACT));
        assertThat(outcome).hasSize(SPEC.cases().size() + 1).allSatisfy((name, failure) -> assertThat(failure).isNull());
    }

    @Test
    void queryAndHeaderParametersAreSentAsDocumented() {
        BalanceSpec parameters = fixture("parameters.yaml");
        Map<String, Throwable> outcome = run(BalanceContractVerifier.forSpec(parameters)
                .target(new DocumentedServer(parameters, UnaryOperator.identity())).statesAsDocumented().level(Level.EXACT));
        assertThat(outcome).containsKeys("getBalance_ghs_only", "getBalance_ghs_tagged", "getBalance_lowercase_currency")
                .allSatisfy((name, failure) -> assertThat(failure).as(name).isNull());
    }

    @Test
    void aServerThatIgnoresTheQueryFailsItsCase() {
        BalanceSpec parameters = fixture("parameters.yaml");
        DocumentedServer server = new DocumentedServer(parameters, UnaryOperator.identity());
        Map<String, Throwable> outcome = run(BalanceContractVerifier.forSpec(parameters).statesAsDocumented().level(Level.EXACT)
                .target((request, timeout) -> server.send(new com.clickairtime.balance.verifier.wire.WireRequest(
                        request.method(), request.path(), request.headers()), timeout)));
        assertThat(outcome.get("getBalance_ghs_only")).hasMessageContaining("getBalance_ghs_only: GET /v2/balance?currency=GHS")
                .hasMessageContaining("the body as written (meta aside) differs from the example");
    }

    @Test
    void moneyWrittenAsADoubleFailsNamingTheCaseAndTheAmount() {
        Map<String, Throwable> outcome = run(verifier(response ->
                DocumentedServer.withBody(response, response.bodyText().replace("1250.50", "1250.5"))));
        assertThat(outcome.get("getBalance_acme_balance")).hasMessageContaining("getBalance_acme_balance")
                .hasMessageContaining("data.available_balance.amount is written 1250.5: USD is written with 2 decimal places (1250.50)");
    }

    @Test
    void theExactLevelComparesTheBodyAsText() {
        Map<String, Throwable> outcome = run(verifier(response ->
                DocumentedServer.withBody(response, response.bodyText().replace("\"Ghana\"", "\"GH\""))).level(Level.EXACT));
        assertThat(outcome.get("getWalletBalance_ghs_wallet")).hasMessageContaining("the body as written (meta aside) differs")
                .hasMessageContaining("\"allowed_countries\":[\"GH\"]");
    }

    @Test
    void missingRateLimitHeadersFailEveryCase() {
        Map<String, Throwable> outcome = run(verifier(response -> new WireResponse(response.status(),
                response.headers().entrySet().stream().filter(h -> !h.getKey().startsWith("x-ratelimit"))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), response.body())));
        assertThat(outcome.get("getWalletBalance_wallet_not_found"))
                .hasMessageContaining("no X-RateLimit-Limit header, which the spec requires");
    }

    @Test
    void anUndocumentedErrorCodeFailsNamingBothCodes() {
        Map<String, Throwable> outcome = run(verifier(response -> DocumentedServer.withBody(response,
                response.bodyText().replace("WALLET_NOT_FOUND", "NOT_FOUND"))));
        assertThat(outcome.get("getWalletBalance_wallet_not_found"))
                .hasMessageContaining("error.code 'NOT_FOUND', documented 'WALLET_NOT_FOUND'");
    }

    @Test
    void twoCasesDocumentedAlikeMustBeAnsweredAlike() {
        // Another account's wallet answered as if it were one's own: the two documented-alike 404s differ.
        Map<String, Throwable> telling = run(verifier(UnaryOperator.identity())
                .state("wallet of another account", context -> StateSetup.apiKey(DEFAULT_KEY).withParameter("wallet_id", "wal_ghs_001")));
        assertThat(telling.get("getWalletBalance_other_account_wallet"))
                .hasMessageContaining("the spec documents the same body for this case and getWalletBalance_wallet_not_found,"
                        + " but they were answered differently");
    }

    @Test
    void aStateTheTeamDoesNotProvideIsANamedFailure() {
        Map<String, Throwable> outcome = run(BalanceContractVerifier.forSpec(SPEC).target(new DocumentedServer(SPEC, UnaryOperator.identity()))
                .state("account with documented wallets", context -> StateSetup.apiKey(DEFAULT_KEY)));
        assertThat(outcome.get("getBalance_expired_api_key"))
                .hasMessageContaining("the provider state 'expired key' is not provided");
        assertThat(outcome.get("getBalance_acme_balance")).isNull();
    }

    @Test
    void anExcludedCaseIsSkippedWithItsReasonAndCounted() {
        Map<String, Throwable> outcome = run(verifier(UnaryOperator.identity())
                .exclude("getBalance_ip_not_allowed", "allow-lists are our gateway's"));
        assertThat(outcome.get("getBalance_ip_not_allowed")).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("allow-lists are our gateway's");
        assertThat(outcome.get("every documented case ran")).isNull();
        assertThatThrownBy(() -> verifier(UnaryOperator.identity()).exclude("getBalance_typo", "why"))
                .hasMessageContaining("the spec documents no case 'getBalance_typo'");
        assertThatThrownBy(() -> verifier(UnaryOperator.identity()).exclude("getBalance_ip_not_allowed", " "))
                .hasMessageContaining("needs a reason");
    }

    @Test
    void aRunThatLeavesCasesOutFailsItsCount() {
        BalanceContractVerifier verifier = verifier(UnaryOperator.identity());
        List<DynamicTest> tests = verifier.dynamicTests().toList();
        Map<String, Throwable> outcome = new LinkedHashMap<>();
        // Only the count, as a filter that kept one test would run it.
        outcome.put("count", execute(tests.get(tests.size() - 1)));
        assertThat(outcome.get("count")).hasMessageContaining("did not run and were not excluded");
    }

    @Test
    void noKeyIsEverPrinted() {
        String secret = "ce_live_TeamSecretKey000000000000000000042".substring(0, 40);
        Map<String, Throwable> outcome = run(BalanceContractVerifier.forSpec(SPEC)
                .target(new DocumentedServer(SPEC, response -> DocumentedServer.withBody(response, "{\"echo\":\"" + secret + "\"}")))
                .statesAsDocumented()
                .state("account with documented wallets", context -> StateSetup.apiKey(secret)));
        assertThat(outcome.values()).filteredOn(failure -> failure != null).isNotEmpty()
                .allSatisfy(failure -> assertThat(failure.getMessage()).doesNotContain(secret).doesNotContain(DEFAULT_KEY));
    }

    @Test
    void aServerThatNeverAnswersFailsWithinTheDeadline() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept());
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        Duration deadline = Duration.ofSeconds(3);
        Instant start = Instant.now();
        Map<String, Throwable> outcome = run(BalanceContractVerifier.forSpec(SPEC)
                .target(UrlTarget.of("http://127.0.0.1:" + silent.getLocalPort()).readTimeout(Duration.ofSeconds(1)))
                .deadline(deadline).statesAsDocumented());
        Duration took = Duration.between(start, Instant.now());
        assertThat(outcome.get("getBalance_acme_balance")).hasMessageContaining("had no answer within");
        assertThat(outcome.values()).filteredOn(failure -> failure != null).hasSizeGreaterThanOrEqualTo(SPEC.cases().size());
        // Every case fails: by its read timeout while time is left, at once after the deadline.
        assertThat(took).isLessThan(deadline.plusSeconds(5));
    }

    /**
     * Implementers may run a frozen copy of the spec (the sample implementer does), so nothing there
     * shows whether the default still follows the spec: this does, without pinning its contents.
     */
    @Test
    void byDefaultTheCasesAreThoseOfTheSpecInBalanceOpenapi() {
        BalanceContractVerifier verifier = BalanceContractVerifier.forTheSpec();
        BalanceSpec live = BalanceSpec.load();
        assertThat(verifier.spec().text()).as("the spec the default verifier reads").isEqualTo(live.text());
        assertThat(verifier.caseNames()).isNotEmpty()
                .containsExactlyElementsOf(live.cases().stream().map(ExampleCase::contractName).toList());
    }

    @Test
    void aSpecResourceGivesThatSpecsCasesAndChecks() {
        List<String> fixtureCases = SPEC.cases().stream().map(ExampleCase::contractName).toList();
        BalanceContractVerifier frozen = BalanceContractVerifier.forSpecResource("specs/balance-2026-11.yaml");
        assertThat(frozen.spec().text()).isEqualTo(SPEC.text());
        assertThat(frozen.caseNames()).containsExactlyElementsOf(fixtureCases);
        assertThat(BalanceContractVerifier.forSpecResource("/specs/parameters.yaml").caseNames())
                .containsExactlyElementsOf(fixture("parameters.yaml").cases().stream().map(ExampleCase::contractName).toList())
                .isNotEqualTo(fixtureCases);
        Map<String, Throwable> outcome = run(BalanceContractVerifier.forSpecResource("specs/balance-2026-11.yaml")
                .target(new DocumentedServer(SPEC, UnaryOperator.identity())).statesAsDocumented().level(Level.EXACT));
        assertThat(outcome).hasSize(fixtureCases.size() + 1).allSatisfy((name, failure) -> assertThat(failure).isNull());
    }

    @Test
    void aMissingOrUnreadableSpecResourceIsNamed() {
        assertThatThrownBy(() -> BalanceContractVerifier.forSpecResource("specs/balance-0.9.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no resource 'specs/balance-0.9.yaml' on the classpath: keep the spec your implementation"
                        + " was written for in src/test/resources");
        assertThatThrownBy(() -> BalanceContractVerifier.forSpecResource("specs/not-openapi.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the resource 'specs/not-openapi.yaml' is no readable OpenAPI document: ");
    }

    private static BalanceContractVerifier verifier(UnaryOperator<WireResponse> mutation) {
        return BalanceContractVerifier.forSpec(SPEC).target(new DocumentedServer(SPEC, mutation)).statesAsDocumented();
    }

    /** Runs the dynamic tests as JUnit would, in order: each test's failure by its name, null where it passed. */
    static Map<String, Throwable> run(BalanceContractVerifier verifier) {
        Map<String, Throwable> outcome = new LinkedHashMap<>();
        verifier.dynamicTests().forEach(test -> outcome.put(test.getDisplayName(), execute(test)));
        return outcome;
    }

    private static Throwable execute(DynamicTest test) {
        try {
            test.getExecutable().execute();
            return null;
        } catch (Throwable failure) {
            return failure;
        }
    }

    static BalanceSpec fixture(String name) {
        try {
            return BalanceSpec.read(Path.of(BalanceContractVerifierTest.class.getResource("/specs/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
