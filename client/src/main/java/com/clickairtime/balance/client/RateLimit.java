package com.clickairtime.balance.client;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** The rate-limit headers of a response: the window's limit, what is left, and when it resets. */
public final class RateLimit {

    private final long limit;
    private final long remaining;
    private final Instant reset;

    public RateLimit(long limit, long remaining, Instant reset) {
        this.limit = limit;
        this.remaining = remaining;
        this.reset = Objects.requireNonNull(reset, "reset");
    }

    /** The headers' values, or empty when any of the three is missing or not a number. */
    public static Optional<RateLimit> from(HttpHeaders headers) {
        // The map itself: HttpHeaders.firstValue builds a stream per lookup, and this runs on every response.
        Map<String, List<String>> all = headers.map();
        OptionalLong limit = number(all, "X-RateLimit-Limit");
        OptionalLong remaining = number(all, "X-RateLimit-Remaining");
        OptionalLong reset = number(all, "X-RateLimit-Reset");
        if (limit.isEmpty() || remaining.isEmpty() || reset.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RateLimit(limit.getAsLong(), remaining.getAsLong(), Instant.ofEpochSecond(reset.getAsLong())));
    }

    private static OptionalLong number(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        if (values == null || values.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(values.get(0).trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public long limit() {
        return limit;
    }

    public long remaining() {
        return remaining;
    }

    public Instant reset() {
        return reset;
    }

    @Override
    public String toString() {
        return "RateLimit{limit=" + limit + ", remaining=" + remaining + ", reset=" + reset + "}";
    }
}
