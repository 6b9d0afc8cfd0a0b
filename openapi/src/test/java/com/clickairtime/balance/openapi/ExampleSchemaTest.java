package com.clickairtime.balance.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every example in the spec, named or inline, validates against its schema. */
class ExampleSchemaTest {

    private final SchemaValidation validation = new SchemaValidation(SpecFixture.SPEC);

    @TestFactory
    Stream<DynamicTest> everyExampleMatchesItsSchema() {
        return DocumentedExamples.of(SpecFixture.SPEC).stream().map(sample -> DynamicTest.dynamicTest(sample.where(),
                () -> assertThat(validation.validate(sample.schemaPointer(), sample.value()))
                        .as("%s against %s", sample.where(), sample.schemaPointer())
                        .isEmpty()));
    }

    @Test
    void findsExamplesEverywhereTheyAre() {
        List<String> where = DocumentedExamples.of(SpecFixture.SPEC).stream().map(DocumentedExamples.Sample::where).toList();
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
        List<String> failures = DocumentedExamples.of(broken).stream()
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
}
