package com.clickairtime.balance.sandbox.logging;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The log's last line of defence: a key that some logger prints anyway comes out masked. */
class ApiKeyMaskTest {

    static final String KEY = "ce_live_ReallySecretKeyNotInAnyFileX0042";

    @Test
    void theMaskLooksForTheSpecsKeyPrefix() {
        assertThat(SandboxTestSupport.SPEC.apiKeyPattern().pattern()).startsWith("^" + ApiKeyMask.PREFIX + "[");
    }

    @Test
    void keysAreMaskedWhereverTheyStand() {
        assertThat(ApiKeyMask.mask("Bearer " + KEY + ", again:" + KEY + "."))
                .isEqualTo("Bearer ce_live_…0042, again:ce_live_…0042.");
        // Malformed and truncated keys are secrets too; too short to show any of it.
        assertThat(ApiKeyMask.mask("x=ce_live_abc&y=ce_live_")).isEqualTo("x=ce_live_…&y=ce_live_…");
        assertThat(ApiKeyMask.mask("no key here")).isEqualTo("no key here");
    }
}
