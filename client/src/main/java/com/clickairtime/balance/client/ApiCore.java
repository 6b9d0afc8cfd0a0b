package com.clickairtime.balance.client;

import com.clickairtime.balance.client.error.BalanceApiException;
import com.clickairtime.balance.client.error.BalanceClientException;
import com.clickairtime.balance.client.error.BalanceTransportException;
import com.clickairtime.balance.client.error.ErrorResponses;
import com.clickairtime.balance.client.generated.model.Meta;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * What every operation does the same way, sync or async: build the request, send it, read the body from its
 * UTF-8 bytes, turn an error into its typed exception, tell the listener, retry. Generated operations only say
 * which route and which envelope.
 */
final class ApiCore {

    final String baseUrl;
    final RetryPolicy retryPolicy;
    /** Null when the key is supplied per request. */
    final ApiKey apiKey;
    private final Supplier<String> keySupplier;
    private final Sleeper sleeper;
    final HttpClient http;
    final boolean ownsHttp;
    private final CallListener listener;
    /** Null unless the caller gave proxy credentials; see {@link BalanceClient.Builder#proxyAuthenticator}. */
    private final Authenticator proxyAuthenticator;
    private final ProxySelector proxySelector;
    final SdkThreads.Mode asyncMode;
    /** Runs each async call's blocking attempts; null where they go through {@code sendAsync}. */
    private final Executor attempts;
    /** Runs an async call's next attempt once its wait is over. */
    private final Executor retries;
    /** The pools this client started, ended by {@link #close()}. */
    private final List<ExecutorService> ownPools = new ArrayList<>();
    /**
     * Every request's headers and timeout, checked once; each call copies it and adds its URL. Copying only
     * reads the template, which nothing changes after construction, so threads can share it.
     */
    private final HttpRequest.Builder requestTemplate;
    /**
     * The template's headers masked, for the listener's {@link Attempt}s of calls that send those alone (a fixed key,
     * no header parameter, no proxy credentials): masked once per client, not once per attempt. Set on first use.
     */
    private volatile Map<String, List<String>> maskedTemplateHeaders;
    private volatile boolean closed;

