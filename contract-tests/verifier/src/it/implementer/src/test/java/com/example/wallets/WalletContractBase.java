package com.example.wallets;

import com.clickairtime.balance.verifier.BalanceContractVerifier;
import com.clickairtime.balance.verifier.scc.BalanceContractBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The base of the tests Spring Cloud Contract generates from our copy of the spec, with our verifier test's cases and
 * states: in-process (MOCKMVC) and over HTTP to the running server (EXPLICIT).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class WalletContractBase extends BalanceContractBase {

    @Autowired
    MockMvc mockMvc;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Override
    protected MockMvc mockMvc() {
        return mockMvc;
    }

    @Override
    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    protected BalanceContractVerifier verifier() {
        return WalletBalanceContractTest.ourCases(accounts);
    }
}
