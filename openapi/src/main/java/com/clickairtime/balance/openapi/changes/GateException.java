package com.clickairtime.balance.openapi.changes;

/** The gate's refusal, with a message meant for the person who ran the build. */
public final class GateException extends RuntimeException {

    public GateException(String message) {
        super(message, null, false, false);
    }
}
