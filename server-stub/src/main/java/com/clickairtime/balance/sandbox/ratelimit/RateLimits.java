package com.clickairtime.balance.sandbox.ratelimit;

import com.clickairtime.balance.sandbox.config.SandboxProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The sandbox's three limiters: requests per key, requests per address, and failed
 * authentications per address. Keys and addresses never share a limiter, so no overflow of
 * addresses can spend a key's budget; only demo keys ever reach the key limiter, so it needs
 * no cap. A full failure limiter counts a new address's failures nowhere rather than in a
 * bucket that others' failures may have filled.
 *
 * <p>In this replica's memory by default; with {@code sandbox.rate-limit.store=redis}, in Redis,
 * shared by every replica that uses it (docs/shared-limits.md).
 */
@Component
public class RateLimits implements AutoCloseable {

    private final RedisStore redis;
    private final RateLimiter keys;
    private final RateLimiter requests;
    private final RateLimiter failedAuthentications;

    public RateLimits(SandboxProperties properties, Clock clock) {
        SandboxProperties.RateLimit settings = properties.rateLimit();
        int perMinute = settings.requestsPerMinute();
        int failures = settings.failedAuthenticationsPerMinute();
        if (settings.store() == SandboxProperties.RateLimit.Store.REDIS) {
            this.redis = new RedisStore(settings, clock);
            this.keys = new RedisRateLimiter(redis, "key", perMinute, Integer.MAX_VALUE, RateLimiter.Overflow.SHARED, clock);
            this.requests = new RedisRateLimiter(redis, "address", perMinute, settings.maxBuckets(),
                    RateLimiter.Overflow.SHARED, clock);
            this.failedAuthentications = new RedisRateLimiter(redis, "failed-authentication", failures,
                    settings.maxBuckets(), RateLimiter.Overflow.UNCOUNTED, clock);
        } else {
            this.redis = null;
            this.keys = new LocalRateLimiter(perMinute, Integer.MAX_VALUE, clock);
            this.requests = new LocalRateLimiter(perMinute, settings.maxBuckets(), clock);
            this.failedAuthentications = new LocalRateLimiter(failures, settings.maxBuckets(),
                    RateLimiter.Overflow.UNCOUNTED, clock);
        }
    }

    /** Requests per authenticated demo key. */
    public RateLimiter keys() {
        return keys;
    }

    /** Requests per address: everything that no valid key pays for. */
    public RateLimiter requests() {
        return requests;
    }

    public RateLimiter failedAuthentications() {
        return failedAuthentications;
    }

    /** Closes the Redis connection, if there is one. */
    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
    }
}
