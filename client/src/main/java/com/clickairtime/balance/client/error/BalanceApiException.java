package com.clickairtime.balance.client.error;

import com.clickairtime.balance.client.ApiKey;
import com.clickairtime.balance.client.RateLimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API answered with an error. Branch on {@link #code()} (or on the subclass), never on the
 * message. Codes are an open set: a code this SDK does not know still arrives here.
 *
 * <p>What the body said is kept with key-like text masked ({@link ApiKey#maskIn}): a gateway or server that echoes
 * the request's key back must not put it into an exception that is logged, serialized or dumped.
 */
public class BalanceApiException extends BalanceClientException {

    private final int status;
    private final String code;
    private final String errorMessage;
    private final Map<String, Object> details;
    private final String requestId;
    private final Duration retryAfter;
    /** Set once by {@link ErrorResponses} before the exception is thrown; the constructors stay as they were. */
    private RateLimit rateLimit;

    public BalanceApiException(int status, String code, String errorMessage, Map<String, Object> details,
                               String requestId, Duration retryAfter) {
        super(describe(status, ApiKey.maskIn(code), ApiKey.maskIn(errorMessage), ApiKey.maskIn(requestId)), null);
        this.status = status;
        this.code = ApiKey.maskIn(code);
        this.errorMessage = ApiKey.maskIn(errorMessage);
        this.details = details == null ? Map.of() : masked(details);
        this.requestId = ApiKey.maskIn(requestId);
        this.retryAfter = retryAfter;
    }

    BalanceApiException(int status, String message, Duration retryAfter) {
        super(message, null);
        this.status = status;
        this.code = null;
        this.errorMessage = null;
        this.details = Map.of();
        this.requestId = null;
        this.retryAfter = retryAfter;
    }

    /** A copy of the details, every text in them (names too, at any depth) masked. */
    private static Map<String, Object> masked(Map<?, ?> details) {
        Map<String, Object> copy = new LinkedHashMap<>();
        details.forEach((name, value) -> copy.put(ApiKey.maskIn(String.valueOf(name)), maskedValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object maskedValue(Object value) {
        if (value instanceof String) {
            return ApiKey.maskIn((String) value);
        }
        if (value instanceof Map) {
            return masked((Map<?, ?>) value);
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>();
            for (Object item : (List<?>) value) {
                copy.add(maskedValue(item));
            }
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    private static String describe(int status, String code, String message, String requestId) {
        return "HTTP " + status + " " + code + ": " + message + (requestId == null ? "" : " (request_id " + requestId + ")");
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** {@code error.code}, e.g. {@code WALLET_NOT_FOUND}; null only for a body that was not the error envelope. */
    public String code() {
        return code;
    }

    /** {@code error.message}: for people, not for branching. */
    public String errorMessage() {
        return errorMessage;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** {@code meta.request_id}, when the body had one: quote it to support. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The {@code Retry-After} header, when the response had one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The response's rate-limit headers, when it had all three: on an error as on a success. */
    public Optional<RateLimit> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }

    BalanceApiException withRateLimit(RateLimit rateLimit) {
        this.rateLimit = rateLimit;
        return this;
    }

    public boolean isServerError() {
        return status >= 500;
    }
}
