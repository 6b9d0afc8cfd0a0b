package com.clickairtime.balance.sandbox.docs;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The spec names none of the sandbox's settings, so the docs page shows them: as the sandbox was
 * started, not as the defaults are written (every value here differs from its default).
 */
@SpringBootTest(properties = {
        "sandbox.allowed-hosts=localhost,wallets.test",
        "sandbox.cors.allowed-origins=http://app.test:[*]",
        "sandbox.rate-limit.requests-per-minute=123",
        "sandbox.rate-limit.failed-authentications-per-minute=7",
        "sandbox.rate-limit.max-buckets=4567",
        "sandbox.request-deadline=9s"})
@AutoConfigureMockMvc
class DocsSettingsMvcTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theDocsPageShowsTheSettingsTheSandboxRunsWith() throws Exception {
        String page = mvc.perform(get("/docs").header("Host", "localhost")).andReturn().getResponse().getContentAsString();

        assertThat(page)
                .contains("<code>localhost</code>, <code>wallets.test</code>, any port", "(<code>sandbox.allowed-hosts</code>)")
                .contains("Pages from <code>http://app.test:[*]</code> may call it")
                .contains("123 requests a minute per key (<code>sandbox.rate-limit.requests-per-minute</code>)")
                .contains("7 failed authentications a minute per address")
                .contains("At most 4567 keys and addresses")
                .contains("within 9000 ms of its first byte is closed (<code>sandbox.request-deadline</code>)")
                .doesNotContain("<!--sandbox-settings-->");
    }
}
