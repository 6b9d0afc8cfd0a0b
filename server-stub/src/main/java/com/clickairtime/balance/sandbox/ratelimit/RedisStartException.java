package com.clickairtime.balance.sandbox.ratelimit;

/** A replica with {@code sandbox.rate-limit.store=redis} whose Redis it cannot use at start. */
public class RedisStartException extends RuntimeException {

    RedisStartException(String message) {
        super(message);
    }
}
