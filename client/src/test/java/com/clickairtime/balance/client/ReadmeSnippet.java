package com.clickairtime.balance.client;

import com.clickairtime.balance.client.error.NotFoundException;
import com.clickairtime.balance.client.generated.model.Wallet;

/** The README's usage snippet, compiled; {@link ReadmeSnippetTest} keeps the README's copy identical. */
final class ReadmeSnippet {

    private ReadmeSnippet() {
    }

    static void run() {
        // README:begin
        BalanceClient client = BalanceClient.builder()
                .apiKey(System.getenv("CLICKAIRTIME_API_KEY"))    // ce_live_ + 32 letters or digits
                .baseUrl(BalanceClient.SANDBOX_URL)               // leave out for production
                .build();                                         // thread-safe: build once, share it
        System.out.println(client.getBalance().getAvailableBalance().getAmount());   // 1250.50
        try {
            Wallet wallet = client.getWalletBalance("wal_ghs_001");
            System.out.println(wallet.getCurrency() + " " + wallet.getBalance());    // GHS 3090.00
        } catch (NotFoundException e) {                                             // 404 WALLET_NOT_FOUND
            System.out.println(e.code() + ", request " + e.requestId().orElse("?"));
        }
        // README:end
    }
}
