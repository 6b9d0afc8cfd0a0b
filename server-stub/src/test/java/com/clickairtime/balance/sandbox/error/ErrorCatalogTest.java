package com.clickairtime.balance.sandbox.error;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox's error messages are the spec's: it follows an edit, and refuses to start on a gap. */
class ErrorCatalogTest {

    private static final String SPEC = SandboxTestSupport.SPEC.text();

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
        String message = SandboxTestSupport.SPEC.errors().get(ErrorCode.WALLET_NOT_FOUND.name()).message();
        assertThat(SPEC).contains("message: " + message);
        ErrorCatalog catalog = new ErrorCatalog(BalanceSpec.parse(SPEC.replace("message: " + message,
                "message: That wallet is not yours, or does not exist.")));
        assertThat(catalog.message(ErrorCode.WALLET_NOT_FOUND)).isEqualTo("That wallet is not yours, or does not exist.");
    }

    @Test
    void aCodeTheSpecDoesNotDocumentStopsTheStart() {
        // A code that only x-generic-errors documents (no response example shows it).
        assertThat(SPEC).contains("    INVALID_PARAMETER:\n").containsOnlyOnce("INVALID_PARAMETER:");
        BalanceSpec gap = BalanceSpec.parse(SPEC.replace("    INVALID_PARAMETER:\n", "    INVALID_PARAMETER_ANY_MORE:\n"));
        assertThatThrownBy(() -> new ErrorCatalog(gap))
                .hasMessageContaining("error codes that balance.yaml does not document: [INVALID_PARAMETER]");
    }
}
