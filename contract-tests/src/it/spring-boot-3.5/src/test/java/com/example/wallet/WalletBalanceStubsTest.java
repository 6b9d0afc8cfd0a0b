package com.example.wallet;

import com.clickairtime.balance.client.BalanceClient;
import com.clickairtime.balance.client.generated.model.BalanceSummary;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.contract.stubrunner.spring.AutoConfigureStubRunner;
import org.springframework.cloud.contract.stubrunner.spring.StubRunnerPort;
import org.springframework.cloud.contract.stubrunner.spring.StubRunnerProperties;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@AutoConfigureStubRunner(ids = "com.clickairtime.balance:balance-contract-tests:+:stubs",
        stubsMode = StubRunnerProperties.StubsMode.LOCAL)
class WalletBalanceStubsTest {

    @StubRunnerPort("balance-contract-tests")
    int port;

    @Test
    void readsTheBalanceFromTheStubs() {
        BalanceClient client = BalanceClient.builder()
                .apiKey("ce_live_AnyWellFormedKeyWillDo0000000001")   // the stubs accept any well-formed key
                .baseUrl("http://localhost:" + port)
                .build();

        BalanceSummary balance = client.getBalance();

        assertThat(balance.getAvailableBalance().getCurrency()).matches("[A-Z]{3}");
        assertThat(balance.getAvailableBalance().getAmount()).isNotNull();
        assertThat(balance.getWallets()).isNotEmpty();
    }
}
