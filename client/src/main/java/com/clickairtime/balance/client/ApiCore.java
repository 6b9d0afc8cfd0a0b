package com.clickairtime.balance.client;

import com.clickairtime.balance.client.error.BalanceClientException;
import com.clickairtime.balance.client.error.BalanceTransportException;
import com.clickairtime.balance.client.error.ErrorResponses;
import com.clickairtime.balance.client.error.UnexpectedResponseException;
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
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * What every operation does the same way: build the request, send it, read the body from its UTF-8 bytes,
 * turn an error into its typed exception, retry. Generated operations only say which route and which envelope.
 */
final class ApiCore {

    final ApiKey apiKey;
    final String baseUrl;
    final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final HttpClient http;
    /**
     * Every request's headers and timeout, checked once; each call copies it and adds its URL. Copying only
     * reads the template, which nothing changes after construction, so threads can share it.
     */
    private final HttpRequest.Builder requestTemplate;

    ApiCore(ApiKey apiKey, String baseUrl, RetryPolicy retryPolicy, Sleeper sleeper, Duration connectTimeout,
            Duration requestTimeout, String userAgent) {
        this.apiKey = apiKey;
        this.baseUrl = baseUrl;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.requestTemplate = HttpRequest.newBuilder().timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("Authorization", apiKey.authorization())
                .header("User-Agent", userAgent);
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpRequest request(Route.Call call) {
        HttpRequest.Builder builder = requestTemplate.copy().uri(call.uri(baseUrl)).method(call.route().method,
                HttpRequest.BodyPublishers.noBody());
        List<String> headers = call.headers();
        for (int i = 0; i < headers.size(); i += 2) {
            builder.header(headers.get(i), headers.get(i + 1));
        }
        return builder.build();
    }

    <R, T> ApiResult<T> send(Route.Call call, ObjectReader reader, Function<R, T> data, Function<R, Meta> meta) {
        HttpRequest request = request(call);
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
}
