package com.clickairtime.balance.verifier.scc;

import com.clickairtime.balance.verifier.BalanceContractVerifier;
import com.clickairtime.balance.verifier.check.Exchange;
import com.clickairtime.balance.verifier.wire.WireRequest;
import com.clickairtime.balance.verifier.wire.UrlTarget;
import com.clickairtime.balance.verifier.wire.WireResponse;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.filter.Filter;
import io.restassured.response.Response;
import io.restassured.module.mockmvc.RestAssuredMockMvc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The base class of the tests Spring Cloud Contract generates from the kit's contracts (JUnit 5):
 * each generated test is one documented case, named {@code validate_<operationId>_<example>}.
 * Before it runs, the case's provider state is set up as the {@link #verifier()} says; its request
 * goes out with the key and parameters the state gave; its answer gets the verifier's own checks at
 * the verifier's level (the one implementation of them,
 * {@link com.clickairtime.balance.verifier.check.CaseChecks}), and then the generated assertions,
 * which the kit's contracts keep to the shape.
 *
 * <p>Two of the plugin's {@code testMode}s, by what the subclass gives: {@code MOCKMVC} with
 * {@link #mockMvc()} (a Spring MVC application in-process), {@code EXPLICIT} with {@link #baseUrl()}
 * (a running server, in any language, over HTTP). A subclass may give both, for two executions of
 * the plugin.
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

    /** For {@code testMode} MOCKMVC: the team's application in-process, e.g. from {@code @AutoConfigureMockMvc}. */
    protected MockMvc mockMvc() {
        return null;
    }

    /**
     * For {@code testMode} EXPLICIT: the running server, {@code http(s)://host[:port][/path]}, e.g.
     * {@code http://127.0.0.1:8080}; the generated requests go to it over HTTP with RestAssured.
     */
    protected String baseUrl() {
        return null;
    }

    // This test's set-up over HTTP, to be undone after it; null in-process.
    private OverHttp overHttp;

    @BeforeEach
    void balanceCase(TestInfo test) throws Exception {
        MockMvc mockMvc = mockMvc();
        String baseUrl = baseUrl();
        if (mockMvc == null && baseUrl == null) {
            throw new IllegalStateException(getClass().getName() + " gives neither mockMvc() (for testMode MOCKMVC)"
                    + " nor baseUrl() (for testMode EXPLICIT): both returned null");
        }
        String method = test.getTestMethod().orElseThrow().getName();
        String caseName = method.startsWith(GENERATED_PREFIX) ? method.substring(GENERATED_PREFIX.length()) : method;
        BalanceContractVerifier.CaseByCase pass = PASSES.computeIfAbsent(getClass(), type -> verifier().caseByCase());
        WireRequest request = pass.prepare(caseName);
        Check check = (answer, sent) -> pass.check(caseName, request, answer, Exchange.sentAt(sent));
        if (mockMvc != null) {
            InProcess.sendAndCheck(mockMvc, request, check);
        }
        if (baseUrl != null) {
            overHttp = OverHttp.sendAndCheck(baseUrl, request, check);
        }
    }

    @AfterEach
    void resetRestAssured() {
        if (mockMvc() != null) {
            RestAssuredMockMvc.reset();
        }
        if (overHttp != null) {
            overHttp.restore();
            overHttp = null;
        }
    }

    /** What a generated test's answer goes to: the verifier's checks of the case. */
    private interface Check {
        void answered(WireResponse answer, Instant sent);
    }

    /** testMode MOCKMVC: RestAssuredMockMvc's request, rewritten as the provider state says; its result checked. */
    private static final class InProcess {

        static void sendAndCheck(MockMvc mockMvc, WireRequest request, Check check) {
            Instant[] sent = new Instant[1];
            RestAssuredMockMvc.requestSpecification = RestAssuredMockMvc.given().mockMvc(mockMvc).postProcessors(mock -> {
                sendAs(mock, request);
                sent[0] = Instant.now();
                return mock;
            });
            RestAssuredMockMvc.resultHandlers(result -> check.answered(answer(result.getResponse()), sent[0]));
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
            String query = query(request);
            mock.setQueryString(query);
            mock.removeAllParameters();
            if (query != null) {
                for (String pair : query.split("&")) {
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

    /**
     * testMode EXPLICIT: RestAssured's request to the server, rewritten by a filter as the provider
     * state says (already percent-encoded, so sent as it is); its answer checked before the
     * generated assertions. Bounded as the verifier's {@link UrlTarget} is: its timeouts, no
     * redirect followed (the check sees the answer itself), no body decoded (it sees the bytes).
     * RestAssured's static settings are the team's too: they are put back after each test.
     */
    private static final class OverHttp {

        private final String baseUri = RestAssured.baseURI;
        private final int port = RestAssured.port;
        private final String basePath = RestAssured.basePath;
        private final RestAssuredConfig config = RestAssured.config;
        private final List<Filter> filters = List.copyOf(RestAssured.filters());

        static OverHttp sendAndCheck(String baseUrl, WireRequest request, Check check) {
            OverHttp saved = new OverHttp();
            URI base = URI.create(UrlTarget.of(baseUrl).describe());
            RestAssured.baseURI = base.getScheme() + "://" + base.getHost();
            RestAssured.port = base.getPort() >= 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
            RestAssured.basePath = base.getRawPath() == null ? "" : base.getRawPath();
            RestAssuredConfig current = RestAssured.config();
            RestAssured.config = current
                    .httpClient(current.getHttpClientConfig()
                            .setParam("http.connection.timeout", (int) UrlTarget.DEFAULT_CONNECT_TIMEOUT.toMillis())
                            .setParam("http.socket.timeout", (int) UrlTarget.DEFAULT_READ_TIMEOUT.toMillis()))
                    .redirect(current.getRedirectConfig().followRedirects(false))
                    .decoderConfig(current.getDecoderConfig().noContentDecoders());
            RestAssured.filters((spec, responseSpec, context) -> {
                // The state's headers replace the generated ones of the same name, whatever their case.
                spec.removeHeader("Authorization");
                spec.removeHeader("Accept");
                request.headers().keySet().forEach(spec::removeHeader);
                request.headers().forEach((name, value) -> spec.header(name, value));
                spec.urlEncodingEnabled(false);
                List.copyOf(spec.getQueryParams().keySet()).forEach(spec::removeQueryParam);
                spec.path(request.path());
                String query = query(request);
                if (query != null) {
                    for (String pair : query.split("&")) {
                        int eq = pair.indexOf('=');
                        if (eq < 0) {
                            spec.queryParam(pair);
                        } else {
                            spec.queryParam(pair.substring(0, eq), pair.substring(eq + 1));
                        }
                    }
                }
                Instant sent = Instant.now();
                Response response = context.next(spec, responseSpec);
                Map<String, List<String>> headers = new LinkedHashMap<>();
                response.headers().forEach(header -> headers.computeIfAbsent(header.getName(), name -> new ArrayList<>())
                        .add(header.getValue()));
                check.answered(new WireResponse(response.statusCode(), headers, response.asByteArray()), sent);
                return response;
            });
            return saved;
        }

        void restore() {
            RestAssured.baseURI = baseUri;
            RestAssured.port = port;
            RestAssured.basePath = basePath;
            RestAssured.config = config;
            RestAssured.replaceFiltersWith(filters);
        }
    }

    /** The request's query, percent-encoded, or null without one. */
    private static String query(WireRequest request) {
        int query = request.target().indexOf('?');
        return query < 0 ? null : request.target().substring(query + 1);
    }
}
