package com.clickairtime.balance.verifier.scc;

import com.clickairtime.balance.verifier.BalanceContractVerifier;
import com.clickairtime.balance.verifier.check.Exchange;
import com.clickairtime.balance.verifier.wire.WireRequest;
import com.clickairtime.balance.verifier.wire.WireResponse;
import io.restassured.module.mockmvc.RestAssuredMockMvc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The base class of the tests Spring Cloud Contract generates from the kit's contracts
 * ({@code testMode} MOCKMVC, JUnit 5): each generated test is one documented case, named
 * {@code validate_<operationId>_<example>}. Before it runs, the case's provider state is set up as
 * the {@link #verifier()} says; its request goes out with the key and parameters the state gave;
 * its answer gets the verifier's own checks at the verifier's level (the one implementation of
 * them, {@link com.clickairtime.balance.verifier.check.CaseChecks}), and then the generated
 * assertions, which the kit's contracts keep to the shape.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureMockMvc
 * public abstract class WalletContractBase extends BalanceContractBase {
 *     @Autowired MockMvc mockMvc;
 *     @Override protected MockMvc mockMvc() { return mockMvc; }
 *     @Override protected BalanceContractVerifier verifier() {
 *         return BalanceContractVerifier.forTheSpec().level(Level.CONFORMANCE).state(...);
 *     }
 * }
 * }</pre>
 */
public abstract class BalanceContractBase {

    private static final String GENERATED_PREFIX = "validate_";
    // One pass per test class, so that two cases documented alike are compared across its tests.
    private static final Map<Class<?>, BalanceContractVerifier.CaseByCase> PASSES = new ConcurrentHashMap<>();

    /** The verifier as for its dynamic tests, without a target: spec, level, provider states and exclusions. */
    protected abstract BalanceContractVerifier verifier();

    /** The team's application in-process, e.g. from {@code @AutoConfigureMockMvc}. */
    protected abstract MockMvc mockMvc();

    @BeforeEach
    void balanceCase(TestInfo test) throws Exception {
        String method = test.getTestMethod().orElseThrow().getName();
        String caseName = method.startsWith(GENERATED_PREFIX) ? method.substring(GENERATED_PREFIX.length()) : method;
        BalanceContractVerifier.CaseByCase pass = PASSES.computeIfAbsent(getClass(), type -> verifier().caseByCase());
        WireRequest request = pass.prepare(caseName);
        Instant[] sent = new Instant[1];
        RestAssuredMockMvc.requestSpecification = RestAssuredMockMvc.given().mockMvc(mockMvc()).postProcessors(mock -> {
            sendAs(mock, request);
            sent[0] = Instant.now();
            return mock;
        });
        RestAssuredMockMvc.resultHandlers(result -> pass.check(caseName, request, answer(result.getResponse()),
                Exchange.sentAt(sent[0])));
    }

    @AfterEach
    void resetRestAssured() {
        RestAssuredMockMvc.reset();
    }

    /** The generated request, as the provider state says: its key, its parameters' values, the documented Accept. */
    private static void sendAs(MockHttpServletRequest mock, WireRequest request) {
        mock.removeHeader("Authorization");
        mock.removeHeader("Accept");
        request.headers().forEach(mock::addHeader);
        String path = request.path();
        mock.setRequestURI(path);
        mock.setPathInfo(path);
        mock.setServletPath("");
        int query = request.target().indexOf('?');
        mock.setQueryString(query < 0 ? null : request.target().substring(query + 1));
        mock.removeAllParameters();
        if (query >= 0) {
            for (String pair : request.target().substring(query + 1).split("&")) {
                int eq = pair.indexOf('=');
                mock.addParameter(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
    }

    private static WireResponse answer(MockHttpServletResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            headers.put(name, response.getHeaders(name));
        }
        return new WireResponse(response.getStatus(), headers, response.getContentAsByteArray());
    }
}
