package com.clickairtime.balance.sandbox.error;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.sandbox.SandboxTestSupport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox's error messages are the spec's: it follows an edit, and refuses to start on a gap. */
class ErrorCatalogTest {

    @Test
    void everyCodeTheSandboxUsesHasTheSpecsStatusAndMessage() {
        ErrorCatalog catalog = new ErrorCatalog(SandboxTestSupport.SPEC);
        SandboxTestSupport.SPEC.errors().values().forEach(documented -> {
            ErrorCode code = ErrorCode.valueOf(documented.code());
            assertThat(catalog.status(code)).isEqualTo(documented.status());
            assertThat(catalog.message(code)).isEqualTo(documented.message());
        });
    }

    @Test
    void aMessageChangedInTheSpecIsWhatTheSandboxSends() {
        String changed = "That wallet is not yours, or does not exist.";
        ErrorCatalog catalog = new ErrorCatalog(edited(spec -> everyError(spec, error -> {
            if (ErrorCode.WALLET_NOT_FOUND.name().equals(error.path("code").asText())) {
                error.put("message", changed);
            }
        })));
        assertThat(catalog.message(ErrorCode.WALLET_NOT_FOUND)).isEqualTo(changed);
    }

    @Test
    void aCodeTheSpecDoesNotDocumentStopsTheStart() {
        // A code that only x-generic-errors documents (no response example shows it).
        BalanceSpec gap = edited(spec -> {
            ObjectNode generic = (ObjectNode) spec.at("/components/x-generic-errors");
            generic.set("INVALID_PARAMETER_ANY_MORE", generic.remove(ErrorCode.INVALID_PARAMETER.name()));
        });
        assertThatThrownBy(() -> new ErrorCatalog(gap))
                .hasMessageContaining("error codes that balance.yaml does not document: [INVALID_PARAMETER]");
    }

    /** The live spec with one structural edit: its wording and layout may change, the edit still applies. */
    private static BalanceSpec edited(Consumer<ObjectNode> edit) {
        ObjectNode spec = SandboxTestSupport.SPEC.raw().deepCopy();
        edit.accept(spec);
        try {
            return BalanceSpec.parse(BalanceSpec.EXACT_YAML.writeValueAsString(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every {@code error} object of every example body. */
    private static void everyError(JsonNode node, Consumer<ObjectNode> action) {
        if (node.has("error") && node.get("error").isObject() && node.get("error").has("code")) {
            action.accept((ObjectNode) node.get("error"));
        }
        node.forEach(child -> everyError(child, action));
    }
}
