package com.clickairtime.balance.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Operation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** swagger-parser reads the document without a single message, and each operation says what it needs. */
class SpecDocumentTest {

    @Test
    void swaggerParserHasNothingToSay() {
        assertThat(SpecFixture.SPEC.messages()).isEmpty();
        assertThat(SpecFixture.SPEC.openApi().getOpenapi()).startsWith("3.0.");
    }

    @Test
    void aBrokenDocumentMakesTheParserSpeak() {
        BalanceSpec broken = SpecFixture.edited(raw -> SpecFixture.object(raw, "/paths/~1v2~1balance/get").remove("responses"));
        assertThat(broken.messages()).isNotEmpty();
    }

    @Test
    void everyOperationStatesItsPermissionInWordsToo() {
        List<Operation> operations = SpecFixture.SPEC.openApi().getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream()).toList();
        assertThat(operations).isNotEmpty().allSatisfy(operation -> {
            assertThat(operation.getSummary()).isNotBlank();
            assertThat(operation.getTags()).isNotEmpty();
            assertThat(SpecFixture.SPEC.requiredPermissions().get(operation.getOperationId()))
                    .allSatisfy(permission -> assertThat(operation.getDescription()).contains(permission));
        });
    }

    /** One parse: the model is built from the exact tree, so its example values keep their written scale. */
    @Test
    void theModelsExampleValuesAreTheExactTree() {
        BalanceSpec spec = SpecFixture.FROZEN;
        JsonNode value = (JsonNode) spec.openApi().getComponents().getExamples().get("AcmeBalance").getValue();
        assertThat(value).isSameAs(spec.raw().at("/components/examples/AcmeBalance/value"));
        assertThat(value.at("/data/available_balance/amount").decimalValue()).hasToString("1250.50");
    }
}
