package com.example.wallets;

import java.util.Locale;

/**
 * The kit's build runs this server once faithful and once with each of these bugs, which the
 * verifier must catch (CHARSET_PARAMETER excepted: a variation the verifier must accept at
 * CONFORMANCE). Bugs of the wire itself are seeded by {@link WireBreaker}, outside the support
 * library, which has no way to write a wrong wire.
 */
enum SeededBug {
    NONE,
    /** Money kept as a double: 42.10 goes out as 42.1. */
    DOUBLE_MONEY,
    NO_RATE_LIMIT_HEADERS,
    NOT_FOUND_CODE,
    /** X-RateLimit-Reset in Unix milliseconds, where the spec says seconds. */
    RESET_IN_MILLISECONDS,
    /** The total's currency EUR, where the spec says it is always USD. */
    TOTAL_IN_EUR,
    /** A 401 without WWW-Authenticate. */
    NO_WWW_AUTHENTICATE,
    /** Content-Type application/json;charset=UTF-8, as many frameworks write it: conformant. */
    CHARSET_PARAMETER,
    /** Another account's wallet answered unlike an unknown id, which the spec documents with the same body. */
    NOT_FOUND_BODIES_DIFFER;

    static SeededBug current() {
        String bug = System.getProperty("implementer.bug", "").replaceFirst("^-", "");
        return bug.isEmpty() ? NONE : valueOf(bug.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
