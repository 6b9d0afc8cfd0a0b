package com.clickairtime.balance.sandbox.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory store, the default: this replica's own windows. A fixed one-minute window per
 * bucket (a key, or an address). A window opens with its bucket's first request, so N+1 requests within any minute of a fresh bucket always trip the
 * limit. Buckets never share a window: one key's traffic cannot limit another's.
 *
 * <p>The number of buckets is capped. At the cap, expired windows are swept (at most once a
 * second); if none has expired, a request for a new bucket is counted in one shared
 * {@link #OVERFLOW} bucket instead. Memory stays bounded whatever the number of distinct
 * callers (the cap, plus at most one bucket per request in flight at that instant), and a
 * flood of new addresses cannot buy itself fresh budgets: together it gets one.
 */
public class LocalRateLimiter implements RateLimiter {

    private static final long SWEEP_INTERVAL_MILLIS = 1_000;

    private final int limit;
    private final int maxBuckets;
    private final Overflow overflow;
    private final Clock clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    // The map's size, kept exact by inserts and sweeps, because ConcurrentHashMap.size() is an estimate.
    private final AtomicInteger buckets = new AtomicInteger();
    private final AtomicLong nextSweepMillis = new AtomicLong();

    public LocalRateLimiter(int limit, int maxBuckets, Clock clock) {
        this(limit, maxBuckets, Overflow.SHARED, clock);
    }

    public LocalRateLimiter(int limit, int maxBuckets, Overflow overflow, Clock clock) {
        if (limit < 1 || maxBuckets < 1) {
            throw new IllegalArgumentException("limit and maxBuckets must be positive");
        }
        this.limit = limit;
        this.maxBuckets = maxBuckets;
        this.overflow = overflow;
        this.clock = clock;
    }

    @Override
    public Verdict charge(String bucket) {
        long nowMillis = clock.millis();
        String counted = bucket;
        if (!windows.containsKey(bucket) && buckets.get() >= maxBuckets) {
            sweep(nowMillis);
            if (buckets.get() >= maxBuckets) {
                if (overflow == Overflow.UNCOUNTED) {
                    return fresh(nowMillis);
                }
                counted = OVERFLOW;
            }
        }
        Window window = windows.compute(counted, (name, current) -> {
            if (current == null) {
                buckets.incrementAndGet();
            }
            return current == null || nowMillis >= current.endMillis()
                    ? new Window(nowMillis + WINDOW.toMillis(), 1)
                    : new Window(current.endMillis(), current.count() + 1);
        });
        return verdict(window, nowMillis, window.count() <= limit);
    }

    @Override
    public Verdict peek(String bucket) {
        long nowMillis = clock.millis();
        Window window = windows.get(bucket);
        if (window == null && buckets.get() >= maxBuckets) {
            sweep(nowMillis);
            window = buckets.get() >= maxBuckets && overflow == Overflow.SHARED ? windows.get(OVERFLOW) : null;
        }
        if (window == null || nowMillis >= window.endMillis()) {
            return fresh(nowMillis);
        }
        return verdict(window, nowMillis, window.count() < limit);
    }

    /** A window that nothing has been counted in yet. */
    private Verdict fresh(long nowMillis) {
        return new Verdict(limit, limit, RateLimiter.secondsCeiling(nowMillis + WINDOW.toMillis()), true, 1, false);
    }

    /** How many buckets are tracked now. */
    public int size() {
        return windows.size();
    }

    private void sweep(long nowMillis) {
        long due = nextSweepMillis.get();
        if (nowMillis < due || !nextSweepMillis.compareAndSet(due, nowMillis + SWEEP_INTERVAL_MILLIS)) {
            return;
        }
        for (String name : windows.keySet()) {
            windows.computeIfPresent(name, (key, window) -> {
                if (nowMillis < window.endMillis()) {
                    return window;
                }
                buckets.decrementAndGet();
                return null;
            });
        }
    }

    private Verdict verdict(Window window, long nowMillis, boolean allowed) {
        long remainingMillis = window.endMillis() - nowMillis;
        return new Verdict(limit, Math.max(0, limit - window.count()), RateLimiter.secondsCeiling(window.endMillis()),
                allowed, Math.max(1, RateLimiter.secondsCeiling(remainingMillis)), false);
    }

    private record Window(long endMillis, int count) {
    }
}
