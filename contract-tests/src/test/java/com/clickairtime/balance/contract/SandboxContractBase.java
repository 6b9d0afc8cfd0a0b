package com.clickairtime.balance.contract;

import com.clickairtime.balance.sandbox.SandboxApplication;
import com.clickairtime.balance.verifier.BalanceContractVerifier;
import com.clickairtime.balance.verifier.Level;
import com.clickairtime.balance.verifier.scc.BalanceContractBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The base of the tests Spring Cloud Contract generates from the spec (see the pom): the sandbox,
 * at the exact level, its demo keys being the examples' own, as SandboxProviderTest runs it.
 */
@SpringBootTest(classes = SandboxApplication.class)
@AutoConfigureMockMvc
public abstract class SandboxContractBase extends BalanceContractBase {

    @Autowired
    private MockMvc mockMvc;

    @Override
    protected MockMvc mockMvc() {
        return mockMvc;
    }

    @Override
    protected BalanceContractVerifier verifier() {
        return BalanceContractVerifier.forTheSpec().level(Level.EXACT).statesAsDocumented();
    }
}
