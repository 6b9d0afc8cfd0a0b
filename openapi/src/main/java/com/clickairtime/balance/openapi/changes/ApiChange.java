package com.clickairtime.balance.openapi.changes;

import java.util.Comparator;
import java.util.Objects;

/**
 * One change between the baseline spec and the current one.
 *
 * @param level    how it affects existing users
 * @param kind     a stable, machine-readable name such as {@code property-removed}
 * @param location where it happened, e.g. {@code GET /v2/balance > 200 > application/json > data.wallets[].id}
 * @param message  what changed, for a human
 */
public record ApiChange(Level level, String kind, String location, String message) {

    /** Worst first, then by place, so that two runs on the same specs write the same report. */
    public static final Comparator<ApiChange> ORDER = Comparator.comparing(ApiChange::level)
            .thenComparing(ApiChange::location)
            .thenComparing(ApiChange::kind)
            .thenComparing(ApiChange::message);

    public ApiChange {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** Kinds about named examples, which the reports list in a section of their own. */
    public boolean isExample() {
        return kind.startsWith("example-");
    }
}
