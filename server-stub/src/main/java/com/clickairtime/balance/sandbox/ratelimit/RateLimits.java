package com.clickairtime.balance.sandbox.ratelimit;

import com.clickairtime.balance.sandbox.config.SandboxProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** The sandbox's two limiters: requests per key or address, and failed authentications per address. */
@Component
public class RateLimits {

    private final RateLimiter requests;
    private final RateLimiter failedAuthentications;

    public RateLimits(SandboxProperties properties, Clock clock) {
        SandboxProperties.RateLimit settings = properties.rateLimit();
        this.requests = new RateLimiter(settings.requestsPerMinute(), settings.maxBuckets(), clock);
        this.failedAuthentications = new RateLimiter(settings.failedAuthenticationsPerMinute(), settings.maxBuckets(), clock);
    }

    public RateLimiter requests() {
        return requests;
    }

    public RateLimiter failedAuthentications() {
        return failedAuthentications;
    }
}
