package com.clickairtime.balance.sandbox.parameter;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.sandbox.SpecFixtures;
import com.clickairtime.balance.sandbox.error.ApiException;
import com.clickairtime.balance.sandbox.error.ErrorCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each kind of parameter the spec can state, checked against its schema as JSON Schema reads it:
 * on a fixture operation (parameter-kinds.yaml) with path, query and header parameters, inline
 * and named, required and not, typed and formatted.
 */
class ParameterCheckTest {

    private static final BalanceSpec SPEC = SpecFixtures.withFixture("fixtures/parameter-kinds.yaml");
    private static final ParameterCheck CHECK = new ParameterCheck(SPEC, null, new ErrorCatalog(SPEC));

    @Test
    void aRequestWithinEverySchemaPasses() {
        assertThatCode(() -> CHECK.check("getFixtureHistory", request("wal_ghs_001",
                "since=2024-01-15&limit=100&kinds=credit&kinds=debit", Map.of("X-Region", "africa", "X-Trace", "0a1b2c3d"))))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a missing required query parameter         | ''                                   | 0a1b2c3d | since",
            "a date that is no date                     | since=2024-13-45                      | 0a1b2c3d | since",
            "an integer under its minimum               | since=2024-01-15&limit=0              | 0a1b2c3d | limit",
            "an integer that is no number               | since=2024-01-15&limit=ten            | 0a1b2c3d | limit",
            "an array item outside its enum             | since=2024-01-15&kinds=credit&kinds=x | 0a1b2c3d | kinds",
            "a scalar given twice                       | since=2024-01-15&since=2024-01-16     | 0a1b2c3d | since",
            "a header against its pattern               | since=2024-01-15                      | XYZ      | X-Trace",
            "a missing required header                  | since=2024-01-15                      | ''       | X-Trace"})
    void theFirstParameterOutsideItsSchemaIsNamed(String what, String query, String trace, String parameter) {
        Map<String, String> headers = trace.isEmpty() ? Map.of() : Map.of("X-Trace", trace);
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> CHECK.check("getFixtureHistory", request("wal_ghs_001", query, headers)));
        assertThat(refused).as(what).isNotNull();
        assertThat(refused.code().name()).isEqualTo("INVALID_PARAMETER");
        assertThat(refused.details()).containsEntry("parameter", parameter);
    }

    @Test
    void aNamedSchemasBoundIsCountedInCharacters() {
        int bound = SPEC.deref(SPEC.raw().at("/components/schemas/WalletId")).path("maxLength").asInt();
        String emoji = "\uD83D\uDE00";
        assertThatCode(() -> CHECK.check("getFixtureHistory", request(emoji.repeat(bound), "since=2024-01-15", Map.of("X-Trace", "0a1b2c3d"))))
                .doesNotThrowAnyException();
        ApiException refused = catchThrowableOfType(ApiException.class, () -> CHECK.check("getFixtureHistory",
                request(emoji.repeat(bound + 1), "since=2024-01-15", Map.of("X-Trace", "0a1b2c3d"))));
        assertThat(refused.details()).containsEntry("parameter", "wallet_id");
    }

    private static MockHttpServletRequest request(String walletId, String query, Map<String, String> headers) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v2/balance/x/history");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("wallet_id", walletId));
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                request.addParameter(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        headers.forEach(request::addHeader);
        return request;
    }
}
