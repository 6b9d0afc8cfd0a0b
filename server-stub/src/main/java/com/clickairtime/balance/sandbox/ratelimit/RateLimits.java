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
 */
@Component
public class RateLimits {

    private final RateLimiter keys;
    private final RateLimiter requests;
    private final RateLimiter failedAuthentications;

    public RateLimits(SandboxProperties properties, Clock clock) {
        SandboxProperties.RateLimit settings = properties.rateLimit();
        this.keys = new RateLimiter(settings.requestsPerMinute(), Integer.MAX_VALUE, clock);
        this.requests = new RateLimiter(settings.requestsPerMinute(), settings.maxBuckets(), clock);
        this.failedAuthentications = new RateLimiter(settings.failedAuthenticationsPerMinute(), settings.maxBuckets(),
                RateLimiter.Overflow.UNCOUNTED, clock);
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
}
