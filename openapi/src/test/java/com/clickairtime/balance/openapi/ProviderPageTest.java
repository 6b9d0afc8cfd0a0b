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
 * the bodies of the spec's documented examples: same values, same decimal scale.
 */
class ProviderPageTest {

    private static final Path PAGE = Path.of(System.getProperty("provider.page", "../../shared/api-docs/wallet-balance.txt"));

    @Test
    void theDocumentedBodiesAreTheSpecsExamples() throws IOException {
        assumeTrue(Files.isReadable(PAGE), "the provider's page is not beside this checkout");
        List<JsonNode> bodies = exampleResponses(Files.readString(PAGE));
        assertThat(bodies).hasSize(2);
        // JsonNode equality compares decimals with their scale: 1250.5 would not equal 1250.50.
        assertThat(bodies.get(0)).isEqualTo(example("/v2/balance", "200", "acme_balance"));
        assertThat(bodies.get(1)).isEqualTo(example("/v2/balance/{wallet_id}", "200", "ghs_wallet"));
    }

    private static JsonNode example(String path, String status, String name) {
        BalanceSpec spec = SpecFixture.SPEC;
        JsonNode response = spec.deref(spec.raw().path("paths").path(path).path("get").path("responses").path(status));
        return spec.deref(response.at("/content/application~1json/examples/" + name)).path("value");
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
