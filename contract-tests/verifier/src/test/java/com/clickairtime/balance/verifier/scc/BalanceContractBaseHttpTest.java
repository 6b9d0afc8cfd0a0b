package com.clickairtime.balance.verifier.scc;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.verifier.BalanceContractVerifier;
import com.clickairtime.balance.verifier.DocumentedServer;
import com.clickairtime.balance.verifier.Level;
import com.clickairtime.balance.verifier.wire.Target;
import com.clickairtime.balance.verifier.wire.WireRequest;
import com.clickairtime.balance.verifier.wire.WireResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The base class over HTTP (testMode EXPLICIT), on the frozen fixture spec with a query and a header
 * parameter: each test does what a generated test does (the base's set-up, RestAssured's request with
 * the contract's own key and values, the base's tear-down) against a loopback server that answers as
 * the fixture documents, behind a base path.
 */
class BalanceContractBaseHttpTest {

    private static final BalanceSpec PARAMETERS = fixture("parameters.yaml");
    private static final String BASE_PATH = "/gateway";

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile Target answers;

    @BeforeEach
    void start() throws IOException {
        answers = documented(UnaryOperator.identity());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theRequestGoesOutAsTheProviderStateSaysAndTheAnswerPasses() throws Exception {
        generated(new Base() { }, "getBalance_ghs_tagged", "/v2/balance", "X-Request-Tag", "from_the_contract");

        // The documented query and header, once each: the contract's own values are replaced, not added to.
        assertThat(seen).containsExactly("GET " + BASE_PATH + "/v2/balance?currency=GHS X-Request-Tag=[audit]");
    }

    @Test
    void aWrongAnswerFailsTheGeneratedTestNamingTheCaseAndTheDifference() {
        answers = documented(response -> new WireResponse(response.status(), response.headers(),
                new String(response.body()).replace("\"GHS\"", "\"KES\"").getBytes()));

        assertThatThrownBy(() -> generated(new Base() { }, "getBalance_ghs_only", "/v2/balance"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("getBalance_ghs_only: GET /v2/balance?currency=GHS answered 200")
                .hasMessageContaining("KES");
    }

    @Test
    void aRedirectIsCheckedAsItIsNotFollowed() {
        answers = (request, timeout) -> new WireResponse(302, Map.of("Location", List.of("/elsewhere")), new byte[0]);

        assertThatThrownBy(() -> generated(new Base() { }, "getBalance_ghs_only", "/v2/balance"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("answered 302");
        assertThat(seen).hasSize(1);
    }

    @Test
    void theTeamsOwnRestAssuredSettingsArePutBack() throws Exception {
        Filter teams = (spec, response, context) -> context.next(spec, response);
        RestAssured.baseURI = "http://team.invalid";
        RestAssured.port = 1234;
        RestAssured.basePath = "/team";
        RestAssured.replaceFiltersWith(teams);
        try {
            Base base = new Base() { };
            base.balanceCase(info("getBalance_ghs_only"));
            // In between, the generated request goes to the server under test.
            assertThat(RestAssured.port).isEqualTo(server.getAddress().getPort());
            base.resetRestAssured();

            assertThat(RestAssured.baseURI).isEqualTo("http://team.invalid");
            assertThat(RestAssured.port).isEqualTo(1234);
            assertThat(RestAssured.basePath).isEqualTo("/team");
            assertThat(RestAssured.filters()).containsExactly(teams);
        } finally {
            RestAssured.reset();
        }
    }

    /** What a generated EXPLICIT test does, with the contract's own key, query and headers. */
    private void generated(Base base, String caseName, String path, String... contractHeaders) throws Exception {
        base.balanceCase(info(caseName));
        try {
            RequestSpecification contract = RestAssured.given()
                    .header("Authorization", "Bearer from_the_contract")
                    .queryParam("currency", "from_the_contract");
            for (int i = 0; i < contractHeaders.length; i += 2) {
                contract.header(contractHeaders[i], contractHeaders[i + 1]);
            }
            RestAssured.given().spec(contract).get(path);
        } finally {
            base.resetRestAssured();
        }
    }

    /** Made anonymous at each call site: the base keeps one pass of the cases per class, and each test wants its own. */
    private abstract class Base extends BalanceContractBase {

        @Override
        protected BalanceContractVerifier verifier() {
            return BalanceContractVerifier.forSpec(PARAMETERS).statesAsDocumented().level(Level.EXACT);
        }

        @Override
        protected String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        List<String> tags = exchange.getRequestHeaders().getOrDefault("X-Request-Tag", List.of());
        seen.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query) + " X-Request-Tag=" + tags);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Set.of("Authorization", "X-Request-Tag")) {
            Optional.ofNullable(exchange.getRequestHeaders().getFirst(name)).ifPresent(value -> headers.put(name, value));
        }
        String target = path.substring(BASE_PATH.length()) + (query == null ? "" : "?" + query);
        WireResponse response;
        try {
            response = answers.send(new WireRequest(exchange.getRequestMethod(), target, headers), Duration.ofSeconds(5));
        } catch (Exception e) {
            throw new IOException(e);
        }
        response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, new ArrayList<>(values)));
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(response.body());
        }
    }

    private static Target documented(UnaryOperator<WireResponse> mutation) {
        return new DocumentedServer(PARAMETERS, mutation);
    }

    private static TestInfo info(String caseName) {
        Method method;
        try {
            method = Generated.class.getDeclaredMethod("validate_" + caseName);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(caseName, e);
        }
        return new TestInfo() {
            @Override
            public String getDisplayName() {
                return method.getName();
            }

            @Override
            public Set<String> getTags() {
                return Set.of();
            }

            @Override
            public Optional<Class<?>> getTestClass() {
                return Optional.of(Generated.class);
            }

            @Override
            public Optional<Method> getTestMethod() {
                return Optional.of(method);
            }
        };
    }

    /** The names Spring Cloud Contract gives the tests of the fixture's cases used here. */
    @SuppressWarnings("unused")
    private static final class Generated {
        void validate_getBalance_ghs_only() {
        }

        void validate_getBalance_ghs_tagged() {
        }
    }

    private static BalanceSpec fixture(String name) {
        try {
            return BalanceSpec.read(Path.of(BalanceContractBaseHttpTest.class.getResource("/specs/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
