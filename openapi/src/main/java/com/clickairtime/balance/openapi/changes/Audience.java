package com.clickairtime.balance.openapi.changes;

/** Whom a change can break: each change has a level for each. */
public enum Audience {
    /** SDKs, integrations and users of the stubs: they send requests and read responses. */
    CLIENTS("clients"),
    /**
     * Code built on {@code balance-server-interface} and servers verified by the contract suite:
     * they receive requests and must produce the documented responses.
     */
    IMPLEMENTERS("implementers");

    private final String label;

    Audience(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
