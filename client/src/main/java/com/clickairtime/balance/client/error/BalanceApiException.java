package com.clickairtime.balance.client.error;

import com.clickairtime.balance.client.RateLimit;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * The API answered with an error. Branch on {@link #code()} (or on the subclass), never on the
 * message. Codes are an open set: a code this SDK does not know still arrives here.
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
        super(describe(status, code, errorMessage, requestId), null);
        this.status = status;
        this.code = code;
        this.errorMessage = errorMessage;
        this.details = details == null ? Map.of() : Collections.unmodifiableMap(details);
        this.requestId = requestId;
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
