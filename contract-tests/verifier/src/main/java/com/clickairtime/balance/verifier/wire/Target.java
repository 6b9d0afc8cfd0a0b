package com.clickairtime.balance.verifier.wire;

import java.time.Duration;

/** Where the verifier sends its requests: the team's application in-process, or a running server. */
@FunctionalInterface
public interface Target {

    /**
     * Sends one request and returns the response as written.
     *
     * @param timeout how long the whole exchange may take; an in-process target may ignore it
     */
    WireResponse send(WireRequest request, Duration timeout) throws Exception;

    /**
     * What the report calls this target. A URL target names its base URL, never a credential; a
     * lambda or an anonymous class has no name worth printing (a lambda's is
     * {@code Outer$$Lambda/0x...}), so it is "a custom target" unless it says otherwise.
     */
    default String describe() {
        Class<?> type = getClass();
        return type.isHidden() || type.isSynthetic() || type.isAnonymousClass() ? "a custom target" : type.getSimpleName();
    }
}
