package com.clickairtime.balance.sandbox.logging;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.clickairtime.balance.sandbox.logging.ApiKeyMaskTest.KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** The mask wired into the sandbox's logging configuration (logback-spring.xml), which a booted sandbox uses. */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class SandboxLoggingTest {

    @Test
    void messagesAndStackTracesAreMasked(CapturedOutput output) {
        Logger log = LoggerFactory.getLogger("some.library");
        log.warn("rejected header Authorization: Bearer {}", KEY);
        log.error("failed", new IllegalArgumentException("bad value [" + KEY + "]"));
        assertThat(output.getAll()).doesNotContain(KEY.substring(8)).contains("Bearer ce_live_…0042")
                .contains("bad value [ce_live_…0042]");
    }

    @Test
    void theDemoKeysMarkerLetsTheStartUpBannerPrintThemInFull(CapturedOutput output) {
        // The banner itself is logged when the context starts, which may be before this test's capture.
        LoggerFactory.getLogger("banner").info(ApiKeyMask.DEMO_KEYS, "demo {}", SandboxTestSupport.ACME);
        assertThat(output.getAll()).contains("demo " + SandboxTestSupport.ACME);
    }
}
