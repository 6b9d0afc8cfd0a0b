package com.clickairtime.balance.openapi.changes;

import java.util.Comparator;
import java.util.Objects;

/**
 * One change between the baseline spec and the current one, with what it does to each audience.
 *
 * @param clients      how it affects clients (SDKs, integrations, users of the stubs)
 * @param implementers how it affects implementers (code on the server interface, servers verified by the contract suite)
 * @param kind         a stable, machine-readable name such as {@code property-removed}
 * @param location     where it happened, e.g. {@code GET /v2/balance > 200 > application/json > data.wallets[].id}
 * @param message      what changed, for a human
 */
public record ApiChange(Level clients, Level implementers, String kind, String location, String message) {

    /** Worst first (breaking both audiences before breaking one), then by place, so that two runs on the same specs write the same report. */
    public static final Comparator<ApiChange> ORDER = Comparator.comparing((ApiChange change) -> change.level())
            .thenComparing(ApiChange::clients)
            .thenComparing(ApiChange::implementers)
            .thenComparing(ApiChange::location)
            .thenComparing(ApiChange::kind)
            .thenComparing(ApiChange::message);

    public ApiChange {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(implementers, "implementers");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** A change that affects both audiences alike. */
    static ApiChange both(Level level, String kind, String location, String message) {
        return new ApiChange(level, level, kind, location, message);
    }

    /** The level for one audience. */
    public Level level(Audience audience) {
        return audience == Audience.CLIENTS ? clients : implementers;
    }

    /** The worse of the two levels. */
    public Level level() {
        return clients.compareTo(implementers) <= 0 ? clients : implementers;
    }

    /** Kinds about named examples, which the reports list in a section of their own. */
    public boolean isExample() {
        return kind.startsWith("example-");
    }
}
