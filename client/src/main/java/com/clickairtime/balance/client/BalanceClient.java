package com.clickairtime.balance.client;

import com.clickairtime.balance.client.generated.model.Wallet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * The Wallet Balance API client. Build one, keep it, and share it between threads: it holds
 * one {@link HttpClient} and no per-call state. Its operations, one method per operation of the spec,
 * are generated into {@link BalanceOperations}.
 *
 * <pre>{@code
 * BalanceClient client = BalanceClient.builder().apiKey(System.getenv("CLICKAIRTIME_API_KEY")).build();
 * BalanceSummary balance = client.getBalance();
 * }</pre>
 */
public final class BalanceClient extends BalanceOperations {

    public static final String PRODUCTION_URL = "https://api.clickairtime.com";
    public static final String SANDBOX_URL = "http://localhost:8080";
    public static final String USER_AGENT = "clickairtime-balance-java/" + version();

    private BalanceClient(Builder builder) {
        super(new ApiCore(builder.apiKey, builder.baseUrl, builder.retryPolicy, builder.sleeper, builder.connectTimeout,
                builder.requestTimeout, USER_AGENT));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The name this SDK gave {@code getWalletBalance} before its operations were generated.
     *
     * @deprecated use {@link #getWalletBalance(String)}, the spec's operation id
     */
    @Deprecated
    public Wallet getWallet(String walletId) {
        return getWalletBalance(walletId);
    }

    /**
     * @deprecated use {@link #getWalletBalanceResult(String)}, the spec's operation id
     */
    @Deprecated
    public ApiResult<Wallet> getWalletResult(String walletId) {
        return getWalletBalanceResult(walletId);
    }

    private static String version() {
        try (InputStream in = BalanceClient.class.getResourceAsStream("client.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "BalanceClient{baseUrl=" + core.baseUrl + ", apiKey=" + core.apiKey.masked() + ", retryPolicy=" + core.retryPolicy + "}";
    }

    public static final class Builder {

        private ApiKey apiKey;
        private String baseUrl = PRODUCTION_URL;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(15);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.REAL;

        private Builder() {
        }

        /** Required: {@code ce_live_} + 32 letters or digits. */
        public Builder apiKey(String apiKey) {
            this.apiKey = ApiKey.of(apiKey);
            return this;
        }

        /** Defaults to {@link #PRODUCTION_URL}; {@link #SANDBOX_URL} is the local sandbox. */
        public Builder baseUrl(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            URI uri;
            try {
                uri = URI.create(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseUrl is not a URL: " + ApiKey.maskIn(baseUrl), e);
            }
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUrl must be an http(s) URL without query or fragment: "
                        + ApiKey.maskIn(baseUrl));
            }
            this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            return this;
        }

        /** How long to wait for a connection; default 5 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = RetryPolicy.requirePositive(connectTimeout, "connectTimeout");
            return this;
        }

        /** How long to wait for each response; default 15 s. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = RetryPolicy.requirePositive(requestTimeout, "requestTimeout");
            return this;
        }

        /** Defaults to {@link RetryPolicy#defaults()}; {@link RetryPolicy#none()} turns retries off. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** For tests: waits between retries without the wall clock. */
        Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public BalanceClient build() {
            if (apiKey == null) {
                throw new IllegalStateException("an API key is required: call apiKey(...)");
            }
            return new BalanceClient(this);
        }
    }
}
