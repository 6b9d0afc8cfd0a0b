package com.clickairtime.balance.sandbox.wallet;

import com.clickairtime.balance.sandbox.SandboxTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The property sandbox.dataset points the sandbox at another dataset. */
@SpringBootTest(properties = "sandbox.dataset=classpath:datasets/tiny.yaml")
@AutoConfigureMockMvc
class OtherDatasetMvcTest {

    @Autowired
    MockMvc mvc;

    @Test
    void itsAccountsAndKeysAreServed() throws Exception {
        String body = mvc.perform(get("/v2/balance")
                        .header(HttpHeaders.AUTHORIZATION, SandboxTestSupport.bearer("ce_live_TinyDatasetInitechKey00000000042")))
                .andReturn().getResponse().getContentAsString();
        JsonNode json = SandboxTestSupport.exact(body);
        // 10.10 EUR x 1.1 = 11.11 USD
        assertThat(json.at("/data/available_balance/amount").decimalValue()).hasToString("11.11");
        assertThat(json.at("/data/wallets/0/id").asText()).isEqualTo("wal_eur_042");
    }
}
