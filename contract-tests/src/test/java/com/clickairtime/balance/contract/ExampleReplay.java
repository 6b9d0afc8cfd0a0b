package com.clickairtime.balance.contract;

import com.clickairtime.balance.client.ApiResult;
import com.clickairtime.balance.client.BalanceClient;
import com.clickairtime.balance.client.RetryPolicy;
import com.clickairtime.balance.client.error.BalanceApiException;
import com.clickairtime.balance.client.error.ErrorResponses;
import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.clickairtime.balance.verifier.check.WireText;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Replays every named example of the spec with the SDK against a server (the generated
 * stubs, or the sandbox) and checks the SDK's result against the example, read from the spec.
 */
final class ExampleReplay {

    private static final BalanceSpec SPEC = BalanceSpec.load();

    static final List<ExampleCase> CASES = SPEC.cases();

    /**
     * The SDK's models back to JSON, for comparison with the documented bodies. A field the body
     * left out is null in the model; it is left out again, as the sandbox and the spec leave it out.
     */
    private static final ObjectMapper MODEL_TREE = BalanceSpec.EXACT_JSON.copy()
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
            .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("api-timestamps")
                    .addSerializer(java.time.OffsetDateTime.class, new MillisecondTimestamps()));

    /** A date-time as the API writes one (the spec's Meta.timestamp): UTC, always three fractional digits. */
    private static final class MillisecondTimestamps extends com.fasterxml.jackson.databind.ser.std.StdSerializer<java.time.OffsetDateTime> {

        private static final java.time.format.DateTimeFormatter WRITTEN =
                java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

        MillisecondTimestamps() {
            super(java.time.OffsetDateTime.class);
        }

        @Override
        public void serialize(java.time.OffsetDateTime value, com.fasterxml.jackson.core.JsonGenerator generator,
                              com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
            generator.writeString(WRITTEN.format(value.withOffsetSameInstant(java.time.ZoneOffset.UTC)));
        }
    }

    private static final String REQUEST_ID =
            SPEC.raw().at("/components/schemas/Meta/properties/request_id/pattern").asText();


    /** What {@code meta} the server sends: the example's own (stubs), or fresh values (the sandbox). */
    enum Meta { AS_DOCUMENTED, FRESH }

    private ExampleReplay() {
    }

    static Stream<DynamicTest> everyExample(String baseUrl, Meta meta) {
        return CASES.stream().map(example -> DynamicTest.dynamicTest(example.contractName(), () -> replay(baseUrl, example, meta)));
    }

    private static void replay(String baseUrl, ExampleCase example, Meta meta) throws Exception {
        if (example.credentials().authorization() == null) {
            // The SDK always sends its key; a request without one is what a bare HTTP client sends.
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(baseUrl + example.requestTarget())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            checkError(example, ErrorResponses.from(response.statusCode(), response.headers(), response.body()), meta);
            return;
        }
        BalanceClient client = BalanceClient.builder().apiKey(example.credentials().apiKey()).baseUrl(baseUrl)
                .retryPolicy(RetryPolicy.none()).build();
        if (example.isError()) {
            checkError(example, catchThrowableOfType(BalanceApiException.class, () -> call(client, example)), meta);
            return;
        }
        ApiResult<?> result = call(client, example);
        assertThat(result.status()).isEqualTo(example.status());
        JsonNode data = MODEL_TREE.valueToTree(result.data());
        assertThat(WireText.sameValues(data, example.body().get("data")))
                .as("%s: the SDK read %s, the spec documents %s (scale included)", example.contractName(), data,
                        example.body().get("data")).isTrue();
        checkMeta(example.body().get("meta"), result.requestId(), result.timestamp(), meta);
        assertThat(result.rateLimit()).isPresent();
    }

    /** The SDK's generated call for the case's operation, by its operationId: no list of operations here. */
    private static ApiResult<?> call(BalanceClient client, ExampleCase example) {
        Map<String, String> parameters = new LinkedHashMap<>(example.headerParameters());
        parameters.putAll(example.queryParameters());
        parameters.putAll(example.pathParameters());
        return client.invokeResult(example.operationId(), parameters);
    }

    private static void checkError(ExampleCase example, BalanceApiException error, Meta meta) {
        JsonNode expected = example.body();
        // The type the SDK gives the documented response itself: no status table restated here.
        BalanceApiException documented = ErrorResponses.from(example.status(),
                HttpHeaders.of(Map.of(), (name, value) -> true), WireText.asWritten(expected).getBytes(StandardCharsets.UTF_8));
        assertThat(error).isExactlyInstanceOf(documented.getClass());
        assertThat(error.status()).isEqualTo(example.status());
        assertThat(error.code()).isEqualTo(expected.at("/error/code").asText());
        assertThat(error.errorMessage()).isEqualTo(expected.at("/error/message").asText());
        JsonNode details = BalanceSpec.EXACT_JSON.valueToTree(error.details());
        assertThat(WireText.sameValues(details, expected.at("/error/details")))
                .as("%s: details %s", example.contractName(), details).isTrue();
        checkMeta(expected.get("meta"), error.requestId().orElse(null), null, meta);
    }

    private static void checkMeta(JsonNode documented, String requestId, OffsetDateTime timestamp, Meta meta) {
        if (meta == Meta.AS_DOCUMENTED) {
            assertThat(requestId).isEqualTo(documented.get("request_id").asText());
            if (timestamp != null) {
                assertThat(timestamp).isEqualTo(OffsetDateTime.parse(documented.get("timestamp").asText()));
            }
        } else {
            assertThat(requestId).matches(REQUEST_ID).isNotEqualTo(documented.get("request_id").asText());
        }
    }
}
