package com.example.wallet;

import com.clickairtime.balance.client.BalanceClient;
import com.clickairtime.balance.client.error.NotFoundException;
import com.clickairtime.balance.client.generated.model.Wallet;

/**
 * The first snippet of docs/sdk.md, compiled outside the SDK's package as a team's code is, so that
 * the imports the guide shows with it (this file's, ReadmeSnippetTest) are the ones it needs.
 */
final class SdkQuickStart {

    private SdkQuickStart() {
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
