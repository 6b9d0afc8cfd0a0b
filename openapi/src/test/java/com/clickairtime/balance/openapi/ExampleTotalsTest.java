package com.clickairtime.balance.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The totals, pinned and counted without the pairing code, so that a change to the pairing
 * (or to the example walker) cannot lose a case or an example unnoticed. Adding an example to
 * the spec means raising a number here: that is the point.
 */
class ExampleTotalsTest {

    private static final int CASES = 15;
    // 12 response bodies, 4 wallet ids, 4 headers, 6 schema values.
    private static final int DOCUMENTED_EXAMPLES = 26;

    /** Every named response example is one case, whether or not it has a request example of its name. */
    @Test
    void everyNamedResponseExampleIsACase() {
        int named = 0;
        for (PathItem path : SpecFixture.SPEC.openApi().getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                for (ApiResponse response : operation.getResponses().values()) {
                    ApiResponse resolved = response.get$ref() == null ? response : SpecFixture.SPEC.openApi().getComponents()
                            .getResponses().get(response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1));
                    if (resolved.getContent() != null) {
                        for (MediaType media : resolved.getContent().values()) {
                            named += media.getExamples() == null ? 0 : media.getExamples().size();
                        }
                    }
                }
            }
        }
        assertThat(named).isEqualTo(CASES);
        assertThat(SpecFixture.SPEC.cases()).hasSize(CASES);
    }

    @Test
    void everyDocumentedExampleIsCheckedAgainstItsSchema() {
        assertThat(DocumentedExamples.of(SpecFixture.SPEC)).hasSize(DOCUMENTED_EXAMPLES);
    }
}
