package com.example.wallets;

import com.clickairtime.balance.verifier.BalanceContractVerifier;
import com.clickairtime.balance.verifier.Level;
import com.clickairtime.balance.verifier.StateSetup;
import com.clickairtime.balance.verifier.scc.BalanceContractBase;
import com.example.wallets.Accounts.KeyStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;

/** The base of the tests Spring Cloud Contract generates from our copy of the spec: the same states as our verifier test. */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class WalletContractBase extends BalanceContractBase {

    @Autowired
    MockMvc mockMvc;

    @Autowired
    Accounts accounts;

    @Override
    protected MockMvc mockMvc() {
        return mockMvc;
    }

    @Override
    protected BalanceContractVerifier verifier() {
        Map<String, String> ourWallets = Map.of("wal_ghs_001", accounts.kesWalletId(), "wal_global_001", accounts.usdWalletId());
        return BalanceContractVerifier.forSpecResource("balance.yaml")
                .level(Level.CONFORMANCE)
                .state("account with documented wallets", context -> {
                    StateSetup setup = StateSetup.apiKey(accounts.issueKey(KeyStatus.ACTIVE, "wallets.read"));
                    String documented = context.documentedParameters().get("wallet_id");
                    return documented == null ? setup
                            : setup.withParameter("wallet_id", ourWallets.getOrDefault(documented, documented));
                })
                .state("wallet of another account", context -> StateSetup.apiKey(accounts.issueKey(KeyStatus.ACTIVE, "wallets.read"))
                        .withParameter("wallet_id", accounts.otherAccountWalletId()))
                .state("expired key", context -> StateSetup.apiKey(accounts.issueKey(KeyStatus.EXPIRED, "wallets.read")))
                .state("revoked key", context -> StateSetup.apiKey(accounts.issueKey(KeyStatus.REVOKED, "wallets.read")))
                .state("key without wallets.read", context -> StateSetup.apiKey(accounts.issueKey(KeyStatus.ACTIVE, "airtime.read")))
                .state("key restricted to another address", context -> StateSetup.apiKey(
                        accounts.issueKey(Accounts.OURS, KeyStatus.ACTIVE, "203.0.113.7", "wallets.read")));
    }
}
