package com.clickairtime.balance.sandbox.ratelimit;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A Redis that a replica cannot use at start is reported as Spring Boot reports a start-up problem: the message, no stack. */
public class RedisStartFailureAnalyzer extends AbstractFailureAnalyzer<RedisStartException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RedisStartException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Start Redis first, or correct --sandbox.rate-limit.redis-url, or leave --sandbox.rate-limit.store "
                        + "unset for limits kept in this replica's memory (docs/shared-limits.md)", cause);
    }
}
