package com.clickairtime.balance.contract;

import com.clickairtime.balance.sandbox.SandboxApplication;
import com.clickairtime.balance.verifier.BalanceContractVerifier;
import com.clickairtime.balance.verifier.Level;
import com.clickairtime.balance.verifier.wire.MockMvcTarget;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import java.util.stream.Stream;

/**
 * The sandbox is the verifier's first provider: every documented case, through its whole MVC
 * configuration and filters, at the exact level, its demo keys being the examples' own.
 * ContractCountGuard then checks from the surefire report that every case passed.
 */
@SpringBootTest(classes = SandboxApplication.class)
@AutoConfigureMockMvc
class SandboxProviderTest {

    @Autowired
    private MockMvc mockMvc;

    @TestFactory
    Stream<DynamicTest> theSandboxKeepsEveryDocumentedCase() {
        return BalanceContractVerifier.forTheSpec()
                .target(new MockMvcTarget(mockMvc))
                .level(Level.EXACT)
                .statesAsDocumented()
                .dynamicTests();
    }
}
