package com.clickairtime.balance.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Operation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** swagger-parser reads the document without a single message, and each operation says what it needs. */
class SpecDocumentTest {

    /** A setting of the kit's sandbox (sandbox.rate-limit.max-buckets and the like), as the sandbox's guide names them. */
    private static final Pattern SANDBOX_SETTING = Pattern.compile("\\bsandbox\\.[a-z][a-z.-]*");

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

    /**
     * The spec is the API's, imported by partners into their tools: its prose names no setting of the kit's
     * sandbox (those are in docs/sandbox.md and on the sandbox's own docs page).
     */
    @Test
    void noDescriptionNamesASandboxSetting() {
        assertThat(sandboxSettingsNamed(SpecFixture.SPEC.raw())).isEmpty();
    }

    /** The check finds them where they are: the frozen 1.0.0 spec still named the sandbox's settings. */
    @Test
    void aDescriptionThatNamesASandboxSettingIsFound() {
        assertThat(sandboxSettingsNamed(SpecFixture.FROZEN.raw()))
                .anySatisfy(found -> assertThat(found).startsWith("/info/description: sandbox.rate-limit."));
    }

    /** Each sandbox setting a description or summary names, with the JSON pointer of the prose that names it. */
    private static List<String> sandboxSettingsNamed(JsonNode node) {
        List<String> found = new ArrayList<>();
        collect(node, "", found);
        return found;
    }

    private static void collect(JsonNode node, String pointer, List<String> found) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, found);
            }
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String at = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
            JsonNode value = field.getValue();
            if (value.isTextual() && (field.getKey().equals("description") || field.getKey().equals("summary"))) {
                Matcher setting = SANDBOX_SETTING.matcher(value.textValue());
                while (setting.find()) {
                    found.add(at + ": " + setting.group());
                }
            } else {
                collect(value, at, found);
            }
        }
    }
}
