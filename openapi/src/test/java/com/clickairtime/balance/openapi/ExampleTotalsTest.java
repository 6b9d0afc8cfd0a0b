package com.clickairtime.balance.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The totals, counted without the pairing code, so that a change to the pairing (or to the
 * example walker) cannot lose a case or an example unnoticed: pinned on the frozen fixtures, and
 * on the live spec counted independently and compared, so that adding an example needs no edit here.
 */
class ExampleTotalsTest {

    @Test
    void everyNamedResponseExampleOfTheLiveSpecIsACase() {
        assertThat(SpecFixture.SPEC.cases()).hasSize(namedResponseExamples(SpecFixture.SPEC));
    }

    @Test
    void theFixturesTotalsArePinned() {
        // 15 named response examples in 1.0.0; the parameters fixture adds ghs_only, tagged, ghs_tagged, lowercase_currency.
        assertThat(namedResponseExamples(SpecFixture.FROZEN)).isEqualTo(15);
        assertThat(SpecFixture.FROZEN.cases()).hasSize(15);
        assertThat(namedResponseExamples(SpecFixture.PARAMETERS)).isEqualTo(19);
        assertThat(SpecFixture.PARAMETERS.cases()).hasSize(19);
    }

    @Test
    void everyDocumentedExampleOfAFixtureIsFound() {
        // 12 response bodies, 4 wallet ids, 4 headers, 6 schema values; then 5 query and header values and 4 bodies more.
        assertThat(DocumentedExamples.of(SpecFixture.FROZEN)).hasSize(26);
        assertThat(DocumentedExamples.of(SpecFixture.PARAMETERS)).hasSize(35);
    }

    /** Every named response example is one case, whether or not it has a request example of its name. */
    static int namedResponseExamples(BalanceSpec spec) {
        int named = 0;
        for (PathItem path : spec.openApi().getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                for (ApiResponse response : operation.getResponses().values()) {
                    ApiResponse resolved = response.get$ref() == null ? response : spec.openApi().getComponents()
                            .getResponses().get(response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1));
                    if (resolved.getContent() != null) {
                        for (MediaType media : resolved.getContent().values()) {
                            named += media.getExamples() == null ? 0 : media.getExamples().size();
                        }
                    }
                }
            }
        }
        return named;
    }
}
