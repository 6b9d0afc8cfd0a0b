package com.clickairtime.balance.sandbox.ratelimit;

import com.clickairtime.balance.sandbox.SandboxProperties;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A fixed one-minute window per bucket (a key, or an unauthenticated address). A window opens
 * with its bucket's first request, so N+1 requests within any minute of a fresh bucket always
 * trip the limit. Buckets never share a window: one key's traffic cannot limit another's.
 */
@Component
public class RateLimiter {

    static final Duration WINDOW = Duration.ofMinutes(1);

    // Past this many buckets, expired windows are swept so unauthenticated addresses cannot grow the map forever.
    private static final int SWEEP_THRESHOLD = 10_000;

    private final int limit;
    private final Clock clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(SandboxProperties properties, Clock clock) {
        this.limit = properties.rateLimit().requestsPerMinute();
        this.clock = clock;
    }

    /** Counts one request against the bucket and says whether it is within the limit. */
    public Verdict charge(String bucket) {
        long nowMillis = clock.millis();
        Window window = windows.compute(bucket, (name, current) ->
                current == null || nowMillis >= current.endMillis()
                        ? new Window(nowMillis + WINDOW.toMillis(), 1)
                        : new Window(current.endMillis(), current.count() + 1));
        if (windows.size() > SWEEP_THRESHOLD) {
            windows.values().removeIf(w -> nowMillis >= w.endMillis());
        }
        long remainingMillis = window.endMillis() - nowMillis;
        return new Verdict(limit, Math.max(0, limit - window.count()), secondsCeiling(window.endMillis()),
                window.count() <= limit, Math.max(1, secondsCeiling(remainingMillis)));
    }

    private static long secondsCeiling(long millis) {
        return (millis + 999) / 1000;
    }

    private record Window(long endMillis, int count) {
    }

    /**
     * @param limit             requests allowed per window
     * @param remaining         requests left in the window
     * @param resetEpochSeconds when the window ends, in Unix seconds
     * @param allowed           whether this request is within the limit
     * @param retryAfterSeconds seconds until the window ends, at least 1
     */
    public record Verdict(int limit, int remaining, long resetEpochSeconds, boolean allowed, long retryAfterSeconds) {

        public void writeHeaders(HttpServletResponse response) {
            response.setHeader("X-RateLimit-Limit", Integer.toString(limit));
            response.setHeader("X-RateLimit-Remaining", Integer.toString(remaining));
            response.setHeader("X-RateLimit-Reset", Long.toString(resetEpochSeconds));
        }
    }
}
