package com.clickairtime.balance.sandbox.example;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;
import com.clickairtime.balance.sandbox.SandboxTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static com.clickairtime.balance.sandbox.SandboxTestSupport.ACME;
import static com.clickairtime.balance.sandbox.SandboxTestSupport.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24 on the real Tomcat: an operation served from the spec's examples keeps the promises
 * of the hand-written ones. Its examples are the demo account's data, so another account's
 * key gets what the spec documents for a wallet that is not the caller's (the same 404 as an
 * unknown id), and every parameter, inline enums in the query and a header included, is
 * checked against its schema. The fixture operation is limits-operation.yaml's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ExampleServedOperationMvcTest.Fixture.class, ExampleServedOperationMvcTest.NoHandlerYet.class})
class ExampleServedOperationHttpTest {

    private static final BalanceSpec SPEC = ExampleServedOperationMvcTest.SPEC;
    private static final String OPERATION = "getFixtureWalletLimits";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void anotherAccountsKeyGetsTheDocumented404ForEveryCaseOfTheDemoAccount() throws Exception {
        List<ExampleCase> own = SPEC.cases().stream().filter(c -> c.operationId().equals(OPERATION) && c.status() == 200).toList();
        assertThat(own).isNotEmpty();
        ExampleCase unknownId = SPEC.cases().stream().filter(c -> c.operationId().equals(OPERATION)
                && c.anyValueOf().containsAll(c.pathParameters().keySet()) && c.status() == 404).findFirst().orElseThrow();
        for (ExampleCase example : own) {
            assertThat(send(example, ACME).statusCode()).as(example.contractName() + " for its own account").isEqualTo(200);
            HttpResponse<String> other = send(example, GLOBEX);
            assertThat(other.statusCode()).as(example.contractName() + " for another account").isEqualTo(unknownId.status());
            assertThat(SandboxTestSupport.withoutMeta(other.body())).as(example.contractName() + " for another account")
                    .isEqualTo(SandboxTestSupport.withoutMeta(unknownId.body().toString()))
                    .isEqualTo(SandboxTestSupport.withoutMeta(send(unknownId, GLOBEX).body()))
                    .doesNotContain(example.pathParameters().values().iterator().next());
        }
    }

    @Test
    void inlineEnumsInTheQueryAndAHeaderAreCheckedAgainstTheSpec() throws Exception {
        ExampleCase example = SPEC.cases().stream().filter(c -> c.operationId().equals(OPERATION) && c.status() == 200
                && c.queryParameters().isEmpty()).findFirst().orElseThrow();
        String region = SPEC.raw().at("/paths/~1v2~1balance~1{wallet_id}~1fixture-limits/get/parameters/3/schema/enum/0").asText();
        String type = SPEC.raw().at("/paths/~1v2~1balance~1{wallet_id}~1fixture-limits/get/parameters/2/schema/enum/0").asText();
        assertThat(List.of(region, type)).doesNotContain("");

        assertThat(get(example.requestTarget() + "?type=" + type, Map.of("X-Region", region)).statusCode()).isEqualTo(200);
        assertInvalid(get(example.requestTarget() + "?type=bogus", Map.of()), "type");
        assertInvalid(get(example.requestTarget() + "?type=" + type.toUpperCase(), Map.of()), "type");
        assertInvalid(get(example.requestTarget(), Map.of("X-Region", "bogus")), "X-Region");
        // A value given twice is no documented value: which one was meant is not guessed.
        assertInvalid(get(example.requestTarget() + "?type=" + type + "&type=" + type, Map.of()), "type");
    }

    @Test
    void aDeprecatedOperationSaysSoOnEveryAnswerAndOthersDoNot() throws Exception {
        ExampleCase example = SPEC.cases().stream().filter(c -> c.operationId().equals(OPERATION) && c.status() == 200)
                .findFirst().orElseThrow();
        long since = java.time.LocalDate.parse(SPEC.raw().at("/paths/~1v2~1balance~1{wallet_id}~1fixture-limits/get/x-deprecated-at")
                .asText()).atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond();
        assertThat(send(example, ACME).headers().firstValue("Deprecation")).contains("@" + since);
        assertThat(get(example.requestTarget() + "?type=bogus", Map.of()).headers().firstValue("Deprecation")).contains("@" + since);
        assertThat(get("/v2/balance", Map.of()).headers().firstValue("Deprecation")).isEmpty();
    }

    private static void assertInvalid(HttpResponse<String> response, String parameter) {
        assertThat(response.statusCode()).as(parameter).isEqualTo(400);
        JsonNode body = SandboxTestSupport.exact(response.body());
        assertThat(body.at("/error/code").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(body.at("/error/details/parameter").asText()).isEqualTo(parameter);
        assertThat(response.body()).doesNotContain("bogus");
    }

    private HttpResponse<String> send(ExampleCase example, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + example.requestTarget()))
                .header("Authorization", SandboxTestSupport.bearer(key));
        example.headerParameters().forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String target, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
                .header("Authorization", SandboxTestSupport.bearer(ACME));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
