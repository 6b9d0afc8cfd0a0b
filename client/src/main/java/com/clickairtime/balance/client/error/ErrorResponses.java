package com.clickairtime.balance.client.error;

import com.clickairtime.balance.client.RateLimit;
import com.clickairtime.balance.client.WireFormat;
import com.clickairtime.balance.client.generated.model.ErrorResponse;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Turns an error response into the typed exception for its status. */
public final class ErrorResponses {

    private static final ObjectReader ENVELOPE = WireFormat.mapper().readerFor(ErrorResponse.class);

    private ErrorResponses() {
    }

    /**
     * The typed exception for an error response: the subclass for its status, or
     * {@link UnexpectedResponseException} when the body is not the error envelope.
     */
    public static BalanceApiException from(int status, HttpHeaders headers, byte[] body) {
        return parsed(status, headers, body).withRateLimit(headers == null ? null : RateLimit.from(headers).orElse(null));
    }

    /**
     * A response the SDK cannot use although its status is a success (a body that is not the documented JSON),
     * with what its headers said.
     */
    public static UnexpectedResponseException unexpected(int status, HttpHeaders headers, String problem) {
        UnexpectedResponseException e = new UnexpectedResponseException(status, problem, headers == null ? null : retryAfter(headers));
        e.withRateLimit(headers == null ? null : RateLimit.from(headers).orElse(null));
        return e;
    }

    private static BalanceApiException parsed(int status, HttpHeaders headers, byte[] body) {
        Duration retryAfter = headers == null ? null : retryAfter(headers);
        ErrorResponse envelope;
        try {
            envelope = body == null || body.length == 0 ? null : ENVELOPE.readValue(body);
        } catch (IOException notJson) {
            envelope = null;
        }
        if (envelope == null || envelope.getError() == null || envelope.getError().getCode() == null) {
            // JSON or not, the bytes are read as UTF-8: the platform's charset says nothing about the server's.
            return new UnexpectedResponseException(status, body == null ? null : new String(body, StandardCharsets.UTF_8),
                    retryAfter);
        }
        String code = envelope.getError().getCode();
        String message = envelope.getError().getMessage();
        Map<String, Object> details = envelope.getError().getDetails();
        String requestId = envelope.getMeta() == null ? null : envelope.getMeta().getRequestId();
        return ErrorTypes.of(status, code, message, details, requestId, retryAfter);
    }

    /** {@link #from(int, HttpHeaders, byte[])} for a body that the caller has already decoded. */
    public static BalanceApiException from(int status, HttpHeaders headers, String body) {
        return from(status, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** Seconds, or an HTTP-date (RFC 9110, section 10.2.3); anything else is ignored. */
    static Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").map(String::trim).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }
}
