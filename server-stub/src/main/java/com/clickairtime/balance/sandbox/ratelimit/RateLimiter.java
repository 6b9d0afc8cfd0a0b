package com.clickairtime.balance.sandbox.ratelimit;

import jakarta.servlet.http.HttpServletResponse;

import java.time.Duration;

/**
 * A request budget per bucket (a key, or an address): a fixed one-minute window that opens with
 * the bucket's first request. Kept in this replica's memory ({@link LocalRateLimiter}) or in
 * Redis for every replica at once ({@link RedisRateLimiter}); both answer alike.
 */
public interface RateLimiter {

    Duration WINDOW = Duration.ofMinutes(1);

    /** The bucket shared by every new caller while the limiter is full. */
    String OVERFLOW = "overflow";

    /** The header that says a replica is counting on its own because the shared store is unreachable. */
    String PER_REPLICA_HEADER = "X-Sandbox-Rate-Limits";

    /** Its value: the budgets are this replica's alone until the shared store answers again. */
    String PER_REPLICA = "per-replica";

    /** What a new caller's request is counted in while the limiter is full. */
    enum Overflow {
        /** One bucket that every new caller shares: a flood of new callers gets one budget between them. */
        SHARED,
        /**
         * Nothing: the request is allowed and not counted. For failed authentications, where a
         * shared bucket would let other addresses' failures lock a new address out.
         */
        UNCOUNTED
    }

    /** Counts one request against the bucket and says whether it is within the limit. */
    Verdict charge(String bucket);

    /** The bucket's state without counting a request; {@code allowed} is false once the limit is used up. */
    Verdict peek(String bucket);

    static long secondsCeiling(long millis) {
        return (millis + 999) / 1000;
    }

    /**
     * @param limit             requests allowed per window
     * @param remaining         requests left in the window
     * @param resetEpochSeconds when the window ends, in Unix seconds
     * @param allowed           whether this request is within the limit
     * @param retryAfterSeconds seconds until the window ends, at least 1
     * @param fallback          whether the shared store could not be reached, so this replica counted the
     *                          request on its own (never with the in-memory store, which is not a fallback)
     */
    record Verdict(int limit, int remaining, long resetEpochSeconds, boolean allowed, long retryAfterSeconds,
                   boolean fallback) {

        /** The same verdict, reached by this replica alone because the shared store was unreachable. */
        Verdict asFallback() {
            return new Verdict(limit, remaining, resetEpochSeconds, allowed, retryAfterSeconds, true);
        }

        public void writeHeaders(HttpServletResponse response) {
            response.setHeader("X-RateLimit-Limit", Integer.toString(limit));
            response.setHeader("X-RateLimit-Remaining", Integer.toString(remaining));
            response.setHeader("X-RateLimit-Reset", Long.toString(resetEpochSeconds));
            if (fallback) {
                response.setHeader(PER_REPLICA_HEADER, PER_REPLICA);
            }
        }

        /** The 429's extra header, and what its body's details say. */
        public void writeRetryAfter(HttpServletResponse response) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
    }
}
