package com.clickairtime.balance.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The provider's page, when it lies beside the checkout (as in this kit's CI), shows exactly
 * the bodies of the spec's examples that say so in their summary: same values, same decimal
 * scale. An example that stops being the page's drops the claim from its summary.
 */
class ProviderPageTest {

    private static final Path PAGE = Path.of(System.getProperty("provider.page", "../../shared/api-docs/wallet-balance.txt"));

    /** The spec marks the examples it took from the page in their summary; the test reads that claim. */
    static final String CLAIM = "as on the provider's page";

    @Test
    void theExamplesThatClaimToBeThePagesAreThePagesBodies() throws IOException {
        assumeTrue(Files.isReadable(PAGE), "the provider's page is not beside this checkout");
        List<JsonNode> bodies = exampleResponses(Files.readString(PAGE));
        // Every example that claims to be the page's is one of its bodies. The spec may drop a claim when
        // an example moves away from the page (aChangedClaimingExampleWouldBeCaught proves the reading on
        // a frozen copy). JsonNode equality compares decimals with their scale: 1250.5 is not 1250.50.
        assertThat(bodies).as("the page's bodies, for the examples whose summary says '%s'", CLAIM)
                .containsAll(claimingExamples(SpecFixture.SPEC));
    }

    @Test
    void aChangedClaimingExampleWouldBeCaught() throws IOException {
        assumeTrue(Files.isReadable(PAGE), "the provider's page is not beside this checkout");
        BalanceSpec edited = SpecFixture.edited(raw -> SpecFixture.object(raw, "/components/examples/GhsWallet/value/data")
                .put("balance", new java.math.BigDecimal("3090.50")));
        List<JsonNode> bodies = exampleResponses(Files.readString(PAGE));
        assertThat(new java.util.HashSet<>(claimingExamples(SpecFixture.FROZEN))).isEqualTo(new java.util.HashSet<>(bodies));
        assertThat(bodies).doesNotContain(edited.raw().at("/components/examples/GhsWallet/value"));
        assertThat(claimingExamples(edited)).contains(edited.raw().at("/components/examples/GhsWallet/value"));
    }

    private static List<JsonNode> claimingExamples(BalanceSpec spec) {
        List<JsonNode> claimed = new ArrayList<>();
        spec.raw().path("components").path("examples").forEach(example -> {
            if (example.path("summary").asText().contains(CLAIM)) {
                claimed.add(example.path("value"));
            }
        });
        return claimed;
    }

    /** The JSON object that follows each "Example Response" heading. */
    private static List<JsonNode> exampleResponses(String page) throws IOException {
        List<JsonNode> bodies = new ArrayList<>();
        String marker = "Example Response";
        for (int at = page.indexOf(marker); at >= 0; at = page.indexOf(marker, at + 1)) {
            int start = page.indexOf('{', at);
            int depth = 0;
            int end = start;
            do {
                char c = page.charAt(end++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            } while (depth > 0);
            bodies.add(BalanceSpec.EXACT_JSON.readTree(page.substring(start, end)));
        }
        return bodies;
    }
}
