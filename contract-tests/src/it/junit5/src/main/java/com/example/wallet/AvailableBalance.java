package com.example.wallet;

import com.clickairtime.balance.client.BalanceClient;
import com.clickairtime.balance.client.generated.model.Money;

/**
 * The consumer's own code, which every real project has beside its tests: without it this project's
 * jar would be empty and Maven would warn, which the post-build check counts against the guide's pom (docs/consumers.md).
 */
public final class AvailableBalance {

    private final BalanceClient client;

    public AvailableBalance(BalanceClient client) {
        this.client = client;
    }

    /** The account's available balance as its users read it, e.g. "USD 1250.50". */
    public String text() {
        Money available = client.getBalance().getAvailableBalance();
        return available.getCurrency() + " " + available.getAmount().toPlainString();
    }
}
