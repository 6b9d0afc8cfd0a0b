package com.clickairtime.balance.verifier.check;

import java.time.Instant;
import java.util.Objects;

/**
 * When a request went out and when its answer was read: a time the server writes (a rate-limit
 * reset) lies within, or near, that span.
 */
public record Exchange(Instant sent, Instant answered) {

    public Exchange {
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(answered, "answered");
        if (answered.isBefore(sent)) {
            throw new IllegalArgumentException("answered " + answered + " before it was sent " + sent);
        }
    }

    /** An exchange measured around a call that has just returned. */
    public static Exchange sentAt(Instant sent) {
        return new Exchange(sent, Instant.now());
    }
}
