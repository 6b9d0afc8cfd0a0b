package com.clickairtime.balance.sandbox.web;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.sandbox.config.SandboxProperties;
import com.clickairtime.balance.sandbox.wallet.WalletStore;
import com.clickairtime.balance.sandbox.SandboxTestSupport;
import com.clickairtime.balance.sandbox.SandboxTestSupport.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static com.clickairtime.balance.sandbox.SandboxTestSupport.ACME;
import static com.clickairtime.balance.sandbox.SandboxTestSupport.GLOBEX;
import static com.clickairtime.balance.sandbox.SandboxTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The sandbox's behaviour beyond the documented examples, through its full MVC configuration. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({SandboxTestSupport.MutableClockConfiguration.class, SandboxBehaviourMvcTest.FailingController.class})
@ExtendWith(OutputCaptureExtension.class)
class SandboxBehaviourMvcTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    SandboxProperties properties;

    @Autowired
    WalletStore store;

    /**
     * Each demo key gets the same answer from both operations. What that answer is, per key, is
     * documented by the spec's examples and proven by the contract tests; this holds the
     * operation without examples for each key to the same.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("demoKeys")
    void everyDemoKeyGetsTheSameAnswerFromBothOperations(String key, String account) throws Exception {
        clock.set(Instant.now());
        String ownWallet = store.summary(account).getWallets().get(0).getId();
        MockHttpServletResponse list = call(get("/v2/balance").header(HttpHeaders.AUTHORIZATION, bearer(key)));
        MockHttpServletResponse one = call(get("/v2/balance/" + ownWallet).header(HttpHeaders.AUTHORIZATION, bearer(key)));
        assertThat(list.getStatus()).isEqualTo(one.getStatus());
        assertThat(errorCode(list)).isEqualTo(errorCode(one));
        for (MockHttpServletResponse response : List.of(list, one)) {
            assertThat(response.getContentAsString()).doesNotContain(key.substring(8));
            // A failed authentication is counted in the address's failure window, anything else in the key's.
            SandboxProperties.RateLimit limits = properties.rateLimit();
            assertThat(response.getHeader("X-RateLimit-Limit")).isEqualTo(Integer.toString(
                    response.getStatus() == 401 ? limits.failedAuthenticationsPerMinute() : limits.requestsPerMinute()));
        }
    }

    static Stream<Arguments> demoKeys() {
        return SandboxTestSupport.DATASET.apiKeys().stream().map(key -> Arguments.of(key.key(), key.account()));
    }

    /** Near misses of a good key, other schemes, and nothing at all. */
    static Stream<String> malformedCredentials() {
        String secret = ACME.substring("ce_live_".length());
        String shorter = ACME.substring(0, ACME.length() - 1);
        return Stream.of("", "Bearer", "Bearer ", "Basic Y2U6bGl2ZQ==", "Token " + ACME, "Bearer " + shorter,
                "Bearer " + ACME + "2", "Bearer ce_test_" + secret, "Bearer " + shorter + "!", "Bearer " + ACME + " extra",
                "Bearer ce_live_" + "0".repeat(secret.length()));
    }

    @ParameterizedTest
    @MethodSource("malformedCredentials")
    void malformedCredentialsAreInvalid(String authorization) throws Exception {
        MockHttpServletResponse response = call(get("/v2/balance").header(HttpHeaders.AUTHORIZATION, authorization));
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(SandboxTestSupport.exact(response.getContentAsString()).at("/error/code").asText())
                .isEqualTo("INVALID_API_KEY");
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() throws Exception {
        assertThat(call(get("/v2/balance").header(HttpHeaders.AUTHORIZATION, "bearer " + ACME)).getStatus()).isEqualTo(200);
    }

    @Test
    void anIpRestrictedKeyWorksFromItsAddressOnly() throws Exception {
        MockHttpServletRequestBuilder fromAllowed = get("/v2/balance")
                .header(HttpHeaders.AUTHORIZATION, bearer(SandboxTestSupport.ACME_IP_RESTRICTED))
                .with(request -> {
                    request.setRemoteAddr("203.0.113.7");
                    return request;
                });
        assertThat(call(fromAllowed).getStatus()).isEqualTo(200);
        MockHttpServletRequestBuilder spoofed = get("/v2/balance")
                .header(HttpHeaders.AUTHORIZATION, bearer(SandboxTestSupport.ACME_IP_RESTRICTED))
                .header("X-Forwarded-For", "203.0.113.7")
                .header("Forwarded", "for=203.0.113.7");
        assertThat(call(spoofed).getStatus()).isEqualTo(403);
    }

    @Test
    void anExpiredKeyWorkedBeforeItsExpiry() throws Exception {
        clock.set(Instant.parse("2024-12-31T23:59:59Z"));
        try {
            assertThat(call(get("/v2/balance").header(HttpHeaders.AUTHORIZATION,
                    bearer(SandboxTestSupport.ACME_EXPIRED))).getStatus()).isEqualTo(200);
        } finally {
            clock.set(Instant.now());
        }
    }

    @Test
    void anotherAccountsWalletIsIndistinguishableFromAnUnknownOne() throws Exception {
        MockHttpServletResponse foreign = call(get("/v2/balance/wal_ngn_001").header(HttpHeaders.AUTHORIZATION, bearer(ACME)));
        MockHttpServletResponse unknown = call(get("/v2/balance/wal_nope_999").header(HttpHeaders.AUTHORIZATION, bearer(ACME)));
        MockHttpServletResponse own = call(get("/v2/balance/wal_ngn_001").header(HttpHeaders.AUTHORIZATION, bearer(GLOBEX)));

        assertThat(foreign.getStatus()).isEqualTo(404);
        assertThat(own.getStatus()).isEqualTo(200);
        assertThat(withoutMeta(foreign)).isEqualTo(withoutMeta(unknown));
        assertThat(withoutMeta(foreign).at("/error/code").asText()).isEqualTo("WALLET_NOT_FOUND");
        assertThat(foreign.getHeaderNames()).isEqualTo(unknown.getHeaderNames());
    }

    @Test
    void availableBalanceIsTheRoundedUsdSum() throws Exception {
        JsonNode globex = body(get("/v2/balance").header(HttpHeaders.AUTHORIZATION, bearer(GLOBEX)));
        // 150000.00 NGN x 0.00065 + 0.00 KES x 0.0077 = 97.5 USD, written with 2 places.
        assertThat(globex.at("/data/available_balance/amount").decimalValue()).hasToString("97.50");
        assertThat(globex.at("/data/wallets")).hasSize(2);
        // Every other field as the dataset writes it, whatever fields the spec gives a wallet.
        SandboxTestSupport.DATASET.accounts().get("globex").wallets().get(1).fields().forEach((field, value) -> {
            if (!"balance".equals(field)) {
                assertThat(globex.at("/data/wallets/1").get(field)).as(field)
                        .isEqualTo(BalanceSpec.EXACT_JSON.valueToTree(value));
            }
        });
        assertThat(globex.at("/data/wallets/1/balance").decimalValue()).hasToString("0.00");
    }

    @Test
    void everyRequestGetsItsOwnRequestId() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            ids.add(body(get("/v2/balance/wal_ghs_001").header(HttpHeaders.AUTHORIZATION, bearer(GLOBEX)))
                    .at("/meta/request_id").asText());
        }
        assertThat(ids).hasSize(40).allMatch(id -> id.matches(SandboxTestSupport.REQUEST_ID));
    }

    @Test
    void unknownRoutesAreJson404s() throws Exception {
        MockHttpServletResponse response = call(get("/v2/wallets").header(HttpHeaders.AUTHORIZATION, bearer(ACME)));
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(errorCode(response)).isEqualTo("NOT_FOUND");
    }

    @Test
    void wrongMethodsAreJson405sWithAllow() throws Exception {
        MockHttpServletResponse response = call(post("/v2/balance").header(HttpHeaders.AUTHORIZATION, bearer(ACME)));
        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeader(HttpHeaders.ALLOW)).isEqualTo(SandboxTestSupport.ALLOWED_METHODS);
        assertThat(errorCode(response)).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void anAcceptHeaderWithoutJsonIsAJson406() throws Exception {
        MockHttpServletResponse response = call(get("/v2/balance")
                .header(HttpHeaders.AUTHORIZATION, bearer(ACME)).header(HttpHeaders.ACCEPT, "text/html"));
        assertThat(response.getStatus()).isEqualTo(406);
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(errorCode(response)).isEqualTo("NOT_ACCEPTABLE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v2/balance/%2e%2e", "/v2/balance/a%2Fb", "/v2/balance/%0D%0AX-Evil:%201",
            "/v2/balance/%C3%A9t%C3%A9", "/v2/balance/%25", "/v2/balance/..%2F..%2Fetc%2Fpasswd"})
    void hostileWalletIdsAreJustUnknownWallets(String path) throws Exception {
        MockHttpServletResponse response = call(get(java.net.URI.create(path)).header(HttpHeaders.AUTHORIZATION, bearer(ACME)));
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(response.getStatus()).as(path).isEqualTo(404);
        assertThat(errorCode(response)).as(path).isEqualTo("WALLET_NOT_FOUND");
    }

    @Test
    void anUnexpectedFailureIsA500EnvelopeLoggedWithItsRequestId(CapturedOutput output) throws Exception {
        MockHttpServletResponse response = call(get("/test/failure").header(HttpHeaders.AUTHORIZATION, bearer(ACME)));
        assertThat(response.getStatus()).isEqualTo(500);
        JsonNode body = SandboxTestSupport.exact(response.getContentAsString());
        assertThat(body.at("/error/code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(response.getContentAsString()).doesNotContain("IllegalStateException", "secret detail");
        assertThat(output.getOut()).contains("request_id=" + body.at("/meta/request_id").asText());
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private JsonNode body(MockHttpServletRequestBuilder request) throws Exception {
        return SandboxTestSupport.exact(call(request).getContentAsString());
    }

    private static String errorCode(MockHttpServletResponse response) throws Exception {
        return SandboxTestSupport.exact(response.getContentAsString()).at("/error/code").asText();
    }

    private static JsonNode withoutMeta(MockHttpServletResponse response) throws Exception {
        ObjectNode body = (ObjectNode) SandboxTestSupport.exact(response.getContentAsString());
        body.remove("meta");
        return body;
    }

    /** A handler inside /v2 that is no operation of the spec: access fails closed, as a fault. */
    @Test
    void aHandlerThatIsNoDocumentedOperationIsAFaultNotAnOpenDoor() throws Exception {
        MockHttpServletResponse response = call(get("/v2/test/undocumented").header(HttpHeaders.AUTHORIZATION, bearer(ACME)));
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(errorCode(response)).isEqualTo("INTERNAL_ERROR");
        assertThat(response.getContentAsString()).doesNotContain("undocumented");
    }

    /** Endpoints that fail unexpectedly, to see the 500 path. */
    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class FailingController {

        @GetMapping("/test/failure")
        String fail() {
            throw new IllegalStateException("secret detail");
        }

        @GetMapping("/v2/test/undocumented")
        String undocumented() {
            return "should never be served";
        }
    }
}
