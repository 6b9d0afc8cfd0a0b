package com.clickairtime.balance.client;

import com.clickairtime.balance.openapi.BalanceSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The key format the build generated into the SDK is the spec's x-key-pattern, character for character. */
class ApiKeyFormatTest {

    @Test
    void theSdkChecksKeysAgainstTheSpecsPattern() {
        assertThat(ApiKey.FORMAT.pattern()).isEqualTo(BalanceSpec.load().apiKeyPattern().pattern());
    }
}
