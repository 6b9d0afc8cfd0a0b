package com.clickairtime.balance.sandbox.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The windows in Redis, as Bucket4j buckets, so that every replica using that Redis counts
 * against one budget. A bucket holds the limit and gets all of it back at once a window after
 * it was made, then expires once full: the next request opens a new window at its own instant,
 * as {@link LocalRateLimiter}'s do. Its cap counts the buckets in a sorted set in Redis, so a
 * flood of new callers spread over the replicas still gets one overflow budget between them.
 *
 * <p>When Redis does not answer, this replica counts on its own, in memory, with the same limits
 * (N replicas then allow up to N times the budget), and every verdict reached so says so
 * ({@link Verdict#fallback()}); the next answer from Redis ends that.
 */
final class RedisRateLimiter implements RateLimiter {

    private static final int MAX_PROXIES = 10_000;

    private final RedisStore store;
    private final String bucketPrefix;
    private final String census;
    private final int limit;
    private final int maxBuckets;
    private final Overflow overflow;
    private final Clock clock;
    private final BucketConfiguration configuration;
    private final LocalRateLimiter fallback;
    // A bucket's proxy batches this replica's concurrent requests for it into one exchange with Redis
    // (Bucket4j's batching: the same answers, one at a time): without it, concurrent compare-and-swaps
    // on one key retried each other. Cleared when it reaches the cap, so that it stays bounded.
    private final ConcurrentMap<String, BucketProxy> proxies = new ConcurrentHashMap<>();

    /**
     * @param name what the limiter counts ({@code key}, {@code address}, ...), which keeps its buckets apart
     *             from the other limiters' in Redis
     */
    RedisRateLimiter(RedisStore store, String name, int limit, int maxBuckets, Overflow overflow, Clock clock) {
        this.store = store;
        this.bucketPrefix = RedisStore.PREFIX + name + ":bucket:";
        this.census = RedisStore.PREFIX + name + ":census";
        this.limit = limit;
        this.maxBuckets = maxBuckets;
        this.overflow = overflow;
        this.clock = clock;
        this.configuration = BucketConfiguration.builder()
                .addLimit(window -> window.capacity(limit).refillIntervally(limit, WINDOW))
                .build();
        this.fallback = new LocalRateLimiter(limit, maxBuckets, overflow, clock);
    }

    @Override
    public Verdict charge(String bucket) {
        long nowMillis = clock.millis();
        try {
            String counted = stored(bucket);
            if (capped() && !store.admit(census, bucketPrefix + counted, counted, nowMillis, maxBuckets)) {
                store.answered();
                if (overflow == Overflow.UNCOUNTED) {
                    return fresh(nowMillis);
                }
                counted = OVERFLOW;
            }
            ConsumptionProbe probe = proxy(counted).tryConsumeAndReturnRemaining(1);
            store.answered();
            return verdict(nowMillis, probe.isConsumed(), probe.getRemainingTokens(), probe.getNanosToWaitForReset());
        } catch (RuntimeException unanswered) {
            store.failed(unanswered);
            return fallback.charge(bucket).asFallback();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>An allowed peek's reset is the end of a window opened now: the bucket's own end is not
     * read, as nothing writes the headers of a peek that allows.
     */
    @Override
    public Verdict peek(String bucket) {
        long nowMillis = clock.millis();
        try {
            String counted = stored(bucket);
            if (!store.exists(bucketPrefix + counted)) {
                if (overflow == Overflow.UNCOUNTED || !capped() || !store.full(census, maxBuckets)) {
                    store.answered();
                    return fresh(nowMillis);
                }
                counted = OVERFLOW;
            }
            EstimationProbe probe = proxy(counted).estimateAbilityToConsume(1);
            store.answered();
            return probe.canBeConsumed() ? fresh(nowMillis, probe.getRemainingTokens())
                    : verdict(nowMillis, false, 0, probe.getNanosToWaitForRefill());
        } catch (RuntimeException unanswered) {
            store.failed(unanswered);
            return fallback.peek(bucket).asFallback();
        }
    }

    /**
     * The bucket's name in Redis: a SHA-256 of it, since a bucket is named by an API key or an
     * address, and a Redis shared with other data (or read with MONITOR or SCAN) must not show them.
     */
    static String stored(String bucket) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bucket.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private boolean capped() {
        return maxBuckets != Integer.MAX_VALUE;
    }

    private BucketProxy proxy(String bucket) {
        BucketProxy proxy = proxies.get(bucket);
        if (proxy == null) {
            if (proxies.size() >= Math.min(maxBuckets, MAX_PROXIES)) {
                proxies.clear();
            }
            proxy = proxies.computeIfAbsent(bucket, name -> store.proxies().builder()
                    .withOptimization(Optimizations.batching()).build(bucketPrefix + name, () -> configuration));
        }
        return proxy;
    }

    private Verdict fresh(long nowMillis) {
        return fresh(nowMillis, limit);
    }

    private Verdict fresh(long nowMillis, long remaining) {
        return new Verdict(limit, (int) remaining, RateLimiter.secondsCeiling(nowMillis + WINDOW.toMillis()), true, 1,
                false);
    }

    private Verdict verdict(long nowMillis, boolean allowed, long remaining, long nanosToWindowEnd) {
        long endMillis = nowMillis + (nanosToWindowEnd + 999_999) / 1_000_000;
        return new Verdict(limit, (int) remaining, RateLimiter.secondsCeiling(endMillis), allowed,
                Math.max(1, RateLimiter.secondsCeiling(endMillis - nowMillis)), false);
    }
}
