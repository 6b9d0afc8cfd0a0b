package com.clickairtime.balance.client;

import com.clickairtime.balance.client.error.BalanceClientException;
import com.clickairtime.balance.client.error.BalanceTransportException;
import com.clickairtime.balance.client.error.ErrorResponses;
import com.clickairtime.balance.client.error.UnexpectedResponseException;
import com.clickairtime.balance.client.generated.api.WalletBalanceApi;
import com.clickairtime.balance.client.generated.invoker.ApiClient;
import com.clickairtime.balance.client.generated.invoker.ApiException;
import com.clickairtime.balance.client.generated.invoker.ApiResponse;
import com.clickairtime.balance.client.generated.model.BalanceSummary;
import com.clickairtime.balance.client.generated.model.BalanceSummaryResponse;
import com.clickairtime.balance.client.generated.model.Meta;
import com.clickairtime.balance.client.generated.model.Wallet;
import com.clickairtime.balance.client.generated.model.WalletResponse;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The Wallet Balance API client. Build one, keep it, and share it between threads: it holds
 * one {@link HttpClient} and no per-call state.
 *
 * <pre>{@code
 * BalanceClient client = BalanceClient.builder().apiKey(System.getenv("CLICKAIRTIME_API_KEY")).build();
 * BalanceSummary balance = client.getBalance();
 * }</pre>
 */
public final class BalanceClient {

    public static final String PRODUCTION_URL = "https://api.clickairtime.com";
    public static final String SANDBOX_URL = "http://localhost:8080";
    public static final String USER_AGENT = "clickairtime-balance-java/" + version();

    private final ApiKey apiKey;
    private final String baseUrl;
    private final RetryPolicy retryPolicy;
    private final WalletBalanceApi api;

    private BalanceClient(Builder builder) {
        this.apiKey = builder.apiKey;
        this.baseUrl = builder.baseUrl;
        this.retryPolicy = builder.retryPolicy;
        ApiClient apiClient = new ApiClient(
                HttpClient.newBuilder().connectTimeout(builder.connectTimeout).followRedirects(HttpClient.Redirect.NEVER),
                WireFormat.mapper(), baseUrl);
        apiClient.setReadTimeout(builder.requestTimeout);
        String authorization = apiKey.authorization();
        apiClient.setRequestInterceptor(request -> request
                .setHeader("Authorization", authorization)
                .setHeader("User-Agent", USER_AGENT));
        this.api = new WalletBalanceApi(apiClient);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The account's total and every wallet. */
    public BalanceSummary getBalance() {
        return getBalanceResult().data();
    }

    /** {@link #getBalance()} with the status, {@code meta.request_id} and rate-limit headers. */
    public ApiResult<BalanceSummary> getBalanceResult() {
        return call(api::getBalanceWithHttpInfo, BalanceSummaryResponse::getData, BalanceSummaryResponse::getMeta);
    }

    /**
     * One wallet of the account.
     *
     * @throws IllegalArgumentException before any request, if the id is null, blank, {@code .} or {@code ..}
     * @throws com.clickairtime.balance.client.error.NotFoundException if it is not one of the account's wallets
     */
    public Wallet getWallet(String walletId) {
        return getWalletResult(walletId).data();
    }

    /** {@link #getWallet(String)} with the status, {@code meta.request_id} and rate-limit headers. */
    public ApiResult<Wallet> getWalletResult(String walletId) {
        String id = checkedWalletId(walletId);
        // The generated call percent-encodes the id as one segment (a/b becomes a%2Fb).
        return call(() -> api.getWalletBalanceWithHttpInfo(id), WalletResponse::getData, WalletResponse::getMeta);
    }

    /** Dot segments are the one thing percent-encoding leaves alone that a URL resolver would still interpret. */
    private static String checkedWalletId(String walletId) {
        if (walletId == null || walletId.isBlank()) {
            throw new IllegalArgumentException("walletId must not be null or blank");
        }
        if (walletId.equals(".") || walletId.equals("..")) {
            throw new IllegalArgumentException("walletId must not be a dot segment");
        }
        return walletId;
    }

    private interface Call<R> {
        ApiResponse<R> run() throws ApiException;
    }

    private <R, T> ApiResult<T> call(Call<R> call, Function<R, T> data, Function<R, Meta> meta) {
        for (int retries = 0; ; retries++) {
            BalanceClientException failure;
            try {
                ApiResponse<R> response = call.run();
                R body = response.getData();
                T result = body == null ? null : data.apply(body);
                if (result == null) {
                    throw new UnexpectedResponseException(response.getStatusCode(), "[no data in the body]", null);
                }
                Meta m = meta.apply(body);
                return new ApiResult<>(response.getStatusCode(), result,
                        m == null ? null : m.getRequestId(), m == null ? null : m.getTimestamp(),
                        RateLimit.from(HttpHeaders.of(response.getHeaders(), (name, value) -> true)).orElse(null));
            } catch (ApiException e) {
                failure = translate(e);
            }
            Optional<Duration> delay = retryPolicy.delayBeforeRetry(retries, failure);
            if (delay.isEmpty()) {
                throw failure;
            }
            sleep(delay.get(), failure);
        }
    }

    private BalanceClientException translate(ApiException e) {
        if (e.getCode() != 0) {
            return ErrorResponses.from(e.getCode(), e.getResponseHeaders(), e.getResponseBody());
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException) {
            return new UnexpectedResponseException(200, "[a success body that is not the documented JSON: "
                    + ((JsonProcessingException) cause).getOriginalMessage() + "]", null);
        }
        if (cause instanceof InterruptedException) {
            return new BalanceTransportException("interrupted while calling " + baseUrl, cause);
        }
        return new BalanceTransportException("no response from " + baseUrl + ": " + cause, cause);
    }

    private void sleep(Duration delay, BalanceClientException failure) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
            throw failure;
        }
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
        return "BalanceClient{baseUrl=" + baseUrl + ", apiKey=" + apiKey.masked() + ", retryPolicy=" + retryPolicy + "}";
    }

    public static final class Builder {

        private ApiKey apiKey;
        private String baseUrl = PRODUCTION_URL;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(15);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();

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
                throw new IllegalArgumentException("baseUrl is not a URL: " + baseUrl, e);
            }
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUrl must be an http(s) URL without query or fragment: " + baseUrl);
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

        public BalanceClient build() {
            if (apiKey == null) {
                throw new IllegalStateException("an API key is required: call apiKey(...)");
            }
            return new BalanceClient(this);
        }
    }
}
