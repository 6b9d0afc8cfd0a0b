package com.clickairtime.balance.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The facts the sandbox, the converter and the SDK read from the document instead of restating
 * them: read from the frozen fixture where values are pinned, and from the live spec only as rules.
 */
class DocumentedFactsTest {

    @Test
    void everyErrorCodeHasOneStatusAndOneMessage() {
        Map<String, DocumentedError> errors = SpecFixture.FROZEN.errors();
        // The 8 codes of the operations' error examples, and the 5 generic ones.
        assertThat(errors).hasSize(13);
        assertThat(errors.get("WALLET_NOT_FOUND").status()).isEqualTo(404);
        assertThat(errors.get("RATE_LIMIT_EXCEEDED").status()).isEqualTo(429);
        assertThat(errors.get("HTTP_VERSION_NOT_SUPPORTED").status()).isEqualTo(505);
    }

    @Test
    void theLiveSpecsErrorsAreEveryCodeItShows() {
        Map<String, DocumentedError> errors = SpecFixture.SPEC.errors();
        Set<String> shown = new LinkedHashSet<>();
        SpecFixture.SPEC.raw().at("/components/x-generic-errors").fieldNames().forEachRemaining(shown::add);
        codes(SpecFixture.SPEC.raw(), shown);
        assertThat(errors.keySet()).containsExactlyInAnyOrderElementsOf(shown);
        assertThat(errors.values()).allSatisfy(error -> {
            assertThat(error.status()).isBetween(400, 599);
            assertThat(error.message()).isNotBlank().doesNotContain("ce_live_");
        });
    }

    /** Every {@code error.code} of an example body, wherever it lies. */
    private static void codes(JsonNode node, Set<String> codes) {
        if (node.isObject() && node.path("success").isBoolean() && !node.path("success").asBoolean()
                && node.path("error").path("code").isTextual()) {
            codes.add(node.path("error").path("code").asText());
        }
        node.forEach(child -> codes(child, codes));
    }

    @Test
    void twoMessagesForOneCodeAreRefused() {
        BalanceSpec edited = SpecFixture.edited(raw -> ((ObjectNode) SpecFixture.object(raw, "/components/examples/RevokedApiKey/value/error"))
                .put("code", "EXPIRED_API_KEY"));
        assertThatThrownBy(edited::errors).hasMessageContaining("EXPIRED_API_KEY is documented as 401");
    }

    @Test
    void theGenericCodesMustBeDocumented() {
        BalanceSpec edited = SpecFixture.edited(raw -> SpecFixture.object(raw, "/components").remove("x-generic-errors"));
        assertThatThrownBy(edited::errors).hasMessageContaining("x-generic-errors is missing");
    }

    @Test
    void eachOperationStatesItsPermissions() {
        assertThat(SpecFixture.FROZEN.requiredPermissions())
                .containsOnlyKeys("getBalance", "getWalletBalance")
                .allSatisfy((operation, permissions) -> assertThat(permissions).containsExactly("wallets.read"));
        BalanceSpec edited = SpecFixture.edited(raw -> SpecFixture.object(raw, "/paths/~1v2~1balance/get").remove("x-required-permissions"));
        assertThatThrownBy(edited::requiredPermissions).hasMessageContaining("getBalance states no x-required-permissions");
    }

    @Test
    void everyLiveOperationStatesItsPermissions() {
        Set<String> operationIds = new LinkedHashSet<>();
        SpecFixture.SPEC.openApi().getPaths().values()
                .forEach(path -> path.readOperations().forEach(operation -> operationIds.add(operation.getOperationId())));
        assertThat(SpecFixture.SPEC.requiredPermissions()).containsOnlyKeys(operationIds)
                .allSatisfy((operation, permissions) -> assertThat(permissions).isNotEmpty());
    }

    @Test
    void theKeyFormatIsMachineReadable() {
        assertThat(SpecFixture.FROZEN.apiKeyPattern().matcher("ce_live_" + "a1B2".repeat(8)).matches()).isTrue();
        for (String notAKey : List.of("ce_live_" + "a".repeat(31), "ce_live_" + "a".repeat(33), "ce_test_" + "a".repeat(32),
                "ce_live_" + "a".repeat(31) + "!")) {
            assertThat(SpecFixture.FROZEN.apiKeyPattern().matcher(notAKey).matches()).as(notAKey).isFalse();
        }
    }

    @Test
    void theLiveDemoKeysHaveTheLiveKeyFormat() {
        assertThat(SpecFixture.SPEC.defaultSandboxKey()).hasValueSatisfying(key ->
                assertThat(SpecFixture.SPEC.apiKeyPattern().matcher(key).matches()).as(key).isTrue());
        SpecFixture.SPEC.cases().stream().map(c -> c.credentials().apiKey()).filter(java.util.Objects::nonNull)
                .forEach(key -> assertThat(SpecFixture.SPEC.apiKeyPattern().matcher(key).matches()).as(key).isTrue());
    }
}
