package com.clickairtime.balance.verifier;

/** How closely a server must match the documented examples. */
public enum Level {

    /**
     * For a server whose provider states reproduce the examples' data: everything
     * {@link #CONFORMANCE} checks, and the body as text, field for field, {@code meta} aside.
     */
    EXACT,

    /**
     * For a server with its own data: the status, {@code Content-Type}, every required header
     * against its schema, the whole response against the spec, the documented {@code error.code},
     * money at its currency's scale, and the same body wherever the spec documents the same body
     * (an unknown wallet id and another account's id).
     */
    CONFORMANCE
}
