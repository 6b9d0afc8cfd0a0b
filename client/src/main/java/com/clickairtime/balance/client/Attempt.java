package com.clickairtime.balance.client;

import com.clickairtime.balance.client.error.BalanceApiException;
import com.clickairtime.balance.client.error.BalanceClientException;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * One try of one call, as a {@link CallListener} sees it. It holds the headers already masked, never the
 * request's own: a heap dump, a reflection-based logger or a serializer finds no key in it. Masking costs
 * next to nothing per attempt: the request's headers are masked once per client ({@link ApiCore}), and response
 * headers that hold nothing key-like are the JDK's own unmodifiable map, not a copy.
 */
public final class Attempt {

    private final String operationId;
    private final String method;
    private final String pathTemplate;
    private final String uri;
    private final int number;
    private final Duration duration;
    private final int status;
    private final String requestId;
    private final RateLimit rateLimit;
    private final BalanceClientException exception;
    private final boolean willRetry;
    private final Map<String, List<String>> requestHeaders;
    private final Map<String, List<String>> responseHeaders;

    Attempt(String operationId, String method, String pathTemplate, String uri, int number, Duration duration, int status,
            String requestId, RateLimit rateLimit, BalanceClientException exception, boolean willRetry,
            Map<String, List<String>> maskedRequestHeaders, HttpHeaders responseHeaders) {
        this.operationId = operationId;
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.uri = ApiKey.maskIn(uri);
        this.number = number;
        this.duration = duration;
        this.status = status;
        this.requestId = requestId;
        this.rateLimit = rateLimit;
        this.exception = exception;
        this.willRetry = willRetry;
        this.requestHeaders = maskedRequestHeaders;
        this.responseHeaders = masked(responseHeaders);
    }

    /** The spec's {@code operationId}, e.g. {@code getWalletBalance}. */
    public String operationId() {
        return operationId;
    }

    public String method() {
        return method;
    }

    /** The path as the spec writes it, e.g. {@code /v2/balance/{wallet_id}}: a low-cardinality metric tag. */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** The URL sent, key-like text masked. */
    public String uri() {
        return uri;
    }

    /** 1 for the first try, 2 for the first retry... */
    public int number() {
        return number;
    }

    /** From sending the request to having read (and parsed) the response, or to the failure. */
    public Duration duration() {
        return duration;
    }

    /** The HTTP status; empty when no response arrived. */
    public OptionalInt status() {
        return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** {@code meta.request_id} of the response, success or error, when it had one. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    public Optional<RateLimit> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }

    /** What the attempt failed with, if it failed: the exception the call throws if it is not retried. */
    public Optional<BalanceClientException> exception() {
        return Optional.ofNullable(exception);
    }

    /** Whether another attempt follows. */
    public boolean willRetry() {
        return willRetry;
    }

    /** The request's headers, {@code Authorization} masked ({@code Bearer ce_live_…0001}). */
    public Map<String, List<String>> requestHeaders() {
        return requestHeaders;
    }

    /** The response's headers, masked the same way; empty when no response arrived. */
    public Map<String, List<String>> responseHeaders() {
        return responseHeaders;
    }

    /**
     * The headers with key-like text masked and proxy credentials cut to their scheme. Headers with neither (a
     * response, as a rule) are returned as the JDK's own map, which is unmodifiable and case-insensitive already.
     */
    static Map<String, List<String>> masked(HttpHeaders headers) {
        if (headers == null) {
            return Map.of();
        }
        Map<String, List<String>> all = headers.map();
        if (!needsMasking(all)) {
            return all;
        }
        Map<String, List<String>> masked = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.forEach((name, values) -> {
            // The proxy's credentials are no key, and no business of a listener's: only their scheme shows.
            String[] copy = values.stream().map(value -> PROXY_AUTHORIZATION.equalsIgnoreCase(name)
                    ? value.split(" ", 2)[0] + " \u2026" : ApiKey.maskIn(value)).toArray(String[]::new);
            masked.put(name, List.of(copy));
        });
        return Collections.unmodifiableMap(masked);
    }

    private static final String PROXY_AUTHORIZATION = "proxy-authorization";

    private static boolean needsMasking(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (PROXY_AUTHORIZATION.equalsIgnoreCase(header.getKey())) {
                return true;
            }
            for (String value : header.getValue()) {
                if (ApiKey.mayHoldKey(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String requestIdOf(BalanceClientException failure) {
        return failure instanceof BalanceApiException ? ((BalanceApiException) failure).requestId().orElse(null) : null;
    }

    @Override
    public String toString() {
        return "Attempt{" + operationId + " " + method + " " + pathTemplate + " #" + number + ", status=" + (status == 0 ? "none" : status)
                + ", " + duration.toMillis() + " ms, requestId=" + requestId + ", rateLimit=" + rateLimit
                + (exception == null ? "" : ", exception=" + exception) + (willRetry ? ", retrying" : "") + "}";
    }
}
