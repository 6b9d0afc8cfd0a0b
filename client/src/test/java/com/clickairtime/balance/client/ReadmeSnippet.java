package com.clickairtime.balance.client;

import com.clickairtime.balance.client.error.ServerErrorException;

import javax.net.ssl.SSLContext;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The SDK guide's snippet of its options, compiled ({@code com.example.wallet.SdkQuickStart} holds its
 * first one); {@link ReadmeSnippetTest} keeps docs/sdk.md's copies identical.
 */
final class ReadmeSnippet {

    private ReadmeSnippet() {
    }

    static void options(Supplier<String> keyFromVault, Authenticator proxyCredentials, SSLContext corporateTrust,
                        Executor executor, String correlationId) {
        // README-options:begin
        try (BalanceClient client = BalanceClient.builder()
                .apiKey(keyFromVault)                          // read for every call: rotate the key freely
                .proxy(ProxySelector.of(new InetSocketAddress("proxy.example.com", 3128)))
                .proxyAuthenticator(proxyCredentials)          // answers the proxy's 407
                .sslContext(corporateTrust)                    // and .sslParameters(...) for protocols, ciphers
                .httpVersion(HttpClient.Version.HTTP_1_1)      // no "Upgrade: h2c" on http://
                .executor(executor)                            // or .httpClient(yours): then the SDK never closes it
                .defaultHeader("X-Correlation-Id", correlationId)
                .userAgentSuffix("billing-service/4.2")
                .retryPolicy(RetryPolicy.builder()                 // also retry a 500:
                        .retryIf(e -> RetryPolicy.isRetryableByDefault(e) || e instanceof ServerErrorException).build())
                .listener(attempt -> System.out.println(attempt))   // every attempt; the key shows masked
                .build()) {
            client.getBalanceAsync()                           // every operation also returns a CompletableFuture
                    .thenAccept(balance -> System.out.println(balance.getAvailableBalance().getAmount()))
                    .join();
        }                                                      // close(): ends the SDK's own HttpClient on JDK 21+
        // README-options:end
    }
}
