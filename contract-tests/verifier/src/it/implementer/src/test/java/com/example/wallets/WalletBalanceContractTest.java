package com.example.wallets;

import com.clickairtime.balance.verifier.BalanceContractVerifier;
import com.clickairtime.balance.verifier.Level;
import com.clickairtime.balance.verifier.StateSetup;
import com.clickairtime.balance.verifier.wire.MockMvcTarget;
import com.clickairtime.balance.verifier.wire.UrlTarget;
import com.example.wallets.Accounts.KeyStatus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;
import java.util.stream.Stream;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class WalletBalanceContractTest {

    @Autowired
    MockMvc mockMvc;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    /** Through Spring MVC, without a socket: fast, and the server's own stack traces. */
    @TestFactory
    Stream<DynamicTest> inProcess() {
        return ourCases(accounts).target(new MockMvcTarget(mockMvc)).dynamicTests();
    }

    /** Over HTTP to the running server: what the servlet container adds or changes on the wire. */
    @TestFactory
    Stream<DynamicTest> byUrl() {
        return ourCases(accounts).target(UrlTarget.of("http://127.0.0.1:" + port)).dynamicTests();
    }

    /** Our spec copy, our level and our provider states, without a target: WalletContractBase takes them too. */
    static BalanceContractVerifier ourCases(Accounts accounts) {
        // The wallets the examples show, mapped to wallets of our own data; any other id is sent as documented.
        Map<String, String> ourWallets = Map.of("wal_ghs_001", accounts.kesWalletId(), "wal_global_001", accounts.usdWalletId());
        // The spec we implemented, copied from the kit's release: a later release's new cases wait until we copy its spec.
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
                // Every call comes from 127.0.0.1: MockMvc's default remote address, or the loopback socket.
                .state("key restricted to another address", context -> StateSetup.apiKey(
                        accounts.issueKey(Accounts.OURS, KeyStatus.ACTIVE, "203.0.113.7", "wallets.read")));
    }
}
