package com.example.wallets;

/** The kit's build runs this server once faithful and once with each of these bugs, which the verifier must catch. */
enum SeededBug {
    NONE, DOUBLE_MONEY, NO_RATE_LIMIT_HEADERS, NOT_FOUND_CODE;

    static SeededBug current() {
        String bug = System.getProperty("implementer.bug", "").replaceFirst("^-", "");
        return bug.isEmpty() ? NONE : valueOf(bug.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
