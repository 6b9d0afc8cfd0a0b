package com.clickairtime.balance.client;

import com.clickairtime.balance.client.error.BalanceApiException;
import com.clickairtime.balance.client.error.BalanceClientException;
import com.clickairtime.balance.client.error.BalanceTransportException;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * When to try a call again. Both operations are idempotent GETs, so a retry is always safe;
 * it is bounded all the same.
 *
 * <ul>
 *   <li>Retried by default ({@link #isRetryableByDefault}): 429, 502, 503 and 504, whether or not the body is the
 *       API's JSON envelope (a gateway's plain-text page counts), and no response at all (connection failure,
 *       timeout). {@link Builder#retryIf(Predicate)} replaces that choice.</li>
 *   <li>The wait: what {@code Retry-After} says, unless that is longer than {@link Builder#maxRetryAfter(Duration)}:
 *       then fail at once rather than block. Without the header, exponential backoff with full jitter.</li>
 *   <li>Anything else, including 500 and every 4xx but 429: no retry.</li>
 * </ul>
 */
public final class RetryPolicy {

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final Predicate<? super BalanceClientException> retryIf;

    private RetryPolicy(Builder builder) {
        this.retryIf = builder.retryIf;
        this.maxRetries = builder.maxRetries;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.maxRetryAfter = builder.maxRetryAfter;
    }

    /** Two retries, backoff from 200 ms up to 2 s, and a 429 waits at most 10 s. */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** Every failure is final. */
    public static RetryPolicy none() {
        return builder().maxRetries(0).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int maxRetries() {
        return maxRetries;
    }

    /**
     * How long to wait before the next try, or empty to give up.
     *
     * @param retriesSoFar how many retries this call has had
     * @param failure      what the last try ended with
     */
    public Optional<Duration> delayBeforeRetry(int retriesSoFar, BalanceClientException failure) {
        if (retriesSoFar >= maxRetries || Thread.currentThread().isInterrupted()) {
            return Optional.empty();
        }
        if (!retryIf.test(failure)) {
            return Optional.empty();
        }
        Duration retryAfter = failure instanceof BalanceApiException
                ? ((BalanceApiException) failure).retryAfter().orElse(null) : null;
        if (retryAfter != null) {
            return retryAfter.compareTo(maxRetryAfter) <= 0 ? Optional.of(retryAfter) : Optional.empty();
        }
        return Optional.of(backoff(retriesSoFar));
    }

    /**
     * The default choice of what to retry: no response at all, or 429, 502, 503, 504 (all of them idempotent
     * failures of a GET that a later try can survive), with or without the JSON envelope.
     */
    public static boolean isRetryableByDefault(BalanceClientException failure) {
        if (failure instanceof BalanceTransportException) {
            return true;
        }
        if (!(failure instanceof BalanceApiException)) {
            return false;
        }
        int status = ((BalanceApiException) failure).status();
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /** Full jitter: uniformly between zero and the exponential ceiling. */
    private Duration backoff(int retriesSoFar) {
        long ceiling = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(retriesSoFar, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", maxRetryAfter=" + maxRetryAfter + "}";
    }

    public static final class Builder {

        private int maxRetries = 2;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(2);
        private Duration maxRetryAfter = Duration.ofSeconds(10);
        private Predicate<? super BalanceClientException> retryIf = RetryPolicy::isRetryableByDefault;

        private Builder() {
        }

        /**
         * Which failures are retried, instead of {@link RetryPolicy#isRetryableByDefault}; the count, the waits and
         * the {@code Retry-After} cap still apply. Combine with the default to extend it:
         * {@code retryIf(e -> RetryPolicy.isRetryableByDefault(e) || ...)}.
         */
        public Builder retryIf(Predicate<? super BalanceClientException> retryIf) {
            this.retryIf = Objects.requireNonNull(retryIf, "retryIf");
            return this;
        }

        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = requirePositive(initialBackoff, "initialBackoff");
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = requirePositive(maxBackoff, "maxBackoff");
            return this;
        }

        /** The longest {@code Retry-After} the client waits out; a longer one fails the call at once. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            if (maxRetryAfter.isNegative()) {
                throw new IllegalArgumentException("maxRetryAfter must not be negative");
            }
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }

    static Duration requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return duration;
    }
}
