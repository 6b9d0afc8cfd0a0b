package com.clickairtime.balance.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example in the spec, named or inline, validates against its schema; except the request
 * values of a deliberately invalid request (a case whose response is a 400), of which at least one
 * must break its parameter's schema, or the 400 would document nothing.
 */
class ExampleSchemaTest {

    private final SchemaValidation validation = new SchemaValidation(SpecFixture.SPEC);

    @TestFactory
    Stream<DynamicTest> everyExampleMatchesItsSchema() {
        return expectedValid(SpecFixture.SPEC).stream().map(sample -> DynamicTest.dynamicTest(sample.where(),
                () -> assertThat(validation.validate(sample.schemaPointer(), sample.value()))
                        .as("%s against %s", sample.where(), sample.schemaPointer())
                        .isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidRequestBreaksASchema() {
        return SpecFixture.SPEC.cases().stream().filter(ExampleCase::invalidRequest).map(example -> DynamicTest.dynamicTest(
                example.contractName(), () -> assertThat(invalidValues(validation, example)).isNotEmpty()));
    }

    @Test
    void theInvalidRequestOfTheFixtureBreaksItsSchemaAndOnlyIt() {
        SchemaValidation parameters = new SchemaValidation(SpecFixture.PARAMETERS);
        List<String> broken = SpecFixture.PARAMETERS.cases().stream()
                .filter(example -> !invalidValues(parameters, example).isEmpty())
                .map(ExampleCase::contractName).toList();
        assertThat(broken).containsExactly("getBalance_lowercase_currency");
        assertThat(expectedValid(SpecFixture.PARAMETERS)).extracting(DocumentedExamples.Sample::where)
                .doesNotContain("/paths/~1v2~1balance/get/parameters/0/examples/lowercase_currency")
                .contains("/paths/~1v2~1balance/get/parameters/0/examples/ghs_only");
        assertThat(expectedValid(SpecFixture.PARAMETERS)).allSatisfy(sample ->
                assertThat(parameters.validate(sample.schemaPointer(), sample.value())).as(sample.where()).isEmpty());
    }

    @Test
    void a400WhoseRequestIsValidIsCaught() {
        BalanceSpec valid400 = SpecFixture.edited(SpecFixture.PARAMETERS, raw -> SpecFixture.object(raw,
                "/paths/~1v2~1balance/get/parameters/0/examples/lowercase_currency").put("value", "GHS"));
        SchemaValidation validation400 = new SchemaValidation(valid400);
        ExampleCase lowercase = valid400.cases().stream().filter(ExampleCase::invalidRequest).findFirst().orElseThrow();
        assertThat(invalidValues(validation400, lowercase)).isEmpty();
    }

    @Test
    void findsExamplesEverywhereTheyAre() {
        List<String> where = DocumentedExamples.of(SpecFixture.FROZEN).stream().map(DocumentedExamples.Sample::where).toList();
        assertThat(where).contains(
                "/paths/~1v2~1balance/get/responses/200/content/application~1json/examples/acme_balance",
                "/components/parameters/WalletId/examples/wallet_not_found",
                "/components/responses/TooManyRequests/content/application~1json/example",
                "/components/schemas/Amount/example",
                "/components/schemas/Meta/properties/timestamp/example");
    }

    @Test
    void aBodyThatBreaksItsSchemaIsCaught() {
        BalanceSpec broken = SpecFixture.edited(raw -> {
            SpecFixture.object(raw, "/components/examples/GhsWallet/value/data").put("type", "premium");
            SpecFixture.object(raw, "/components/examples/AcmeBalance/value/data/wallets/0").put("balance", "1000.00");
        });
        SchemaValidation brokenValidation = new SchemaValidation(broken);
        List<String> failures = expectedValid(broken).stream()
                .filter(sample -> !brokenValidation.validate(sample.schemaPointer(), sample.value()).isEmpty())
                .map(DocumentedExamples.Sample::where)
                .toList();
        assertThat(failures).containsExactlyInAnyOrder(
                "/paths/~1v2~1balance~1{wallet_id}/get/responses/200/content/application~1json/examples/ghs_wallet",
                "/paths/~1v2~1balance/get/responses/200/content/application~1json/examples/acme_balance");
    }

    @Test
    void aMalformedRequestIdOrTimestampIsCaught() {
        BalanceSpec broken = SpecFixture.edited(raw -> {
            ObjectNode meta = SpecFixture.object(raw, "/components/examples/GhsWallet/value/meta");
            meta.put("request_id", "req_TOO_SHORT");
            meta.put("timestamp", meta.get("timestamp").asText().replace(".000Z", "Z"));
        });
        SchemaValidation brokenValidation = new SchemaValidation(broken);
        String pointer = "/components/schemas/WalletResponse";
        assertThat(brokenValidation.validate(pointer, broken.raw().at("/components/examples/GhsWallet/value")))
                .hasSize(2);
    }

    @Test
    void aWrongParameterValueOfAValidRequestIsCaught() {
        BalanceSpec broken = SpecFixture.edited(SpecFixture.PARAMETERS, raw -> SpecFixture.object(raw,
                "/paths/~1v2~1balance/get/parameters/0/examples").set("ghs_only",
                JsonNodeFactory.instance.objectNode().put("value", "cedi")));
        SchemaValidation brokenValidation = new SchemaValidation(broken);
        assertThat(expectedValid(broken)).filteredOn(sample -> !brokenValidation.validate(sample.schemaPointer(), sample.value()).isEmpty())
                .extracting(DocumentedExamples.Sample::where)
                .containsExactly("/paths/~1v2~1balance/get/parameters/0/examples/ghs_only");
    }

    /** Every example but the parameter values of a deliberately invalid request. */
    private static List<DocumentedExamples.Sample> expectedValid(BalanceSpec spec) {
        Set<String> invalid = spec.cases().stream().filter(ExampleCase::invalidRequest).map(ExampleCase::name)
                .collect(Collectors.toSet());
        return DocumentedExamples.of(spec).stream().filter(sample -> !isParameterExampleOf(sample.where(), invalid)).toList();
    }

    private static boolean isParameterExampleOf(String where, Set<String> names) {
        int examples = where.lastIndexOf("/examples/");
        return examples > 0 && where.substring(0, examples).matches(".*/parameters/[^/]+")
                && names.contains(where.substring(examples + "/examples/".length()));
    }

    /** The parameters of the case's request whose example value of its name breaks the parameter's schema. */
    private static List<String> invalidValues(SchemaValidation validation, ExampleCase example) {
        BalanceSpec spec = validation.spec();
        String pathPointer = "/paths/" + example.pathTemplate().replace("~", "~0").replace("/", "~1");
        String operationPointer = pathPointer + "/" + example.method().toLowerCase(java.util.Locale.ROOT);
        List<String> invalid = new ArrayList<>();
        for (String holder : List.of(pathPointer, operationPointer)) {
            JsonNode list = spec.raw().at(holder + "/parameters");
            for (int i = 0; i < list.size(); i++) {
                JsonNode reference = list.get(i);
                String where = reference.has("$ref") ? reference.get("$ref").asText().substring(1) : holder + "/parameters/" + i;
                JsonNode parameter = spec.deref(reference);
                JsonNode value = spec.deref(parameter.path("examples").path(example.name())).path("value");
                if (!value.isMissingNode() && !validation.validate(
                        validation.schemaPointer(parameter.path("schema"), where + "/schema"), value).isEmpty()) {
                    invalid.add(parameter.path("name").asText());
                }
            }
        }
        return invalid;
    }
}
