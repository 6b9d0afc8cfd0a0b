package com.clickairtime.balance.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The facts the sandbox, the converter and the SDK read from the document instead of restating them. */
class DocumentedFactsTest {

    @Test
    void everyErrorCodeHasOneStatusAndOneMessage() {
        Map<String, DocumentedError> errors = SpecFixture.SPEC.errors();
        // The 8 codes of the operations' error examples, and the 6 generic ones.
        assertThat(errors).hasSize(14);
        assertThat(errors.values()).allSatisfy(error -> {
            assertThat(error.status()).isBetween(400, 599);
            assertThat(error.message()).isNotBlank().doesNotContain("ce_live_");
        });
        assertThat(errors.get("WALLET_NOT_FOUND").status()).isEqualTo(404);
        assertThat(errors.get("RATE_LIMIT_EXCEEDED").status()).isEqualTo(429);
        assertThat(errors.get("HTTP_VERSION_NOT_SUPPORTED").status()).isEqualTo(505);
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
        assertThat(SpecFixture.SPEC.requiredPermissions())
                .containsOnlyKeys("getBalance", "getWalletBalance")
                .allSatisfy((operation, permissions) -> assertThat(permissions).containsExactly("wallets.read"));
        BalanceSpec edited = SpecFixture.edited(raw -> SpecFixture.object(raw, "/paths/~1v2~1balance/get").remove("x-required-permissions"));
        assertThatThrownBy(edited::requiredPermissions).hasMessageContaining("getBalance states no x-required-permissions");
    }

    @Test
    void theKeyFormatIsMachineReadable() {
        assertThat(SpecFixture.SPEC.apiKeyPattern().matcher("ce_live_" + "a1B2".repeat(8)).matches()).isTrue();
        for (String notAKey : List.of("ce_live_" + "a".repeat(31), "ce_live_" + "a".repeat(33), "ce_test_" + "a".repeat(32),
                "ce_live_" + "a".repeat(31) + "!")) {
            assertThat(SpecFixture.SPEC.apiKeyPattern().matcher(notAKey).matches()).as(notAKey).isFalse();
        }
    }
}
