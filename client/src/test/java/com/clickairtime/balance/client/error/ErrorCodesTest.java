package com.clickairtime.balance.client.error;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.DocumentedError;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated code table agrees with the spec module's own, independent collection of documented errors
 * (its examples and {@code x-generic-errors}): no count or code of the live spec is written here.
 */
class ErrorCodesTest {

    @Test
    void everyDocumentedCodeIsGeneratedWithItsStatus() {
        Map<String, DocumentedError> documented = BalanceSpec.load().errors();
        assertThat(ErrorCodes.documented()).containsExactlyInAnyOrderElementsOf(documented.keySet());
        documented.values().forEach(error -> assertThat(ErrorCodes.status(error.code())).as(error.code()).hasValue(error.status()));
        assertThat(ErrorCodes.status("NOT_A_DOCUMENTED_CODE")).isEmpty();
    }
}
