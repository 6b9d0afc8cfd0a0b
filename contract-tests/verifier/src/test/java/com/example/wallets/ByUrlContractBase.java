package com.example.wallets;

import com.clickairtime.balance.verifier.BalanceContractVerifier;
import com.clickairtime.balance.verifier.Level;
import com.clickairtime.balance.verifier.scc.BalanceContractBase;

/** The base of the tests Spring Cloud Contract generates (EXPLICIT) for a server at BALANCE_BASE_URL: here, the kit's sandbox. */
public abstract class ByUrlContractBase extends BalanceContractBase {

    @Override
    protected String baseUrl() {
        String url = System.getenv("BALANCE_BASE_URL");
        if (url == null) {
            throw new IllegalStateException("set BALANCE_BASE_URL to the server under test, e.g. http://127.0.0.1:8080");
        }
        return url;
    }

    @Override
    protected BalanceContractVerifier verifier() {
        return BalanceContractVerifier.forSpecResource("balance.yaml").level(Level.EXACT).statesAsDocumented();
    }
}
