package com.example.wallet;

import com.clickairtime.balance.client.BalanceClient;
import com.clickairtime.balance.client.generated.model.BalanceSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.contract.stubrunner.junit.StubRunnerExtension;
import org.springframework.cloud.contract.stubrunner.spring.StubRunnerProperties;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WalletBalanceStubsTest {

    @RegisterExtension
    static StubRunnerExtension stubs = new StubRunnerExtension()
            .downloadStub("com.clickairtime.balance:balance-contract-tests:+:stubs")
            .stubsMode(StubRunnerProperties.StubsMode.LOCAL);

    @Test
    void readsTheBalanceFromTheStubs() {
        BalanceClient client = BalanceClient.builder()
                .apiKey("ce_live_AnyWellFormedKeyWillDo0000000001")   // the stubs accept any well-formed key
                .baseUrl(stubs.findStubUrl("balance-contract-tests").toString())
                .build();

        BalanceSummary balance = client.getBalance();

        assertTrue(balance.getAvailableBalance().getCurrency().matches("[A-Z]{3}"));
        assertNotNull(balance.getAvailableBalance().getAmount());
        assertFalse(balance.getWallets().isEmpty());
    }
}
