package com.clickairtime.balance.sandbox.error;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.sandbox.SandboxTestSupport;
import com.clickairtime.balance.sandbox.SpecFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sandbox's error codes are the spec's: every documented one can be sent with its status
 * and message, an edit is followed, and a code the sandbox's behaviour needs but the spec lost
 * refuses the start. Codes are named only on the frozen copy of the spec or a fixture.
 */
class ErrorCatalogTest {

    @Test
    void everyCodeTheSpecDocumentsHasItsStatusAndMessage() {
        ErrorCatalog catalog = new ErrorCatalog(SandboxTestSupport.SPEC);
        assertThat(SandboxTestSupport.SPEC.errors()).isNotEmpty();
        SandboxTestSupport.SPEC.errors().values().forEach(documented -> {
            ErrorCode code = ErrorCode.of(documented.code());
            assertThat(catalog.status(code)).isEqualTo(documented.status());
            assertThat(catalog.message(code)).isEqualTo(documented.message());
        });
    }

    @Test
    void aCodeThatOnlyANewDocumentedCaseShowsCanBeSent() {
        ErrorCatalog catalog = new ErrorCatalog(SpecFixtures.withLockedWallet());
        assertThat(catalog.status(ErrorCode.of("WALLET_LOCKED"))).isEqualTo(423);
        assertThat(catalog.message(ErrorCode.of("WALLET_LOCKED"))).isEqualTo("This wallet is locked.");
    }

    @Test
    void aMessageChangedInTheSpecIsWhatTheSandboxSends() {
        String changed = "That wallet is not yours, or does not exist.";
        ErrorCatalog catalog = new ErrorCatalog(SpecFixtures.frozenEdited(spec -> everyError(spec, error -> {
            if ("WALLET_NOT_FOUND".equals(error.path("code").asText())) {
                error.put("message", changed);
            }
        })));
        assertThat(catalog.message(ErrorCode.of("WALLET_NOT_FOUND"))).isEqualTo(changed);
    }

    @Test
    void aCodeTheSandboxAnswersWithThatTheSpecDoesNotDocumentStopsTheStart() {
        // A code that only x-generic-errors documents (no response example shows it).
        BalanceSpec gap = SpecFixtures.frozenEdited(spec -> {
            ObjectNode generic = (ObjectNode) spec.at("/components/x-generic-errors");
            generic.set("INVALID_PARAMETER_ANY_MORE", generic.remove("INVALID_PARAMETER"));
        });
        ErrorCatalog catalog = new ErrorCatalog(gap);
        assertThatThrownBy(() -> catalog.require(ErrorCode.of("WALLET_NOT_FOUND"), ErrorCode.of("INVALID_PARAMETER")))
                .hasMessageContaining("error codes that balance.yaml does not document: [INVALID_PARAMETER]");
        // The statuses the container raises map to generic codes, required by the catalog itself.
        BalanceSpec noNotFound = SpecFixtures.frozenEdited(spec -> ((ObjectNode) spec.at("/components/x-generic-errors")).remove("NOT_FOUND"));
        assertThatThrownBy(() -> new ErrorCatalog(noNotFound)).hasMessageContaining("[NOT_FOUND]");
    }

    /** Every {@code error} object of every example body. */
    private static void everyError(JsonNode node, Consumer<ObjectNode> action) {
        if (node.has("error") && node.get("error").isObject() && node.get("error").has("code")) {
            action.accept((ObjectNode) node.get("error"));
        }
        node.forEach(child -> everyError(child, action));
    }
}
