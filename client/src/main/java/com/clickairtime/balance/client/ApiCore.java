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
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
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
    private final Executor delays;
    /**
     * Every request's headers and timeout, checked once; each call copies it and adds its URL. Copying only
     * reads the template, which nothing changes after construction, so threads can share it.
     */
    private final HttpRequest.Builder requestTemplate;
    private volatile boolean closed;

    ApiCore(BalanceClient.Builder settings, String userAgent) {
        this.baseUrl = settings.baseUrl;
        this.retryPolicy = settings.retryPolicy;
        this.apiKey = settings.apiKey;
        this.keySupplier = settings.keySupplier;
        this.sleeper = settings.sleeper;
        this.listener = settings.listener;
        HttpRequest.Builder template = HttpRequest.newBuilder().timeout(settings.requestTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", userAgent);
        settings.defaultHeaders.forEach(template::header);
        if (apiKey != null) {
            template.header("Authorization", apiKey.authorization());
        }
        this.requestTemplate = template;
        this.ownsHttp = settings.httpClient == null;
        this.http = ownsHttp ? settings.newHttpClient() : settings.httpClient;
        Executor executor = settings.executor != null ? settings.executor : http.executor().orElse(null);
        this.delays = executor != null ? executor : ForkJoinPool.commonPool();
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
        return builder.build();
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
        HttpRequest request = request(call);
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            HttpResponse<byte[]> response = null;
            ApiResult<T> result = null;
            BalanceClientException failure = null;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                result = result(response, reader, data, meta);
            } catch (BalanceClientException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new BalanceTransportException("interrupted while calling " + ApiKey.maskIn(baseUrl), e);
            } catch (IOException e) {
                failure = transportFailure(e);
            }
            Optional<Duration> delay = failure == null ? Optional.empty() : retryPolicy.delayBeforeRetry(attempt - 1, failure);
            if (listener != null) {
                tell(call.route(), request, response, result, failure, attempt, started, delay.isPresent());
            }
            if (failure == null) {
                return result;
            }
            if (delay.isEmpty()) {
                throw failure;
            }
            sleep(delay.get(), failure);
        }
    }

    /**
     * {@link #send} without blocking: the waits between retries are scheduled, not slept. The future fails with
     * the same exception {@link #send} throws, not wrapped. Bad arguments still throw at once, before any request.
     */
    <R, T> CompletableFuture<ApiResult<T>> sendAsync(Route.Call call, ObjectReader reader, Function<R, T> data,
                                                     Function<R, Meta> meta) {
        checkOpen();
        HttpRequest request = request(call);
        CompletableFuture<ApiResult<T>> done = new CompletableFuture<>();
        attemptAsync(call.route(), request, reader, data, meta, 1, done);
        return done;
    }

    private <R, T> void attemptAsync(Route route, HttpRequest request, ObjectReader reader, Function<R, T> data,
                                     Function<R, Meta> meta, int attempt, CompletableFuture<ApiResult<T>> done) {
        if (done.isDone()) {
            return; // cancelled by the caller: no further attempt
        }
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> sent;
        try {
            sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return;
        }
        sent.whenComplete((response, error) -> {
            ApiResult<T> result = null;
            BalanceClientException failure = null;
            try {
                if (error != null) {
                    Throwable cause = unwrap(error);
                    if (!(cause instanceof IOException)) {
                        done.completeExceptionally(cause);
                        return;
                    }
                    failure = transportFailure((IOException) cause);
                } else {
                    result = result(response, reader, data, meta);
                }
            } catch (BalanceClientException e) {
                failure = e;
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                return;
            }
            Optional<Duration> delay = failure == null ? Optional.empty() : retryPolicy.delayBeforeRetry(attempt - 1, failure);
            if (listener != null) {
                tell(route, request, error == null ? response : null, result, failure, attempt, started, delay.isPresent());
            }
            if (failure == null) {
                done.complete(result);
            } else if (delay.isEmpty()) {
                done.completeExceptionally(failure);
            } else {
                CompletableFuture.delayedExecutor(delay.get().toMillis(), TimeUnit.MILLISECONDS, delays)
                        .execute(() -> attemptAsync(route, request, reader, data, meta, attempt + 1, done));
            }
        });
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

    private void tell(Route route, HttpRequest request, HttpResponse<byte[]> response, ApiResult<?> result,
                      BalanceClientException failure, int attempt, long started, boolean willRetry) {
        try {
            int status = response != null ? response.statusCode()
                    : failure instanceof BalanceApiException ? ((BalanceApiException) failure).status() : 0;
            RateLimit rateLimit = result != null ? result.rateLimit().orElse(null)
                    : failure instanceof BalanceApiException ? ((BalanceApiException) failure).rateLimit().orElse(null) : null;
            String requestId = result != null ? result.requestId() : Attempt.requestIdOf(failure);
            listener.onAttempt(new Attempt(route.operationId, route.method, route.template, request.uri().toString(), attempt,
                    Duration.ofNanos(System.nanoTime() - started), status, requestId, rateLimit, failure, willRetry,
                    request.headers(), response == null ? null : response.headers()));
        } catch (RuntimeException ignored) {
            // A listener's failure must not change the call's outcome.
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this BalanceClient is closed");
        }
    }

    /** Closes the HttpClient the SDK built, where the JDK can (21 and later); a caller's own client is left alone. */
    void close() {
        closed = true;
        if (ownsHttp && http instanceof AutoCloseable) {
            try {
                ((AutoCloseable) http).close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the HTTP client failed", e);
            }
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
        Optional<String> encoding = headers.firstValue("Content-Encoding");
        if (encoding.isEmpty() || body.length == 0) {
            return body;
        }
        for (String token : encoding.get().split(",")) {
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
