package com.clickairtime.balance.openapi.changes;

/** How a change to the spec affects the teams that already use it; ordered from worst to harmless. */
public enum Level {
    /** Existing clients, stubs or servers stop working: needs a new major version. */
    BREAKING("breaking"),
    /** Works for lenient clients and breaks strict ones (new enum value, changed example): read it. */
    POTENTIALLY_BREAKING("potentially-breaking"),
    /** Existing users keep working. */
    COMPATIBLE("compatible");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    /** The name used in the reports. */
    public String label() {
        return label;
    }
}
