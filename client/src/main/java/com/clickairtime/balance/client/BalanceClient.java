package com.clickairtime.balance.client;

import com.clickairtime.balance.client.error.BalanceClientException;
import com.clickairtime.balance.client.error.BalanceTransportException;
import com.clickairtime.balance.client.error.ErrorResponses;
import com.clickairtime.balance.client.error.UnexpectedResponseException;
import com.clickairtime.balance.client.generated.model.BalanceSummary;
import com.clickairtime.balance.client.generated.model.BalanceSummaryResponse;
import com.clickairtime.balance.client.generated.model.Meta;
import com.clickairtime.balance.client.generated.model.Wallet;
import com.clickairtime.balance.client.generated.model.WalletResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

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

    // Bodies are parsed from their bytes: JSON is UTF-8 (RFC 8259) whatever the platform's charset,
    // and skipping the intermediate String is also the cheaper path.
    private static final ObjectReader BALANCE = WireFormat.mapper().readerFor(BalanceSummaryResponse.class);
    private static final ObjectReader WALLET = WireFormat.mapper().readerFor(WalletResponse.class);

    private final ApiKey apiKey;
    private final String baseUrl;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final HttpClient http;
    /**
     * Every request's headers and timeout, checked once; each call copies it and adds its URL. Copying only
     * reads the template, which nothing changes after construction, so threads can share it.
     */
    private final HttpRequest.Builder requestTemplate;
    /** Immutable, so one request serves every call of the operation without parameters. */
    private final HttpRequest balanceRequest;

    private BalanceClient(Builder builder) {
        this.sleeper = builder.sleeper;
        this.apiKey = builder.apiKey;
        this.baseUrl = builder.baseUrl;
        this.retryPolicy = builder.retryPolicy;
        this.requestTemplate = HttpRequest.newBuilder().GET().timeout(builder.requestTimeout)
                .header("Accept", "application/json")
                .header("Authorization", apiKey.authorization())
                .header("User-Agent", USER_AGENT);
        this.http = HttpClient.newBuilder().connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.balanceRequest = request(Operation.GET_BALANCE.uri(baseUrl, null));
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
        return call(balanceRequest, BALANCE, BalanceSummaryResponse::getData, BalanceSummaryResponse::getMeta);
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
        HttpRequest request = request(Operation.GET_WALLET.uri(baseUrl, checkedWalletId(walletId)));
        return call(request, WALLET, WalletResponse::getData, WalletResponse::getMeta);
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

    private HttpRequest request(URI uri) {
        return requestTemplate.copy().uri(uri).build();
    }

    private <R, T> ApiResult<T> call(HttpRequest request, ObjectReader reader, Function<R, T> data, Function<R, Meta> meta) {
        for (int retries = 0; ; retries++) {
            BalanceClientException failure;
            try {
                return result(http.send(request, HttpResponse.BodyHandlers.ofByteArray()), reader, data, meta);
            } catch (BalanceClientException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new BalanceTransportException("interrupted while calling " + baseUrl, e);
            } catch (IOException e) {
                failure = new BalanceTransportException("no response from " + baseUrl + ": " + e, e);
            }
            Optional<Duration> delay = retryPolicy.delayBeforeRetry(retries, failure);
            if (delay.isEmpty()) {
                throw failure;
            }
            sleep(delay.get(), failure);
        }
    }

    private static <R, T> ApiResult<T> result(HttpResponse<byte[]> response, ObjectReader reader,
                                              Function<R, T> data, Function<R, Meta> meta) {
        int status = response.statusCode();
        HttpHeaders headers = response.headers();
        byte[] body = decompressed(status, headers, response.body());
        if (status / 100 != 2) {
            throw ErrorResponses.from(status, headers, body);
        }
        R parsed;
        try {
            parsed = isBlank(body) ? null : reader.readValue(body);
        } catch (IOException e) {
            String problem = ApiKey.maskIn(e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage());
            throw new UnexpectedResponseException(status, "[a success body that is not the documented JSON: " + problem + "]", null);
        }
        T result = parsed == null ? null : data.apply(parsed);
        if (result == null) {
            throw new UnexpectedResponseException(status, "[no data in the body]", null);
        }
        Meta m = meta.apply(parsed);
        return new ApiResult<>(status, result, m == null ? null : m.getRequestId(), m == null ? null : m.getTimestamp(),
                RateLimit.from(headers).orElse(null));
    }

    /** A server may gzip the body although the client never asks for it; the generated client accepted that too. */
    private static byte[] decompressed(int status, HttpHeaders headers, byte[] body) {
        Optional<String> encoding = headers.firstValue("Content-Encoding");
        if (encoding.isEmpty() || body.length == 0) {
            return body;
        }
        for (String token : encoding.get().split(",")) {
            if ("gzip".equalsIgnoreCase(token.trim())) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new UnexpectedResponseException(status, "[a gzip body that cannot be decompressed: " + e.getMessage() + "]", null);
                }
            }
        }
        return body;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private void sleep(Duration delay, BalanceClientException failure) {
        try {
            sleeper.sleep(delay);
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
