package com.clickairtime.balance.sandbox.example;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.clickairtime.balance.sandbox.SandboxTestSupport;
import com.clickairtime.balance.sandbox.SpecFixtures;
import com.clickairtime.balance.sandbox.routing.ApiRoutes;
import com.clickairtime.balance.sandbox.web.StartupBanner;
import com.clickairtime.balance.server.api.FixtureLimitsApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static com.clickairtime.balance.sandbox.SandboxTestSupport.ACME;
import static com.clickairtime.balance.sandbox.SandboxTestSupport.ACME_AIRTIME_ONLY;
import static com.clickairtime.balance.sandbox.SandboxTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;

/**
 * Issue 15's first journey on a fixture: the spec gains an operation, the interface a default
 * method, and the sandbox, with no handler for it, answers it from its named examples behind
 * the same access rules, lists it at start-up, and maps each invalid parameter to a 400.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ExampleServedOperationMvcTest.Fixture.class, ExampleServedOperationMvcTest.NoHandlerYet.class})
class ExampleServedOperationMvcTest {

    static final BalanceSpec SPEC = SpecFixtures.withFixture("fixtures/limits-operation.yaml");
    static final String PATH = FixtureLimitsApi.PATH_GET_WALLET_LIMITS;

    @TestConfiguration(proxyBeanMethods = false)
    static class Fixture {

        @Bean
        @Primary
        BalanceSpec fixtureSpec() {
            return SPEC;
        }
    }

    /** Implements the operation's interface and overrides nothing: the state right after a spec change. */
    @RestController
    static class NoHandlerYet implements FixtureLimitsApi {
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiRoutes routes;

    /** Every request case of the new operation, sent as the stubs' matcher would see it, gets its example. */
    @Test
    void eachRequestExampleGetsItsResponseExample() throws Exception {
        List<ExampleCase> cases = SPEC.cases().stream().filter(c -> c.operationId().equals("getFixtureWalletLimits")
                && c.credentials().kind() == ExampleCase.Credentials.Kind.ANY_VALID_KEY).toList();
        assertThat(cases).extracting(ExampleCase::status).contains(200, 404);
        assertThat(cases).anyMatch(example -> !example.queryParameters().isEmpty());
        for (ExampleCase example : cases) {
            MockHttpServletRequestBuilder request = get(java.net.URI.create(example.requestTarget()))
                    .header(HttpHeaders.AUTHORIZATION, bearer(ACME));
            example.headerParameters().forEach(request::header);
            MockHttpServletResponse response = call(request);
            assertThat(response.getStatus()).as(example.contractName()).isEqualTo(example.status());
            assertThat(response.getContentType()).isEqualTo("application/json");
            JsonNode body = SandboxTestSupport.exact(response.getContentAsString());
            // Written as documented: the same text, decimals with their scale, apart from a fresh meta.
            assertThat(withoutMeta(body).toString()).as(example.contractName()).isEqualTo(withoutMeta(example.body()).toString());
            assertThat(body.at("/meta/request_id").asText()).matches(SandboxTestSupport.REQUEST_ID)
                    .isNotEqualTo(example.body().at("/meta/request_id").asText());
            assertThat(response.getHeader("X-RateLimit-Remaining")).isNotNull();
        }
    }

    @Test
    void anIdNoExampleNamesGetsTheExampleThatAnswersAnyId() throws Exception {
        MockHttpServletResponse response = call(get(PATH, "wal_never_documented").header(HttpHeaders.AUTHORIZATION, bearer(ACME)));
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(errorCode(response)).isEqualTo("WALLET_NOT_FOUND");
    }

    @Test
    void theAccessRulesComeFirst() throws Exception {
        MockHttpServletResponse none = call(get(PATH, "wal_ghs_001"));
        assertThat(none.getStatus()).isEqualTo(401);
        assertThat(errorCode(none)).isEqualTo("INVALID_API_KEY");

        MockHttpServletResponse denied = call(get(PATH, "wal_ghs_001").header(HttpHeaders.AUTHORIZATION, bearer(ACME_AIRTIME_ONLY)));
        assertThat(denied.getStatus()).isEqualTo(403);
        assertThat(errorCode(denied)).isEqualTo("INSUFFICIENT_PERMISSIONS");
        assertThat(SandboxTestSupport.exact(denied.getContentAsString()).at("/error/details/required_permissions").toString())
                .isEqualTo(SPEC.raw().at("/paths/" + PATH.replace("/", "~1") + "/get/x-required-permissions").toString());
    }

    @Test
    void optionsOnItsPathIsAnsweredFromWhatIsMapped() throws Exception {
        MockHttpServletResponse response = call(options(PATH, "wal_ghs_001").header(HttpHeaders.AUTHORIZATION, bearer(ACME)));
        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(response.getHeader(HttpHeaders.ALLOW)).isEqualTo(SandboxTestSupport.ALLOWED_METHODS);
        assertThat(response.getHeader("X-RateLimit-Limit")).isNotNull();
    }

    @Test
    void theBannerListsItAsServedFromExamples() {
        String banner = StartupBanner.operations(routes.operations());
        assertThat(banner.lines().filter(line -> line.contains(PATH)))
                .singleElement().asString().contains("getFixtureWalletLimits", "served from the spec's examples");
        assertThat(banner.lines().filter(line -> line.contains("getBalance ")))
                .singleElement().asString().endsWith("handler");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/v2/balance/wal_ghs_001/fixture-limits?currency=ghs, currency",     // against the CurrencyCode pattern
            "/v2/balance/wal_ghs_001/fixture-limits?type=bogus, type",           // no constant of the enum
            "/v2/balance/WAL-GHS/fixture-limits, wallet_id"})                    // against the path parameter's pattern
    void anInvalidParameterIsTheDocumented400NamingIt(String target, String parameter) throws Exception {
        MockHttpServletResponse response = call(get(java.net.URI.create(target)).header(HttpHeaders.AUTHORIZATION, bearer(ACME)));
        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode body = SandboxTestSupport.exact(response.getContentAsString());
        assertThat(body.at("/error/code").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(body.at("/error/message").asText())
                .isEqualTo(SPEC.raw().at("/components/x-generic-errors/INVALID_PARAMETER/message").asText());
        assertThat(body.at("/error/details/parameter").asText()).isEqualTo(parameter);
        assertThat(response.getContentAsString()).doesNotContain("ghs\"", "bogus", "WAL-GHS");
    }

    @Test
    void anEnumParameterIsReadByItsWireValue() throws Exception {
        MockHttpServletResponse response = call(get(java.net.URI.create(PATH.replace("{wallet_id}", "wal_ghs_001") + "?type=local"))
                .header(HttpHeaders.AUTHORIZATION, bearer(ACME)));
        assertThat(response.getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String errorCode(MockHttpServletResponse response) throws Exception {
        return SandboxTestSupport.exact(response.getContentAsString()).at("/error/code").asText();
    }

    private static JsonNode withoutMeta(JsonNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove("meta");
        return copy;
    }
}
