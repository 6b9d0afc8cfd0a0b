package com.clickairtime.balance.server.support.wire;

import jakarta.servlet.http.HttpServletResponse;

import java.time.Duration;
import java.time.Instant;

/**
 * The rate-limit headers as the spec documents them: {@code X-RateLimit-Limit},
 * {@code X-RateLimit-Remaining} (never below 0) and {@code X-RateLimit-Reset} in Unix seconds,
 * and {@code Retry-After} in whole seconds (at least 1) on a 429.
 */
public final class RateLimitHeaders {

    public static final String LIMIT = "X-RateLimit-Limit";
    public static final String REMAINING = "X-RateLimit-Remaining";
    public static final String RESET = "X-RateLimit-Reset";
    public static final String RETRY_AFTER = "Retry-After";

    private RateLimitHeaders() {
    }

    /** The three headers of a window of {@code limit} requests, {@code used} of them spent, that ends at {@code reset}. */
    public static void write(HttpServletResponse response, long limit, long used, Instant reset) {
        response.setHeader(LIMIT, String.valueOf(limit));
        response.setHeader(REMAINING, String.valueOf(Math.max(0, limit - used)));
        response.setHeader(RESET, String.valueOf(reset.getEpochSecond()));
    }

    /** {@code Retry-After} for a refusal at {@code now} of a window that ends at {@code reset}: rounded up, at least 1. */
    public static void retryAfter(HttpServletResponse response, Instant now, Instant reset) {
        Duration wait = Duration.between(now, reset);
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        response.setHeader(RETRY_AFTER, String.valueOf(Math.max(1, seconds)));
    }
}
