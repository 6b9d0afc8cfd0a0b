package com.clickairtime.balance.sandbox.logging;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The log's last line of defence: a key that some logger prints anyway comes out masked. */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyMaskTest {

    private static final String KEY = "ce_live_ReallySecretKeyNotInAnyFileX0042";

    @Test
    void keysAreMaskedWhereverTheyStand() {
        assertThat(ApiKeyMask.mask("Bearer " + KEY + ", again:" + KEY + "."))
                .isEqualTo("Bearer ce_live_…0042, again:ce_live_…0042.");
        // Malformed and truncated keys are secrets too; too short to show any of it.
        assertThat(ApiKeyMask.mask("x=ce_live_abc&y=ce_live_")).isEqualTo("x=ce_live_…&y=ce_live_…");
        assertThat(ApiKeyMask.mask("no key here")).isEqualTo("no key here");
    }

    /** Boots the sandbox, so that its logging configuration is the one in force. */
    @SpringBootTest
    @ExtendWith(OutputCaptureExtension.class)
    static class ThroughTheSandboxLogging {

        @Test
        void messagesAndStackTracesAreMasked(CapturedOutput output) {
            Logger log = LoggerFactory.getLogger("some.library");
            log.warn("rejected header Authorization: Bearer {}", KEY);
            log.error("failed", new IllegalArgumentException("bad value [" + KEY + "]"));
            assertThat(output.getAll()).doesNotContain(KEY.substring(8)).contains("Bearer ce_live_…0042")
                    .contains("bad value [ce_live_…0042]");
        }

        @Test
        void theStartUpBannerShowsTheDemoKeysInFull(CapturedOutput output) {
            // The context started before this test; its banner went to the log then, so look at the marker path directly.
            LoggerFactory.getLogger("banner").info(ApiKeyMask.DEMO_KEYS, "demo {}", SandboxTestSupport.ACME);
            assertThat(output.getAll()).contains("demo " + SandboxTestSupport.ACME);
        }
    }
}
