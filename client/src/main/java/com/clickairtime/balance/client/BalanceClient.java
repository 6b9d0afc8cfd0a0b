package com.clickairtime.balance.client;

import com.clickairtime.balance.client.generated.model.Wallet;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The Wallet Balance API client. Build one, keep it, and share it between threads: it holds
 * one {@link HttpClient} and no per-call state. Its operations, one method per operation of the spec
 * (and an {@code ...Async} twin of each), are generated into {@link BalanceOperations}.
 *
 * <pre>{@code
 * BalanceClient client = BalanceClient.builder().apiKey(System.getenv("CLICKAIRTIME_API_KEY")).build();
 * BalanceSummary balance = client.getBalance();
 * }</pre>
 *
 * <p>{@link #close()} closes the {@link HttpClient} the SDK built, on JDK 21 and later where it can be closed;
 * one given to {@link Builder#httpClient(HttpClient)} is the caller's and is never closed.
 */
public final class BalanceClient extends BalanceOperations implements AutoCloseable {

    public static final String PRODUCTION_URL = "https://api.clickairtime.com";
    public static final String SANDBOX_URL = "http://localhost:8080";
    public static final String USER_AGENT = "clickairtime-balance-java/" + version();

    private BalanceClient(Builder builder) {
        super(new ApiCore(builder, builder.userAgentSuffix == null ? USER_AGENT : USER_AGENT + " " + builder.userAgentSuffix));
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

    /**
     * Refuses further calls and closes the SDK's own {@link HttpClient} where the JDK allows (21+); harmless on
     * 11 to 20. A caller's own client is left open.
     */
    @Override
    public void close() {
        core.close();
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
        return "BalanceClient{baseUrl=" + ApiKey.maskIn(core.baseUrl) + ", apiKey=" + (core.apiKey == null ? "(supplied per request)" : core.apiKey.masked())
                + ", retryPolicy=" + core.retryPolicy + "}";
    }

    public static final class Builder {

        /** Headers the SDK sets itself: a default header cannot replace them. */
        private static final Set<String> OWN_HEADERS = Set.of("authorization", "user-agent", "accept");

        ApiKey apiKey;
        Supplier<String> keySupplier;
        String baseUrl = PRODUCTION_URL;
        private Duration connectTimeout = Duration.ofSeconds(5);
        Duration requestTimeout = Duration.ofSeconds(15);
        RetryPolicy retryPolicy = RetryPolicy.defaults();
        Sleeper sleeper = Sleeper.REAL;
        CallListener listener;
        final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        String userAgentSuffix;
        Executor executor;
        HttpClient httpClient;
        ProxySelector proxy;
        Authenticator proxyAuthenticator;
        private SSLContext sslContext;
        private SSLParameters sslParameters;
        private HttpClient.Version httpVersion;
        /** The options that configure the SDK's own HttpClient, for the error when a caller's client is given too. */
        private final List<String> transportOptions = new ArrayList<>();

        private Builder() {
        }

        /** Required, or {@link #apiKey(Supplier)}: a key in the spec's format, see {@link ApiKey#of(String)}. */
        public Builder apiKey(String apiKey) {
            this.apiKey = ApiKey.of(apiKey);
            this.keySupplier = null;
            return this;
        }

        /**
         * For key rotation: the key is read from the supplier for every call and checked like {@link #apiKey(String)};
         * a call whose supplied key is not valid fails with {@link IllegalStateException} before any request, and
         * the message never repeats it.
         */
        public Builder apiKey(Supplier<String> keySupplier) {
            this.keySupplier = Objects.requireNonNull(keySupplier, "keySupplier");
            this.apiKey = null;
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
            transportOptions.add("connectTimeout");
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

        /** Told about every attempt of every call; see {@link CallListener}. */
        public Builder listener(CallListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * A header sent with every request, e.g. a correlation id. {@code Authorization}, {@code User-Agent} and
         * {@code Accept} are the SDK's own (see {@link #userAgentSuffix(String)}).
         */
        public Builder defaultHeader(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(name + " is set by the SDK and cannot be a default header");
            }
            try {
                HttpRequest.newBuilder().header(name, value); // the JDK's own rules: restricted names, CR/LF
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a header the JDK sends: " + ApiKey.maskIn(name) + ": " + ApiKey.maskIn(e.getMessage()));
            }
            defaultHeaders.put(name, value);
            return this;
        }

        /** Appended to the SDK's User-Agent after a space, e.g. {@code my-app/1.4}. */
        public Builder userAgentSuffix(String suffix) {
            Objects.requireNonNull(suffix, "suffix");
            if (suffix.isBlank() || !suffix.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("a User-Agent suffix is printable ASCII and not blank");
            }
            this.userAgentSuffix = suffix.strip();
            return this;
        }

        /** Where requests go through: {@code ProxySelector.of(new InetSocketAddress(host, port))}. Default: none. */
        public Builder proxy(ProxySelector proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            transportOptions.add("proxy");
            return this;
        }

        /**
         * The proxy's credentials, asked for every request ({@link Authenticator.RequestorType#PROXY}) and sent to the
         * proxy as {@code Proxy-Authorization: Basic}, the one scheme the JDK's client speaks; never to the API.
         * The SDK sends them itself rather than through {@code HttpClient}'s authenticator: with one set, JDKs before
         * 24 (JDK-8326949) drop the request's own {@code Authorization} header, the API key. For an https:// API the
         * JDK strips Basic from the tunnel's CONNECT unless the JVM runs with
         * {@code -Djdk.http.auth.tunneling.disabledSchemes=""}: without it the call fails with the proxy's 407.
         */
        public Builder proxyAuthenticator(Authenticator authenticator) {
            this.proxyAuthenticator = Objects.requireNonNull(authenticator, "authenticator");
            transportOptions.add("proxyAuthenticator");
            return this;
        }

        /** The TLS context, e.g. with a corporate trust store. Default: the JVM's. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            transportOptions.add("sslContext");
            return this;
        }

        /** TLS protocols, cipher suites and the like. */
        public Builder sslParameters(SSLParameters sslParameters) {
            this.sslParameters = Objects.requireNonNull(sslParameters, "sslParameters");
            transportOptions.add("sslParameters");
            return this;
        }

        /**
         * Runs the HTTP client's work, the async calls' completions and their retries; you size it. Default: 4
         * threads of the SDK's own for the HTTP client, and each async call on a virtual thread where the JVM has
         * them (21+); before 21, through the JDK's {@code sendAsync} where the common pool is bounded, or else (two
         * cores or fewer) on 12 threads of the client's own, 12 calls on the wire at once and the others queued.
         * A thousand calls in flight then start at most 18 platform threads for the client, and the JVM's shared
         * pools (common pool, virtual threads' carriers) at most one more per core; see {@code SdkThreads} for why.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            transportOptions.add("executor");
            return this;
        }

        /**
         * {@link HttpClient.Version#HTTP_1_1} stops the {@code Upgrade: h2c} the JDK sends on {@code http://}
         * by default. Default: the JDK's (HTTP/2, falling back to 1.1).
         */
        public Builder httpVersion(HttpClient.Version version) {
            this.httpVersion = Objects.requireNonNull(version, "version");
            transportOptions.add("httpVersion");
            return this;
        }

        /**
         * The caller's own client, instead of one the SDK builds: it is used as it is configured (proxy, TLS,
         * redirects...) and never closed by the SDK. Cannot be combined with the options that build one.
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** For tests: waits between retries without the wall clock. */
        Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** @param sdkThreads the executor when the caller gave none, so that the JDK does not start its own */
        HttpClient newHttpClient(Executor sdkThreads) {
            HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (proxy != null) {
                http.proxy(proxy);
            }
            if (sslContext != null) {
                http.sslContext(sslContext);
            }
            if (sslParameters != null) {
                http.sslParameters(sslParameters);
            }
            if (executor != null || sdkThreads != null) {
                http.executor(executor != null ? executor : sdkThreads);
            }
            if (httpVersion != null) {
                http.version(httpVersion);
            }
            return http.build();
        }

        public BalanceClient build() {
            if (apiKey == null && keySupplier == null) {
                throw new IllegalStateException("an API key is required: call apiKey(...)");
            }
            if (httpClient != null && !transportOptions.isEmpty()) {
                throw new IllegalStateException("httpClient(...) is the caller's own, configured client; configure "
                        + String.join(", ", new java.util.TreeSet<>(transportOptions)) + " on it instead");
            }
            return new BalanceClient(this);
        }
    }
}
