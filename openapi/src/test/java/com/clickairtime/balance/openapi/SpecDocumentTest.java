package com.clickairtime.balance.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Operation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** swagger-parser reads the document without a single message, and it says what the issue requires. */
class SpecDocumentTest {

    @Test
    void swaggerParserHasNothingToSay() {
        assertThat(SpecFixture.SPEC.messages()).isEmpty();
        assertThat(SpecFixture.SPEC.openApi().getOpenapi()).isEqualTo("3.0.3");
    }

    @Test
    void aBrokenDocumentMakesTheParserSpeak() {
        BalanceSpec broken = SpecFixture.edited(raw -> SpecFixture.object(raw, "/paths/~1v2~1balance/get").remove("responses"));
        assertThat(broken.messages()).isNotEmpty();
    }

    @Test
    void everyOperationStatesItsPermission() {
        List<Operation> operations = SpecFixture.SPEC.openApi().getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream()).toList();
        assertThat(operations).hasSize(2).allSatisfy(operation -> {
            assertThat(operation.getSummary()).isNotBlank();
            assertThat(operation.getTags()).isNotEmpty();
            assertThat(operation.getDescription()).contains("wallets.read");
            assertThat(operation.getExtensions()).containsEntry("x-required-permissions", List.of("wallets.read"));
        });
    }

    /** One parse: the model is built from the exact tree, so its example values keep their written scale. */
    @Test
    void theModelsExampleValuesAreTheExactTree() {
        JsonNode value = (JsonNode) SpecFixture.SPEC.openApi().getComponents().getExamples().get("AcmeBalance").getValue();
        assertThat(value).isSameAs(SpecFixture.SPEC.raw().at("/components/examples/AcmeBalance/value"));
        assertThat(value.at("/data/available_balance/amount").decimalValue()).hasToString("1250.50");
    }
}