    ApiCore(BalanceClient.Builder settings, String userAgent) {
        this.baseUrl = settings.baseUrl;
        this.retryPolicy = settings.retryPolicy;
        this.apiKey = settings.apiKey;
        this.keySupplier = settings.keySupplier;
        this.sleeper = settings.sleeper;
        this.listener = settings.listener;
        this.proxyAuthenticator = settings.proxyAuthenticator;
        // As the JDK's client does without one: the JVM's default selector (http.proxyHost and the like).
        ProxySelector selector = settings.proxy != null ? settings.proxy : ProxySelector.getDefault();
        this.proxySelector = selector != null ? selector : ProxySelector.of(null);
        HttpRequest.Builder template = HttpRequest.newBuilder().timeout(settings.requestTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", userAgent);
        settings.defaultHeaders.forEach(template::header);
        if (apiKey != null) {
            template.header("Authorization", apiKey.authorization());
        }
        this.requestTemplate = template;
        this.ownsHttp = settings.httpClient == null;
        ExecutorService httpThreads = null;
        if (ownsHttp && settings.executor == null) {
            httpThreads = SdkThreads.eventPool("balance-client-http", SdkThreads.HTTP_THREADS);
            ownPools.add(httpThreads);
        }
        this.http = ownsHttp ? settings.newHttpClient(httpThreads) : settings.httpClient;
        // A caller's executor is theirs to size: calls go through sendAsync on it, as the JDK runs them.
        this.asyncMode = settings.executor != null ? SdkThreads.Mode.JDK_ASYNC : SdkThreads.mode();
        switch (asyncMode) {
            case VIRTUAL_THREADS:
                this.attempts = own(SdkThreads.virtualThreadPerTask());
                break;
            case BOUNDED_BLOCKING:
                this.attempts = own(SdkThreads.pool("balance-client-call", SdkThreads.CALL_THREADS));
                break;
            default:
                this.attempts = null;
        }
        Executor executor = settings.executor != null ? settings.executor : http.executor().orElse(null);
        this.retries = attempts != null ? attempts : executor != null ? executor : ForkJoinPool.commonPool();
    }

    private ExecutorService own(ExecutorService pool) {
        ownPools.add(pool);
        return pool;
    }

    HttpRequest request(Route.Call call) {
        HttpRequest.Builder builder = requestTemplate.copy().uri(call.uri(baseUrl)).method(call.route().method,
                HttpRequest.BodyPublishers.noBody());
        if (apiKey == null) {
            builder.header("Authorization", suppliedKey().authorization());
        }
        List<String> headers = call.headers();
        for (int i = 0; i < headers.size(); i += 2) {
            builder.header(headers.get(i), headers.get(i + 1));
        }
        if (proxyAuthenticator != null) {
            proxyAuthorization(builder.build().uri()).ifPresent(value -> builder.header("Proxy-Authorization", value));
        }
        return builder.build();
    }

    /**
     * Basic credentials for the HTTP proxy the selector picks for this URI, from the caller's authenticator. The JDK
     * sends this header to the proxy only: on the CONNECT of a tunnel (if Basic is not disabled for tunnels), or
     * with each request to a plain http:// target, and never through a tunnel to the API.
     */
    private Optional<String> proxyAuthorization(URI uri) {
        for (Proxy proxy : proxySelector.select(uri)) {
            if (proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress) {
                InetSocketAddress address = (InetSocketAddress) proxy.address();
                PasswordAuthentication credentials;
                try {
                    credentials = proxyAuthenticator.requestPasswordAuthenticationInstance(address.getHostString(),
                            address.getAddress(), address.getPort(), uri.getScheme(), "proxy", "Basic", uri.toURL(),
                            Authenticator.RequestorType.PROXY);
                } catch (MalformedURLException | RuntimeException e) {
                    throw new IllegalStateException("the proxy authenticator failed: " + e.getClass().getName(), e);
                }
                if (credentials == null) {
                    return Optional.empty();
                }
                // ISO-8859-1, as the JDK's own Basic authentication encodes them.
                byte[] pair = (credentials.getUserName() + ":" + new String(credentials.getPassword()))
                        .getBytes(StandardCharsets.ISO_8859_1);
                return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair));
            }
        }
        return Optional.empty();
    }

    /** Whether {@link #request} sends the template's headers and no other. */
    private boolean sendsTemplateHeaders(Route.Call call) {
        return apiKey != null && proxyAuthenticator == null && call.headers().isEmpty();
    }

    /** Read for every request, so a rotated key is used at once; checked like a key given to the builder. */
    private ApiKey suppliedKey() {
        String key;
        try {
            key = keySupplier.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the API key supplier failed: " + e.getClass().getName(), e);
        }
        try {
            return ApiKey.of(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the API key supplier returned no valid key: " + e.getMessage());
        }
    }

    <R, T> ApiResult<T> send(Route.Call call, ObjectReader reader, Function<R, T> data, Function<R, Meta> meta) {
        checkOpen();
        Exchange<R, T> exchange = new Exchange<>(call.route(), request(call), sendsTemplateHeaders(call), reader, data, meta, null);
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            Outcome<T> outcome = exchange.sendBlocking();
            Optional<Duration> delay = outcome.failure == null ? Optional.empty()
                    : retryPolicy.delayBeforeRetry(attempt - 1, outcome.failure);
            if (listener != null) {
                tell(exchange, outcome, attempt, started, delay.isPresent());
            }
            if (outcome.failure == null) {
                return outcome.result;
            }
            if (delay.isEmpty()) {
                throw outcome.failure;
            }
            sleep(delay.get(), outcome.failure);
        }
    }

    /**
     * {@link #send} without blocking the caller: the waits between retries are scheduled, not slept, and each attempt
     * runs as {@link SdkThreads} says. The future fails with the same exception {@link #send} throws, not wrapped.
     * Bad arguments still throw at once, before any request.
     */
    <R, T> CompletableFuture<ApiResult<T>> sendAsync(Route.Call call, ObjectReader reader, Function<R, T> data,
                                                     Function<R, Meta> meta) {
        checkOpen();
        Exchange<R, T> exchange = new Exchange<>(call.route(), request(call), sendsTemplateHeaders(call), reader, data, meta,
                new CompletableFuture<>());
        if (attempts == null) {
            attemptAsync(exchange, 1);
        } else {
            try {
                attempts.execute(() -> attemptBlocking(exchange, 1));
            } catch (RejectedExecutionException closed) {
                throw new IllegalStateException("this BalanceClient is closed");
            }
        }
        return exchange.done;
    }

    /** One attempt on an SDK thread that may block: a virtual thread, or one of the client's few. */
    private <R, T> void attemptBlocking(Exchange<R, T> exchange, int attempt) {
        if (exchange.done.isDone()) {
            return; // cancelled by the caller: no further attempt
        }
        long started = System.nanoTime();
        Outcome<T> outcome;
        try {
            outcome = exchange.sendBlocking();
        } catch (RuntimeException e) {
            exchange.done.completeExceptionally(e);
            return;
        }
        conclude(exchange, outcome, attempt, started, () -> attemptBlocking(exchange, attempt + 1));
    }

    private <R, T> void attemptAsync(Exchange<R, T> exchange, int attempt) {
        if (exchange.done.isDone()) {
            return; // cancelled by the caller: no further attempt
        }
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> sent;
        try {
            sent = http.sendAsync(exchange.request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (RuntimeException e) {
            exchange.done.completeExceptionally(e);
            return;
        }
        sent.whenComplete((response, error) -> {
            Outcome<T> outcome;
            try {
                if (error != null) {
                    Throwable cause = unwrap(error);
                    if (!(cause instanceof IOException)) {
                        exchange.done.completeExceptionally(cause);
                        return;
                    }
                    outcome = Outcome.failed(null, transportFailure((IOException) cause));
                } else {
                    outcome = exchange.read(response);
                }
            } catch (RuntimeException e) {
                exchange.done.completeExceptionally(e);
                return;
            }
            conclude(exchange, outcome, attempt, started, () -> attemptAsync(exchange, attempt + 1));
        });
    }

    /** Tells the listener, then completes the call or schedules its next attempt. */
    private <R, T> void conclude(Exchange<R, T> exchange, Outcome<T> outcome, int attempt, long started, Runnable next) {
        Optional<Duration> delay = outcome.failure == null ? Optional.empty()
                : retryPolicy.delayBeforeRetry(attempt - 1, outcome.failure);
        if (listener != null) {
            tell(exchange, outcome, attempt, started, delay.isPresent());
        }
        if (outcome.failure == null) {
            exchange.done.complete(outcome.result);
        } else if (delay.isEmpty()) {
            exchange.done.completeExceptionally(outcome.failure);
        } else {
            // A client closed during the wait ends the call with its last failure rather than leave it pending.
            Executor afterWait = task -> {
                try {
                    retries.execute(task);
                } catch (RejectedExecutionException closed) {
                    exchange.done.completeExceptionally(outcome.failure);
                }
            };
            CompletableFuture.delayedExecutor(delay.get().toMillis(), TimeUnit.MILLISECONDS, afterWait).execute(next);
        }
    }

    /** The future's value mapped, its failure passed on as it is rather than wrapped in a CompletionException. */
    static <A, B> CompletableFuture<B> map(CompletableFuture<A> future, Function<A, B> mapping) {
        CompletableFuture<B> mapped = new CompletableFuture<>();
        future.whenComplete((value, error) -> {
            if (error != null) {
                mapped.completeExceptionally(unwrap(error));
            } else {
                mapped.complete(mapping.apply(value));
            }
        });
        return mapped;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private BalanceTransportException transportFailure(IOException e) {
        return new BalanceTransportException(ApiKey.maskIn("no response from " + baseUrl + ": " + e), e);
    }

    private void tell(Exchange<?, ?> exchange, Outcome<?> outcome, int attempt, long started, boolean willRetry) {
        try {
            BalanceClientException failure = outcome.failure;
            HttpResponse<byte[]> response = outcome.response;
            ApiResult<?> result = outcome.result;
            int status = response != null ? response.statusCode()
                    : failure instanceof BalanceApiException ? ((BalanceApiException) failure).status() : 0;
            RateLimit rateLimit = result != null ? result.rateLimit().orElse(null)
                    : failure instanceof BalanceApiException ? ((BalanceApiException) failure).rateLimit().orElse(null) : null;
            String requestId = result != null ? result.requestId() : Attempt.requestIdOf(failure);
            Route route = exchange.route;
            listener.onAttempt(new Attempt(route.operationId, route.method, route.template, exchange.request.uri().toString(),
                    attempt, Duration.ofNanos(System.nanoTime() - started), status, requestId, rateLimit, failure, willRetry,
                    maskedRequestHeaders(exchange), response == null ? null : response.headers()));
        } catch (RuntimeException ignored) {
            // A listener's failure must not change the call's outcome.
        }
    }

    private Map<String, List<String>> maskedRequestHeaders(Exchange<?, ?> exchange) {
        if (!exchange.templateHeaders) {
            return Attempt.masked(exchange.request.headers());
        }
        Map<String, List<String>> masked = maskedTemplateHeaders;
        if (masked == null) {
            // Threads racing here compute equal maps; whichever is kept does.
            masked = Attempt.masked(exchange.request.headers());
            maskedTemplateHeaders = masked;
        }
        return masked;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this BalanceClient is closed");
        }
    }

    /** Closes the HttpClient the SDK built, where the JDK can (21 and later); a caller's own client is left alone. */
    void close() {
        closed = true;
        try {
            if (ownsHttp && http instanceof AutoCloseable) {
                ((AutoCloseable) http).close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("closing the HTTP client failed", e);
        } finally {
            // Calls already queued still run; the threads end once they are done.
            ownPools.forEach(ExecutorService::shutdown);
        }
    }

    /** One call: its route and request, how to read its body, and, for an async call, its future. */
    private final class Exchange<R, T> {

        final Route route;
        final HttpRequest request;
        /** The request has the client's template headers and no other; see {@link #maskedTemplateHeaders}. */
        final boolean templateHeaders;
        private final ObjectReader reader;
        private final Function<R, T> data;
        private final Function<R, Meta> meta;
        final CompletableFuture<ApiResult<T>> done;

        Exchange(Route route, HttpRequest request, boolean templateHeaders, ObjectReader reader, Function<R, T> data,
                 Function<R, Meta> meta, CompletableFuture<ApiResult<T>> done) {
            this.route = route;
            this.request = request;
            this.templateHeaders = templateHeaders;
            this.reader = reader;
            this.data = data;
            this.meta = meta;
            this.done = done;
        }

        /** One attempt on this thread, which waits for the response. */
        Outcome<T> sendBlocking() {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.failed(null, new BalanceTransportException("interrupted while calling " + ApiKey.maskIn(baseUrl), e));
            } catch (IOException e) {
                return Outcome.failed(null, transportFailure(e));
            }
            return read(response);
        }

        Outcome<T> read(HttpResponse<byte[]> response) {
            try {
                return new Outcome<>(response, result(response, reader, data, meta), null);
            } catch (BalanceClientException e) {
                return Outcome.failed(response, e);
            }
        }
    }

    /** What one attempt ended with: a result or a failure, and the response when one came. */
    private static final class Outcome<T> {

        final HttpResponse<byte[]> response;
        final ApiResult<T> result;
        final BalanceClientException failure;

        Outcome(HttpResponse<byte[]> response, ApiResult<T> result, BalanceClientException failure) {
            this.response = response;
            this.result = result;
            this.failure = failure;
        }

        static <T> Outcome<T> failed(HttpResponse<byte[]> response, BalanceClientException failure) {
            return new Outcome<>(response, null, failure);
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
            throw ErrorResponses.unexpected(status, headers, "[a success body that is not the documented JSON: " + problem + "]");
        }
        T result = parsed == null ? null : data.apply(parsed);
        if (result == null) {
            throw ErrorResponses.unexpected(status, headers, "[no data in the body]");
        }
        Meta m = meta.apply(parsed);
        return new ApiResult<>(status, result, m == null ? null : m.getRequestId(), m == null ? null : m.getTimestamp(),
                RateLimit.from(headers).orElse(null));
    }

    /** A server may gzip the body although the client never asks for it; the generated client accepted that too. */
    private static byte[] decompressed(int status, HttpHeaders headers, byte[] body) {
        // The map itself, not firstValue, which builds a stream: this runs on every response.
        List<String> encoding = headers.map().get("Content-Encoding");
        if (encoding == null || encoding.isEmpty() || body.length == 0) {
            return body;
        }
        for (String token : encoding.get(0).split(",")) {
            if ("gzip".equalsIgnoreCase(token.trim())) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw ErrorResponses.unexpected(status, headers, "[a gzip body that cannot be decompressed: " + e.getMessage() + "]");
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
}
